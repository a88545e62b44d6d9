import { DataTable } from 'react-admin';
import { DateOnlyField, DateTimeField, EnumCol, EnumInput, MoneyField, RefCol, RefInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <EnumInput key="plan" source="plan" enum="SubscriptionPlan" />,
    <EnumInput key="status" source="status" enum="SubscriptionStatus" />,
];

export const SubscriptionList = () => (
    <ResourceList filters={filters} sort={{ field: 'orderedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <RefCol source="structureId" reference="structures" />
            <EnumCol source="plan" enum="SubscriptionPlan" color="primary" />
            <EnumCol source="status" enum="SubscriptionStatus" />
            <DataTable.Col source="feeCents" field={MoneyField} />
            <DataTable.Col source="feesDueCents" field={MoneyField} disableSort />
            <DataTable.Col source="orderedAt" field={DateTimeField} />
            <DataTable.Col source="startedAt" field={DateOnlyField} />
            <DataTable.Col source="cancelledAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
