import { DataTable, TextInput } from 'react-admin';
import { DateTimeField, EnumArrayInput, ResourceList, StatusChip, searchFilter } from '../common';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="StructureStatus" />,
    <TextInput key="departement" source="departement" />,
];

export const StructureList = () => (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="siret" />
            <DataTable.Col source="city" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="status">
                <StatusChip source="status" enum="StructureStatus" />
            </DataTable.Col>
            <DataTable.Col source="eligibleAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
