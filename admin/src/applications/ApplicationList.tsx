import { DataTable, FilterButton, NumberInput, SortButton, TextInput, TopToolbar, ExportButton, useGetIdentity } from 'react-admin';
import {
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    QuickFilters,
    RefCol,
    RefInput,
    ResourceList,
    dateRangeFilters,
    searchFilter,
} from '../common';
import { ScoreField } from './ScoreField';
import { PENDING_STATUSES } from './types';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="ApplicationStatus" alwaysOn />,
    <TextInput key="departement" source="departement" />,
    <RefInput key="assigneeId" source="assigneeId" reference="staff" />,
    <NumberInput key="score_gte" source="score_gte" label="filters.minScore" />,
    <NumberInput key="score_lte" source="score_lte" label="filters.maxScore" />,
    ...dateRangeFilters('submittedAt', { after: 'filters.submittedAfter', before: 'filters.submittedBefore' }),
];

/** "À traiter" (the default), "Toutes", "Mes demandes": the queue's usual views in one click. */
const QueueActions = () => {
    const { identity } = useGetIdentity();
    return (
        <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <QuickFilters
                filters={[
                    { label: 'applications.queue.pending', filter: { status: PENDING_STATUSES }, testId: 'quick-pending' },
                    { label: 'applications.queue.all', filter: { status: undefined }, testId: 'quick-all' },
                    ...(identity ? [{ label: 'applications.queue.mine', filter: { assigneeId: identity.id }, testId: 'quick-mine' }] : []),
                ]}
            />
            <SortButton fields={['submittedAt', 'score']} />
            <FilterButton />
            <ExportButton />
        </TopToolbar>
    );
};

/** The review queue: live, pending applications first, newest first. */
export const ApplicationList = () => (
    <ResourceList
        filters={filters}
        filterDefaultValues={{ status: PENDING_STATUSES }}
        sort={{ field: 'submittedAt', order: 'DESC' }}
        actions={<QueueActions />}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="reference" />
            <DataTable.Col source="organisationName" />
            <DataTable.Col source="siret" />
            <DataTable.Col source="departement" />
            <DataTable.Col source="score" field={ScoreField} />
            <EnumCol source="status" enum="ApplicationStatus" />
            <RefCol source="assigneeId" reference="staff" link={false} />
            <DataTable.Col source="submittedAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
