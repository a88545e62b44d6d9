import { DataTable, TextInput } from 'react-admin';
import { EnumInput, ResourceList, StatusChip, searchFilter } from '../common';

const filters = [
    searchFilter,
    <EnumInput key="kind" source="kind" enum="SponsorKind" />,
    <TextInput key="departement" source="departement" />,
];

export const SponsorList = () => (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="kind">
                <StatusChip source="kind" enum="SponsorKind" color="primary" />
            </DataTable.Col>
            <DataTable.Col source="siret" />
            <DataTable.Col source="city" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="contactName" />
            <DataTable.Col source="contactEmail" />
        </DataTable>
    </ResourceList>
);
