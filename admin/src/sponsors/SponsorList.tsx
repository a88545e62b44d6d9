import { DataTable, TextInput } from 'react-admin';
import { EnumCol, EnumInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <EnumInput key="kind" source="kind" enum="SponsorKind" />,
    <TextInput key="departement" source="departement" />,
];

export const SponsorList = () => (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <EnumCol source="kind" enum="SponsorKind" color="primary" />
            <DataTable.Col source="siret" />
            <DataTable.Col source="city" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="contactName" />
            <DataTable.Col source="contactEmail" />
        </DataTable>
    </ResourceList>
);
