import { BooleanField, DataTable, NullableBooleanInput, TextInput } from 'react-admin';
import { RefCol, RefInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <TextInput key="departement" source="departement" />,
    <NullableBooleanInput key="active" source="active" />,
];

export const LocationList = () => (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <RefCol source="structureId" reference="structures" />
            <DataTable.Col source="postalCode" />
            <DataTable.Col source="city" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="active" field={BooleanField} />
        </DataTable>
    </ResourceList>
);
