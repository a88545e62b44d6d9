import { DataTable, TextInput } from 'react-admin';
import { DateTimeField, EnumArrayInput, EnumCol, MoneyField, ResourceList } from '../common';

const filters = [
    <TextInput key="period" source="period" alwaysOn helperText={false} placeholder="2026-01" />,
    <EnumArrayInput key="status" source="status" enum="EndorsementStatus" alwaysOn />,
];

export const EndorsementList = () => (
    <ResourceList filters={filters} sort={{ field: 'period', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="period" />
            <EnumCol source="status" enum="EndorsementStatus" />
            <DataTable.NumberCol source="statementCount" />
            <DataTable.NumberCol source="passCount" />
            <DataTable.Col source="grossCents" field={MoneyField} />
            <DataTable.Col source="feeCents" field={MoneyField} />
            <DataTable.Col source="netCents" field={MoneyField} />
            <DataTable.Col source="closedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
