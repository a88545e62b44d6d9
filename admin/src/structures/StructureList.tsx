import { DataTable, NullableBooleanInput, TextInput } from 'react-admin';
import { DateOnlyField, EnumArrayInput, EnumCol, ResourceList, searchFilter } from '../common';
import { CharterResignatureChip } from './CharterResignatureChip';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="StructureStatus" alwaysOn />,
    <TextInput key="departement" source="departement" />,
    <NullableBooleanInput key="charterResignatureNeeded" source="charterResignatureNeeded" />,
];

export const StructureList = () => (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="siret" />
            <DataTable.Col source="city" />
            <DataTable.Col source="departement" />
            <EnumCol source="status" enum="StructureStatus" />
            <DataTable.Col source="charterResignatureNeeded" field={CharterResignatureChip} />
            <DataTable.Col source="eligibleAt" field={DateOnlyField} />
        </DataTable>
    </ResourceList>
);
