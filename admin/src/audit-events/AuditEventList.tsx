import { DataTable, SelectInput, TextInput } from 'react-admin';
import {
    DateTimeField,
    EnumCol,
    EnumInput,
    ResourceList,
    ResourceNameField,
    dateRangeFilters,
    resourceChoices,
    searchFilter,
} from '../common';
import { ActionField, auditActionChoices } from './ActionField';
import { RecordLinkField } from './RecordLinkField';

// `q` searches the actor's name (and the other text columns) server-side.
const filters = [
    searchFilter,
    <SelectInput key="resource" source="resource" choices={resourceChoices} alwaysOn />,
    <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn />,
    <EnumInput key="actorType" source="actorType" enum="ActorType" />,
    <TextInput key="recordId" source="recordId" />,
    ...dateRangeFilters('createdAt', { alwaysOn: true }),
];

export const AuditEventList = () => (
    <ResourceList filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="createdAt" field={DateTimeField} />
            <DataTable.Col source="actorName" />
            <EnumCol source="actorType" enum="ActorType" color="primary" />
            <DataTable.Col source="action" field={ActionField} />
            <DataTable.Col source="resource" field={ResourceNameField} />
            <DataTable.Col source="recordId" field={RecordLinkField} />
        </DataTable>
    </ResourceList>
);
