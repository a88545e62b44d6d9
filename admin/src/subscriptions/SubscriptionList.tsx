import { DataTable } from 'react-admin';
import { DateTimeField, EnumInput, MoneyField, RefField, RefInput, ResourceList, StatusChip } from '../common';
import { searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <EnumInput key="plan" source="plan" enum="SubscriptionPlan" />,
    <EnumInput key="status" source="status" enum="SubscriptionStatus" />,
];

export const SubscriptionList = () => (
    <ResourceList filters={filters} sort={{ field: 'orderedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="structureId">
                <RefField source="structureId" reference="structures" />
            </DataTable.Col>
            <DataTable.Col source="plan">
                <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <StatusChip source="status" enum="SubscriptionStatus" />
            </DataTable.Col>
            <DataTable.Col source="feeCents" field={MoneyField} />
            <DataTable.Col source="orderedAt" field={DateTimeField} />
            <DataTable.Col source="startedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
