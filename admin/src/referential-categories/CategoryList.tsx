import { BooleanField, DataTable, NullableBooleanInput } from 'react-admin';
import { DateTimeField, ResourceList, searchFilter } from '../common';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

export const CategoryList = () => (
    <ResourceList filters={filters} sort={{ field: 'position', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="position" />
            <DataTable.Col source="code" />
            <DataTable.Col source="label" />
            <DataTable.Col source="active" field={BooleanField} />
            <DataTable.Col source="updatedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
