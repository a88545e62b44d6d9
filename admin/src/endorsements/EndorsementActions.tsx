import { useEffect, useState } from 'react';
import RecomputeIcon from '@mui/icons-material/Refresh';
import CloseIcon from '@mui/icons-material/Lock';
import PrepareIcon from '@mui/icons-material/PlaylistAdd';
import ExportIcon from '@mui/icons-material/AccountBalance';
import PaidIcon from '@mui/icons-material/DoneAll';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Empty, ExportButton, FilterButton, TextInput, TopToolbar, regex, required, useCanAccess, useDataProvider, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ActionButton, ActionDialog, DownloadButton, errorMessage, formatCents, useWorkflowAllows, type FieldValues } from '../common';
import type { AppDataProvider, JobRun } from '../dataProvider';
import { JobProgress } from '../jobs/JobProgress';

export const PREPARE_JOB = 'endorsement-prepare';
export const CLOSE_JOB = 'endorsement-close';

/** The month before the one under way in Paris, "AAAA-MM": what "Préparer un mois" proposes. */
export function lastMonthInParis(now = new Date()): string {
    const [year, month] = now.toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).split('-').map(Number);
    return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The key of a month's n-th computation (server/src/endorsement/period.ts). */
const preparationKey = (period: string, revision: number) => (revision <= 1 ? period : `${period}.r${revision}`);

/** The month's totals, as the closing's confirmation states them. */
const totalsOf = (translate: ReturnType<typeof useTranslate>, r: Record<string, any>) =>
    translate('endorsements.actions.closeContent', {
        period: r.period,
        statements: Number(r.statementCount).toLocaleString('fr-FR'),
        passes: Number(r.passCount).toLocaleString('fr-FR'),
        gross: formatCents(r.grossCents),
        fee: formatCents(r.feeCents),
        subscriptions: formatCents(r.subscriptionCents),
        net: formatCents(r.netCents),
        payable: formatCents(r.payableCents),
    });

/** "Recalculer": a new computation of the draft (or the interrupted one taken up). */
const RecomputeButton = ({ onRun }: { onRun: (run: JobRun | null) => void }) => {
    const record = useRecordContext();
    const allowed = useWorkflowAllows('endorsements', 'recompute');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="recompute"
            label="endorsements.actions.recompute"
            icon={<RecomputeIcon />}
            successMessage="endorsements.actions.recomputing"
            onSuccess={result => onRun((result as { run?: JobRun }).run ?? null)}
            dialog={{ title: 'endorsements.actions.recomputeTitle', content: <RecomputeContent /> }}
        />
    );
};
const RecomputeContent = () => {
    const translate = useTranslate();
    return <Typography variant="body2">{translate('endorsements.actions.recomputeContent')}</Typography>;
};

/** "Clôturer": after a confirmation that states the totals of the draft shown (its computation number goes with it). */
const CloseButton = ({ onRun }: { onRun: (run: JobRun | null) => void }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('endorsements', 'close');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="close"
            label="endorsements.actions.close"
            icon={<CloseIcon />}
            variant="contained"
            color="warning"
            successMessage="endorsements.actions.closing"
            transform={() => ({ revision: record.revision })}
            onSuccess={result => onRun((result as { run?: JobRun }).run ?? null)}
            dialog={{
                title: 'endorsements.actions.closeTitle',
                content: (
                    <Typography variant="body2" data-testid="close-totals" sx={{ whiteSpace: 'pre-line' }}>
                        {totalsOf(translate, record)}
                    </Typography>
                ),
            }}
        />
    );
};

/**
 * A closing run that stopped after the month was closed (failed, handed back by an instance that
 * shut down, or its instance silent for 2 minutes): its PDFs are not all rendered.
 */
const closingStopped = (run: JobRun | undefined) =>
    !!run && (run.status === 'FAILED' || (run.status === 'RUNNING' && (run.owner === null || Date.now() - new Date(run.heartbeatAt).getTime() > 120_000)));

/** "Reprendre la clôture": the closed month's run takes up its PDFs where it stopped (the server refuses it while it is worked). */
const ResumeClosingButton = ({ run, onRun }: { run: JobRun | undefined; onRun?: (run: JobRun | null) => void }) => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'endorsements', action: 'edit' });
    if (!record || !canAccess || ['PREPARING', 'PREPARED', 'CLOSING'].includes(record.status) || !closingStopped(run)) return null;
    return (
        <Box>
            <ActionButton
                action="close"
                label="endorsements.actions.resumeClosing"
                icon={<CloseIcon />}
                successMessage="endorsements.actions.closing"
                transform={() => ({ revision: record.revision })}
                onSuccess={result => onRun?.((result as { run?: JobRun }).run ?? null)}
            />
        </Box>
    );
};

/** The month's withheld payouts (no valid bank details at closing), counted for the export's confirmation. */
const useWithheldCount = (endorsementId: string | undefined) =>
    useGetList('payouts', { filter: { endorsementId, status: 'WITHHELD' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'ASC' } }, { enabled: !!endorsementId }).total ?? 0;

/** "Exporter les virements": the SEPA file and its CSV, frozen; withheld payouts are left out, with their reason. */
const ExportPayoutsButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('endorsements', 'export');
    const withheld = useWithheldCount(record?.id as string | undefined);
    if (!record || !allowed || record.status !== 'CLOSED') return null;
    return (
        <ActionButton
            action="export"
            label="endorsements.actions.export"
            icon={<ExportIcon />}
            variant="contained"
            successMessage="endorsements.actions.exported"
            dialog={{
                title: 'endorsements.actions.exportTitle',
                content: (
                    <Typography variant="body2" data-testid="export-totals" sx={{ whiteSpace: 'pre-line' }}>
                        {translate('endorsements.actions.exportContent', { period: record.period, payable: formatCents(record.payableCents) })}
                        {withheld > 0 && `\n${translate('endorsements.actions.exportWithheld', { smart_count: withheld })}`}
                    </Typography>
                ),
            }}
        />
    );
};

/** "Marquer payé": the bank executed the exported transfers. */
const MarkPaidButton = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const allowed = useWorkflowAllows('endorsements', 'mark-paid');
    if (!record || !allowed) return null;
    return (
        <ActionButton
            action="mark-paid"
            label="endorsements.actions.markPaid"
            icon={<PaidIcon />}
            variant="contained"
            color="success"
            successMessage="endorsements.actions.paid"
            dialog={{
                title: 'endorsements.actions.markPaidTitle',
                content: (
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                        {translate('endorsements.actions.markPaidContent', { period: record.period, date: record.exportedAt ? new Date(record.exportedAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—' })}
                    </Typography>
                ),
            }}
        />
    );
};

/** Once exported: the SEPA file for the bank and the same transfers (and the withheld ones) as a spreadsheet, the same bytes each time. */
export const PayoutFiles = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'payouts', action: 'list' });
    if (!record?.sepaExport || !canAccess) return null;
    return (
        <Stack direction="row" spacing={1} useFlexGap sx={{ px: 2, pt: 1, flexWrap: 'wrap' }} data-testid="payout-files">
            <DownloadButton path={`endorsements/${record.id}/payouts.xml`} filename={`virements-${record.period}.xml`} label="endorsements.files.sepa" />
            <DownloadButton path={`endorsements/${record.id}/payouts.csv`} filename={`virements-${record.period}.csv`} label="endorsements.files.csv" />
        </Stack>
    );
};

export const EndorsementWorkflow = ({ onRun }: { onRun: (run: JobRun | null) => void }) => (
    <>
        <RecomputeButton onRun={onRun} />
        <CloseButton onRun={onRun} />
        <ExportPayoutsButton />
        <MarkPaidButton />
    </>
);

/**
 * The month's jobs, live: its current computation and its closing (the run a button just started,
 * or the last one found), each with its progress bar per step; the record is read again when one ends.
 */
export const EndorsementProgress = ({ started, onRun }: { started: JobRun | null; onRun?: (run: JobRun | null) => void }) => {
    const record = useRecordContext();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<AppDataProvider>();
    const { data: jobs } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs().then(r => r.data) });
    const prepareKey = record ? preparationKey(record.period, record.revision) : '';
    const list = (name: string, key: string) =>
        ({ filter: { name, key }, pagination: { page: 1, perPage: 1 }, sort: { field: 'startedAt', order: 'DESC' as const } });
    const { data: prepares, refetch: refetchPrepares } = useGetList<JobRun>('job-runs', list(PREPARE_JOB, prepareKey), { enabled: !!record });
    const { data: closes, refetch: refetchCloses } = useGetList<JobRun>('job-runs', list(CLOSE_JOB, record?.period ?? ''), { enabled: !!record });
    // The month moved on (a job ended, maybe before this page heard of it): its runs are read again.
    useEffect(() => {
        if (!record) return;
        void refetchPrepares();
        void refetchCloses();
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [record?.status, record?.revision]);
    if (!record) return null;
    // The run a button just started, until the server's list has it as recent or more.
    const shown = (name: string, found: JobRun | undefined) =>
        started?.name === name && (!found || (found.id === started.id ? started.updatedAt > found.updatedAt : started.startedAt > found.startedAt)) ? started : found;
    const runs = [
        { name: PREPARE_JOB, run: shown(PREPARE_JOB, prepares?.[0]) },
        { name: CLOSE_JOB, run: shown(CLOSE_JOB, closes?.[0]) },
    ].filter(r => r.run);
    if (!runs.length) return null;
    return (
        <Box sx={{ px: 2, pt: 1, display: 'grid', gap: 1.5, maxWidth: 760 }} data-testid="endorsement-progress">
            {runs.map(({ name, run }) => (
                <JobProgress key={name} name={name} run={run} steps={jobs?.find(j => j.name === name)?.steps} onEvent={type => type !== 'progress' && refresh()} />
            ))}
            <ResumeClosingButton run={runs.find(r => r.name === CLOSE_JOB)?.run} onRun={onRun} />
        </Box>
    );
};

const monthFormat = regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'endorsements.prepare.format');

/** "Préparer un mois" on the list: the first computation of a month (the schedule does last month's on the 1st). */
const PrepareMonthButton = ({ onRun }: { onRun: (run: JobRun) => void }) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'endorsements', action: 'edit' });
    const { mutateAsync, isPending } = useMutation({
        mutationFn: (body: Record<string, unknown>) => dataProvider.runResourceAction<{ run: JobRun }>('endorsements', { action: 'prepare', data: body }).then(({ data }) => data),
        onSuccess: data => {
            setOpen(false);
            onRun(data.run);
            notify('endorsements.actions.recomputing', { type: 'info' });
            refresh();
        },
        onError: error => {
            const message = errorMessage(error);
            notify(message, { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
        },
    });
    const submit = (values: FieldValues) =>
        mutateAsync({ period: String(values.period ?? '').trim() }).then(
            () => undefined,
            (error: { body?: { errors?: Record<string, unknown> } }) => error?.body?.errors
        );
    if (!canAccess) return null;
    return (
        <>
            <Button size="small" startIcon={<PrepareIcon />} onClick={() => setOpen(true)} data-action="prepare-month">
                {translate('endorsements.prepare.button')}
            </Button>
            <ActionDialog
                open={open}
                title="endorsements.prepare.title"
                content={<Typography variant="body2">{translate('endorsements.prepare.content')}</Typography>}
                inputs={<TextInput source="period" label="endorsements.prepare.period" validate={[required(), monthFormat]} fullWidth />}
                confirmLabel="endorsements.prepare.confirm"
                defaultValues={{ period: lastMonthInParis() }}
                isPending={isPending}
                onConfirm={submit}
                onClose={() => setOpen(false)}
            />
        </>
    );
};

export const NoMonthYet = ({ onRun }: { onRun: (run: JobRun) => void }) => (
    <Box sx={{ textAlign: 'center', width: '100%' }}>
        <Empty />
        <PrepareMonthButton onRun={onRun} />
    </Box>
);

export const EndorsementListActions = ({ onRun }: { onRun: (run: JobRun) => void }) => (
    <TopToolbar>
        <FilterButton />
        <PrepareMonthButton onRun={onRun} />
        <ExportButton />
    </TopToolbar>
);

/** The preparation started from the list, live, until it ends (then the list shows the month). */
export const PrepareProgress = ({ run, onEvent }: { run: JobRun | null; onEvent: (run: JobRun) => void }) => {
    const refresh = useRefresh();
    const dataProvider = useDataProvider<AppDataProvider>();
    const { data: jobs } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs().then(r => r.data), enabled: !!run });
    if (!run) return null;
    return (
        <Box sx={{ p: 2, maxWidth: 760 }} data-testid="prepare-progress">
            <JobProgress
                name={PREPARE_JOB}
                run={run}
                onlyThisRun
                steps={jobs?.find(j => j.name === PREPARE_JOB)?.steps}
                onEvent={(type, reported) => {
                    onEvent(reported);
                    if (type !== 'progress') refresh();
                }}
            />
        </Box>
    );
};
