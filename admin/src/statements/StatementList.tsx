import { DataTable, NumberInput } from 'react-admin';
import {
    DateTimeField,
    EnumInput,
    MoneyField,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
    searchFilter,
} from '../common';

const filters = [
    searchFilter,
    <EnumInput key="status" source="status" enum="StatementStatus" />,
    <RefInput key="endorsementId" source="endorsementId" reference="endorsements" />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <NumberInput key="year" source="year" />,
];

export const StatementList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="number" />
            <DataTable.Col source="endorsementId">
                <RefField source="endorsementId" reference="endorsements" />
            </DataTable.Col>
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <StatusChip source="status" enum="StatementStatus" />
            </DataTable.Col>
            <DataTable.NumberCol source="passCount" />
            <DataTable.Col source="grossCents" field={MoneyField} />
            <DataTable.Col source="netCents" field={MoneyField} />
            <DataTable.Col source="issuedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
