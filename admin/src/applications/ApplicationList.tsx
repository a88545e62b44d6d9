import { DataTable, DateInput, NumberInput, TextInput } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    RefField,
    RefInput,
    ResourceList,
    StatusChip,
    searchFilter,
} from '../common';
import { ScoreField } from './ScoreField';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="ApplicationStatus" alwaysOn />,
    <TextInput key="departement" source="departement" />,
    <RefInput key="assigneeId" source="assigneeId" reference="staff" />,
    <NumberInput key="score_gte" source="score_gte" label="filters.minScore" />,
    <DateInput key="submittedAt_gte" source="submittedAt_gte" label="filters.submittedAfter" />,
    <DateInput key="submittedAt_lte" source="submittedAt_lte" label="filters.submittedBefore" />,
];

export const ApplicationList = () => (
    <ResourceList filters={filters} sort={{ field: 'submittedAt', order: 'DESC' }}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="reference" />
            <DataTable.Col source="organisationName" />
            <DataTable.Col source="siret" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="score" field={ScoreField} />
            <DataTable.Col source="status">
                <StatusChip source="status" enum="ApplicationStatus" />
            </DataTable.Col>
            <DataTable.Col source="assigneeId">
                <RefField source="assigneeId" reference="staff" link={false} />
            </DataTable.Col>
            <DataTable.Col source="submittedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
