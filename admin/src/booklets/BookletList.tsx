import { DataTable, DateInput } from 'react-admin';
import { DateTimeField, RefField, RefInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    <DateInput key="handedOutAt_gte" source="handedOutAt_gte" label="filters.after" />,
    <DateInput key="handedOutAt_lte" source="handedOutAt_lte" label="filters.before" />,
];

export const BookletList = () => (
    <ResourceList filters={filters} sort={{ field: 'number', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="number" />
            <DataTable.Col source="orderId">
                <RefField source="orderId" reference="orders" />
            </DataTable.Col>
            <DataTable.Col source="handedOutAt" field={DateTimeField} />
            <DataTable.Col source="handedOutBy" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
