import { BooleanField, DataTable, NullableBooleanInput } from 'react-admin';
import { MoneyField, RefCol, RefInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="categoryId" source="categoryId" reference="referential-categories" />,
    <NullableBooleanInput key="active" source="active" />,
];

export const ServiceList = () => (
    <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="code" />
            <DataTable.Col source="label" />
            <RefCol source="categoryId" reference="referential-categories" />
            <DataTable.Col source="recommendedPriceCents" field={MoneyField} />
            <DataTable.Col source="active" field={BooleanField} />
        </DataTable>
    </ResourceList>
);
