import { useState } from 'react';
import { Button, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable, TextInput, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider, JobInfo, JobRun } from '../dataProvider';
import { DateTimeField, EnumArrayInput, EnumCol, ResourceList, searchFilter } from '../common';
import { JobProgress } from './JobProgress';

/** One job: its schedule, a "Lancer" button for the roles that may start it, and its live progress. */
const JobCard = ({ job }: { job: JobInfo }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<AppDataProvider>();
    const queryClient = useQueryClient();
    const [key, setKey] = useState(job.defaultKey);
    const [run, setRun] = useState<JobRun | null>(job.lastRun);
    const [starting, setStarting] = useState(false);
    const refreshRuns = () => void queryClient.invalidateQueries({ queryKey: ['job-runs'] });

    const start = async () => {
        setStarting(true);
        try {
            const { data } = await dataProvider.startJob(job.name, key.trim() || undefined);
            setRun(data.run);
            notify(data.outcome === 'resumed' ? 'jobs.resumed' : 'jobs.started', { type: 'info' });
            refreshRuns();
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        } finally {
            setStarting(false);
        }
    };

    return (
        <Card variant="outlined" data-job={job.name}>
            <CardHeader
                title={job.label}
                subheader={
                    job.schedule
                        ? translate('jobs.schedule', { cron: job.schedule.cron, zone: job.schedule.timeZone })
                        : job.startedFrom
                          ? translate('jobs.startedFrom', { where: job.startedFrom })
                          : translate('jobs.noSchedule')
                }
            />
            <CardContent>
                <Stack spacing={2}>
                    {job.canStart && (
                        <Stack direction="row" spacing={1} alignItems="center">
                            <TextField
                                size="small"
                                label={translate('jobs.key')}
                                helperText={job.keyDescription}
                                value={key}
                                onChange={event => setKey(event.target.value)}
                                sx={{ width: 320 }}
                            />
                            <Button variant="contained" startIcon={<PlayArrow />} onClick={start} disabled={starting}>
                                {translate('jobs.start')}
                            </Button>
                        </Stack>
                    )}
                    <JobProgress
                        name={job.name}
                        run={run}
                        steps={job.steps}
                        onEvent={type => {
                            if (type !== 'progress') refreshRuns();
                        }}
                    />
                </Stack>
            </CardContent>
        </Card>
    );
};

/** The jobs this role may follow, each with its live progress. */
const JobCards = () => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const translate = useTranslate();
    const { data } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs().then(r => r.data) });
    if (!data) return null;
    if (data.length === 0) return <Typography color="text.secondary">{translate('jobs.none')}</Typography>;
    return (
        <Stack spacing={2} sx={{ mt: 2 }}>
            {data.map(job => (
                <JobCard key={job.name} job={job} />
            ))}
        </Stack>
    );
};

const filters = [
    searchFilter,
    <TextInput key="name" source="name" helperText={false} />,
    <EnumArrayInput key="status" source="status" enum="JobRunStatus" alwaysOn />,
];

/** "Tâches": the jobs (start one, watch it) and the list of recent runs. */
export const JobRunList = () => (
    <>
        <JobCards />
        <ResourceList filters={filters} sort={{ field: 'startedAt', order: 'DESC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="name" />
                <DataTable.Col source="key" />
                <EnumCol source="status" enum="JobRunStatus" />
                <DataTable.Col source="step" />
                <DataTable.Col
                    source="done"
                    render={(run: JobRun) => (run.total != null ? `${run.done} / ${run.total}` : String(run.done))}
                />
                <DataTable.Col source="startedByName" />
                <DataTable.Col source="startedAt" field={DateTimeField} />
                <DataTable.Col source="finishedAt" field={DateTimeField} />
            </DataTable>
        </ResourceList>
    </>
);

