import { DataTable } from 'react-admin';
import { DateTimeField, RefCol, RefInput, ResourceList, dateRangeFilters, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    ...dateRangeFilters('handedOutAt'),
];

export const BookletList = () => (
    <ResourceList filters={filters} sort={{ field: 'number', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="number" />
            <RefCol source="orderId" reference="orders" />
            <DataTable.Col source="handedOutAt" field={DateTimeField} />
            <DataTable.Col source="handedOutBy" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
