import { useContext, useEffect, useState } from 'react';
import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useGetList, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider, JobRun } from '../dataProvider';
import { JobProgress } from '../jobs/JobProgress';
import { IssueRunContext } from './OrderActions';

/** The job that generates an order's booklets and passes; its run is keyed by the order's id. */
export const ISSUE_JOB = 'issue-order';

/**
 * The order's issue, live: the run the "Émettre" button just started, or the one found for this
 * order (a colleague issued it, or the page was reloaded meanwhile). The run is shared with the
 * workflow buttons (no second "Émettre" while it runs), and the record is read again when it
 * ends, so the status and the booklets follow.
 */
export const IssueProgress = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<AppDataProvider>();
    const { run: current, setRun } = useContext(IssueRunContext);
    // A run that ended before this page opened is history (in the timeline): only one seen running here stays shown.
    const [watched, setWatched] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'job-runs', action: 'list' });
    const enabled = !!record && !!canAccess && record.status !== 'CANCELLED';
    const { data } = useGetList<JobRun>(
        'job-runs',
        { filter: { name: ISSUE_JOB, key: record?.id }, sort: { field: 'startedAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
        { enabled }
    );
    // The steps' labels as the server names them (GET /api/jobs, shared with the "Tâches" page).
    const { data: jobs } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs().then(r => r.data), enabled });
    const found = data?.[0];
    useEffect(() => {
        if (found && (!current || current.id !== found.id || found.updatedAt > current.updatedAt)) setRun(found);
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [found?.id, found?.updatedAt]);
    const run = current && current.key === record?.id ? current : found;
    if (!record || !run || (run.status === 'SUCCEEDED' && !watched)) return null;
    return (
        <Box sx={{ maxWidth: 640, mb: 1 }} data-testid="order-issue-progress">
            <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 0.5 }}>
                {translate('orders.issue.title')}
            </Typography>
            <JobProgress
                name={ISSUE_JOB}
                run={run}
                onlyThisRun
                showKey={false}
                steps={jobs?.find(job => job.name === ISSUE_JOB)?.steps}
                onEvent={(type, reported) => {
                    setWatched(true);
                    setRun(reported);
                    if (type !== 'progress') refresh();
                }}
            />
        </Box>
    );
};
