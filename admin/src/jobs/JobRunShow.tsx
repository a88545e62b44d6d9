import { NumberField, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import type { JobRun } from '../dataProvider';
import { DateTimeField, JsonField, RecordShow, StatusChip } from '../common';
import { JobProgress } from './JobProgress';

/** The run's live progress while it runs (same topic as the "Tâches" page). */
const LiveProgress = () => {
    const run = useRecordContext<JobRun>();
    return run ? <JobProgress name={run.name} run={run} onlyThisRun /> : null;
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
