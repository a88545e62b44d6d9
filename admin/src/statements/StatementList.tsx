import { DataTable, NumberInput } from 'react-admin';
import { DateTimeField, EnumCol, EnumInput, MoneyField, RefCol, RefInput, ResourceList, searchFilter } from '../common';

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
            <RefCol source="endorsementId" reference="endorsements" />
            <RefCol source="structureId" reference="structures" />
            <EnumCol source="status" enum="StatementStatus" />
            <DataTable.NumberCol source="passCount" />
            <DataTable.Col source="grossCents" field={MoneyField} />
            <DataTable.Col source="netCents" field={MoneyField} />
            <DataTable.Col source="issuedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
