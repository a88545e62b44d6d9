import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { formatCents, StatusChip } from '../common';

interface Kit {
    id: string;
    plan: 'MONTHLY' | 'ANNUAL';
    status: 'PENDING' | 'ACTIVE' | 'CANCELLED';
    feeCents: number;
    startedAt: string | null;
    cancelledAt: string | null;
    feesDueCents: number;
}

const parisDate = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * "Kit" on a structure's page: its open subscription (or else its last one) with plan, status,
 * billing start, fee and the fees due so far (computed by the server on each read). Without an
 * open kit the structure cannot redeem passes: the panel says so.
 */
export const KitPanel = () => {
    const structure = useRecordContext();
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { data, isPending } = useGetList<Kit>(
        'subscriptions',
        { filter: { structureId: structure?.id }, sort: { field: 'orderedAt', order: 'DESC' }, pagination: { page: 1, perPage: 10 } },
        { enabled: !!structure?.id }
    );
    if (!structure || isPending || !data) return null;
    const kit = data.find(s => s.status !== 'CANCELLED') ?? data[0];
    if (!kit || kit.status === 'CANCELLED') {
        return (
            <Alert severity="warning" sx={{ mx: 2, mt: 2 }} data-testid="kit-panel">
                <AlertTitle>{translate('subscriptions.kit.title')}</AlertTitle>
                {kit?.cancelledAt ? translate('subscriptions.kit.ended', { date: parisDate(kit.cancelledAt) }) : translate('subscriptions.kit.none')}
            </Alert>
        );
    }
    const period = translate(kit.plan === 'MONTHLY' ? 'subscriptions.kit.month' : 'subscriptions.kit.year');
    return (
        <Box sx={{ mx: 2, mt: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="kit-panel">
            <RecordContextProvider value={kit}>
                <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="subtitle2" component="h3">
                        {translate('subscriptions.kit.title')}
                    </Typography>
                    <StatusChip source="plan" enum="SubscriptionPlan" color="primary" />
                    <StatusChip source="status" enum="SubscriptionStatus" />
                    <Typography variant="body2" data-testid="kit-start">
                        {kit.startedAt ? translate('subscriptions.kit.since', { date: parisDate(kit.startedAt) }) : translate('subscriptions.kit.pendingStart')}
                    </Typography>
                    <Typography variant="body2" data-testid="kit-fee">
                        {translate('subscriptions.kit.fee', { fee: formatCents(kit.feeCents), period })}
                    </Typography>
                    <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="kit-due">
                        {translate('subscriptions.kit.due', { due: formatCents(kit.feesDueCents) })}
                    </Typography>
                    <Box sx={{ flex: 1 }} />
                    <Button size="small" component={Link} to={createPath({ resource: 'subscriptions', type: 'show', id: kit.id })}>
                        {translate('subscriptions.kit.open')}
                    </Button>
                </Stack>
            </RecordContextProvider>
        </Box>
    );
};
