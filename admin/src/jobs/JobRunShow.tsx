import { useQuery } from '@tanstack/react-query';
import { NumberField, SimpleShowLayout, TextField, useDataProvider, useRecordContext } from 'react-admin';
import type { AppDataProvider, JobRun } from '../dataProvider';
import { DateTimeField, JsonField, RecordShow, StatusChip } from '../common';
import { JobProgress } from './JobProgress';

/** The run's live progress while it runs (same topic as the "Tâches" page), its steps' figures in the job's order. */
const LiveProgress = () => {
    const run = useRecordContext<JobRun>();
    const dataProvider = useDataProvider<AppDataProvider>();
    const { data: jobs } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs().then(r => r.data) });
    return run ? <JobProgress name={run.name} run={run} steps={jobs?.find(j => j.name === run.name)?.steps} onlyThisRun /> : null;
};

export const JobRunShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <LiveProgress />
            <TextField source="name" />
            <TextField source="key" />
            <StatusChip source="status" enum="JobRunStatus" />
            <TextField source="step" emptyText="—" />
            <NumberField source="done" />
            <NumberField source="total" emptyText="—" />
            <JsonField source="counts" />
            <TextField source="error" emptyText="—" />
            <TextField source="startedByName" />
            <NumberField source="attempts" />
            <DateTimeField source="startedAt" />
            <DateTimeField source="heartbeatAt" />
            <DateTimeField source="finishedAt" />
        </SimpleShowLayout>
    </RecordShow>
);
