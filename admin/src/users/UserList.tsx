import { BooleanField, DataTable, NullableBooleanInput } from 'react-admin';
import { DateTimeField, EnumCol, EnumInput, ResourceList, searchFilter } from '../common';

const filters = [
    searchFilter,
    <EnumInput key="role" source="role" enum="Role" />,
    <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
    <ResourceList filters={filters} sort={{ field: 'fullName', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="fullName" />
            <DataTable.Col source="email" />
            <EnumCol source="role" enum="Role" color="primary" />
            <DataTable.Col source="active" field={BooleanField} />
            <DataTable.Col source="lastLoginAt" field={DateTimeField} />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
