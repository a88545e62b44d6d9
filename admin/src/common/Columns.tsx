import { DataTable, type DataTableColumnProps, type ReferenceFieldProps } from 'react-admin';
import type { EnumName } from './enums';
import { RefField } from './RefField';
import { StatusChip, type StatusChipProps } from './StatusChip';

type ColProps = Omit<DataTableColumnProps, 'source' | 'children' | 'field' | 'render'>;

export interface RefColProps extends ColProps {
    source: string;
    reference: string;
    link?: ReferenceFieldProps['link'];
}

/** A column showing a foreign key as its record (RefField), sorted on the key. */
export const RefCol = ({ source, reference, link, ...props }: RefColProps) => (
    <DataTable.Col source={source} {...props}>
        <RefField source={source} reference={reference} link={link} />
    </DataTable.Col>
);

export interface EnumColProps extends ColProps {
    source: string;
    enum: EnumName;
    color?: StatusChipProps['color'];
}

/** A column showing an enum value (or a list of them) as translated chips (StatusChip). */
export const EnumCol = ({ source, enum: enumName, color, ...props }: EnumColProps) => (
    <DataTable.Col source={source} {...props}>
        <StatusChip source={source} enum={enumName} color={color} />
    </DataTable.Col>
);
