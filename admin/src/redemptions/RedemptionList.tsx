import { BooleanField, DataTable, NullableBooleanInput } from 'react-admin';
import {
    DateTimeField,
    EnumCol,
    EnumInput,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    dateRangeFilters,
} from '../common';

const filters = [
    <RefInput key="structureId" source="structureId" reference="structures" alwaysOn />,
    <EnumInput key="status" source="status" enum="RedemptionStatus" alwaysOn />,
    <RefInput key="offerId" source="offerId" reference="offers" />,
    <NullableBooleanInput key="forced" source="forced" />,
    ...dateRangeFilters('createdAt'),
];

export const RedemptionList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <RefCol source="structureId" reference="structures" />
            <RefCol source="offerId" reference="offers" />
            <EnumCol source="status" enum="RedemptionStatus" />
            <DataTable.NumberCol source="passCount" />
            <DataTable.Col source="totalValueCents" field={MoneyField} />
            <DataTable.Col source="forced" field={BooleanField} />
        </DataTable>
    </ResourceList>
);
