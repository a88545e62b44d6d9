import { useEffect, useState } from 'react';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { JobRun } from '../dataProvider';
import { statusColour } from '../common/StatusChip';
import { formatCents } from '../common/MoneyField';
import { useSubscribe } from '../realtime/useSubscribe';

export interface JobProgressProps {
    /** Job name: follows the topic `job/<name>`. */
    name: string;
    /** The run to show until the server reports another (e.g. the job's last run). */
    run?: JobRun | null;
    /** Step labels, for a step shown by its name otherwise. */
    steps?: { name: string; label: string }[];
    /** Told of every run the topic reports (a page refreshes its list when one ends). */
    onEvent?: (type: string, run: JobRun) => void;
    /** Shows only `run`, not the job's other runs (a run's own page). */
    onlyThisRun?: boolean;
    /** Names the run by its key (a day, a month); false where the page already says what it is about (an order's id). */
    showKey?: boolean;
}

/**
 * One count of a step, named: "17 pass", "170,00 €" for an amount (a key ending in "cents" is
 * money in cents), the key itself for a count the console has no words for.
 */
export const countLabel = (translate: (key: string, options?: any) => string, what: string, n: number): string => {
    if (/cents$/i.test(what)) {
        const name = translate(`jobs.counts.${what}`, { _: '' });
        return name ? `${name} ${formatCents(n)}` : formatCents(n);
    }
    return translate(`jobs.counts.${what}`, { smart_count: n, n: n.toLocaleString('fr-FR'), _: `${what} ${n.toLocaleString('fr-FR')}` });
};

const formatDate = (value: string | null | undefined) =>
    value ? new Date(value).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' }) : '';

/** The steps' figures in the job's order (the database keeps them as JSON, whose keys come back shortest first). */
const stepOrder = <T,>(entries: [string, T][], steps: { name: string }[]) => {
    const rank = (name: string) => {
        const i = steps.findIndex(s => s.name === name);
        return i < 0 ? steps.length : i;
    };
    return [...entries].sort(([a], [b]) => rank(a) - rank(b));
};

/**
 * A long job's live progress: the run's state, the step at work and its progress bar, the
 * counts of each step and the outcome (or the reason it failed), from `job/<name>` events.
 */
export const JobProgress = ({ name, run: initial = null, steps = [], onEvent, onlyThisRun = false, showKey = true }: JobProgressProps) => {
    const translate = useTranslate();
    const [run, setRun] = useState<JobRun | null>(initial);
    const [refused, setRefused] = useState<string | null>(null);
    // A newer run from the page (after "Lancer") replaces the one shown.
    useEffect(() => {
        if (initial && (!run || initial.id !== run.id || initial.updatedAt > run.updatedAt)) setRun(initial);
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [initial]);
    useSubscribe(
        `job/${name}`,
        event => {
            const reported = event.payload?.run as JobRun | undefined;
            if (!reported || (onlyThisRun && reported.id !== initial?.id)) return;
            setRun(reported);
            onEvent?.(event.type, reported);
        },
        { onAck: ack => setRefused(ack.ok ? null : (ack.error ?? null)) }
    );

    const stepLabel = (step: string) => steps.find(s => s.name === step)?.label ?? step;
    if (refused) return <Alert severity="warning">{refused}</Alert>;
    if (!run) {
        return (
            <Typography variant="body2" color="text.secondary" data-job-progress={name}>
                {translate('jobs.neverRun')}
            </Typography>
        );
    }
    const percent = run.total ? Math.min(100, Math.round((run.done / run.total) * 100)) : null;
    const running = run.status === 'RUNNING';
    return (
        <Stack spacing={1} data-job-progress={name} data-status={run.status}>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap">
                <Chip size="small" color={statusColour(run.status)} label={translate(`enums.JobRunStatus.${run.status}`)} />
                <Typography variant="body2">
                    {translate(showKey ? 'jobs.runOf' : 'jobs.startedBy', { key: run.key, name: run.startedByName, date: formatDate(run.startedAt) })}
                </Typography>
                {run.attempts > 1 && (
                    <Typography variant="body2" color="text.secondary">
                        {translate('jobs.attempts', { smart_count: run.attempts })}
                    </Typography>
                )}
            </Stack>
            {running && (
                <Box>
                    <Typography variant="body2" color="text.secondary">
                        {run.step ? stepLabel(run.step) : translate('jobs.starting')}
                        {' — '}
                        {run.total != null
                            ? translate('jobs.doneOfTotal', { done: run.done.toLocaleString('fr-FR'), total: run.total.toLocaleString('fr-FR') })
                            : translate('jobs.done', { done: run.done.toLocaleString('fr-FR') })}
                    </Typography>
                    <LinearProgress
                        variant={percent == null ? 'indeterminate' : 'determinate'}
                        value={percent ?? undefined}
                        aria-label={translate('jobs.progress')}
                        sx={{ height: 8, borderRadius: 1, mt: 0.5 }}
                    />
                </Box>
            )}
            {Object.keys(run.counts ?? {}).length > 0 && (
                <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                    {stepOrder(Object.entries(run.counts), steps).map(([step, counts]) => (
                        <Chip
                            key={step}
                            variant="outlined"
                            size="small"
                            // A step with many figures wraps instead of running off the card.
                            sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
                            label={`${stepLabel(step)} : ${Object.entries(counts)
                                .map(([what, n]) => countLabel(translate, what, n))
                                .join(' · ')}`}
                        />
                    ))}
                </Stack>
            )}
            {run.status === 'SUCCEEDED' && (
                <Alert severity="success" variant="outlined">
                    {translate('jobs.succeeded', { date: formatDate(run.finishedAt) })}
                </Alert>
            )}
            {run.status === 'FAILED' && run.error && <Alert severity="error">{run.error}</Alert>}
        </Stack>
    );
};
