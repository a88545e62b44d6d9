import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { enums, formatCents, useRecordView } from '../common';

/** `GET /api/sponsors/:id/follow-up`: the sponsor's booklets, passes and money, and redemptions by month. */
export interface SponsorFollowUpData {
    booklets: { issued: number; handedOut: number; notHandedOut: number; started: number };
    passes: Record<string, { count: number; valueCents: number }>;
    money: { owedCents: number; paidCents: number; creditedCents: number; dueCents: number };
    redemptionsByMonth: { month: string; passes: number; valueCents: number }[];
}

const count = (n: number | undefined) => (n ?? 0).toLocaleString('fr-FR');

/** A labelled figure of the panel. */
const Figure = ({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) => (
    <Box sx={{ minWidth: 140 }} data-testid={testId}>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        <Typography variant="h6" component="div" sx={{ fontWeight: strong ? 700 : 500, fontVariantNumeric: 'tabular-nums' }}>
            {value}
        </Typography>
    </Box>
);

const Block = ({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) => (
    <Card variant="outlined" sx={{ flex: '1 1 320px', minWidth: 0 }} data-testid={testId}>
        <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {title}
            </Typography>
            {children}
        </CardContent>
    </Card>
);

/** "Mars 2026" for "2026-03". */
const monthLabel = (month: string) => {
    const [year, m] = month.split('-').map(Number);
    const text = new Date(Date.UTC(year, m - 1, 15)).toLocaleDateString('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Redemptions over time: passes used per month (bars) and their value (tooltip). */
const RedemptionChart = ({ months }: { months: SponsorFollowUpData['redemptionsByMonth'] }) => {
    const translate = useTranslate();
    const theme = useTheme();
    if (months.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('sponsors.followUp.noRedemption')}
            </Typography>
        );
    }
    const data = months.map(row => ({ month: monthLabel(row.month), passes: row.passes, valueCents: row.valueCents }));
    return (
        <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip
                    formatter={(value: any, _name: any, item: any) => [
                        `${count(value)} (${formatCents(item?.payload?.valueCents ?? 0)})`,
                        translate('sponsors.followUp.passesRedeemed'),
                    ]}
                />
                <Legend formatter={() => translate('sponsors.followUp.passesRedeemed')} />
                <Bar dataKey="passes" fill={theme.palette.primary.main} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            </BarChart>
        </ResponsiveContainer>
    );
};

/**
 * The sponsor's follow-up (SPEC §1, §3 "Orders"): booklets issued / handed out / not handed out /
 * started, passes by status and value, money owed / received / credited / due, and redemptions
 * month by month.
 */
export const SponsorFollowUp = () => {
    const translate = useTranslate();
    const { data, error, isPending } = useRecordView<SponsorFollowUpData>('follow-up');
    if (error) {
        return (
            <Alert severity="warning" data-testid="sponsor-follow-up">
                {translate('sponsors.followUp.unavailable')} {(error as Error).message}
            </Alert>
        );
    }
    if (isPending || !data) return null;
    const statuses = [...enums.PassStatus, ...Object.keys(data.passes ?? {}).filter(s => !(enums.PassStatus as readonly string[]).includes(s))].filter(
        status => data.passes?.[status]
    );
    return (
        <Stack spacing={2} sx={{ py: 1 }} data-testid="sponsor-follow-up">
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Block title={translate('sponsors.followUp.booklets')} testId="follow-up-booklets">
                    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Figure label={translate('sponsors.followUp.issued')} value={count(data.booklets?.issued)} testId="follow-up-issued" />
                        <Figure label={translate('sponsors.followUp.handedOut')} value={count(data.booklets?.handedOut)} testId="follow-up-handed-out" />
                        <Figure
                            label={translate('sponsors.followUp.notHandedOut')}
                            value={count(data.booklets?.notHandedOut)}
                            testId="follow-up-not-handed-out"
                        />
                        <Figure label={translate('sponsors.followUp.started')} value={count(data.booklets?.started)} testId="follow-up-started" />
                    </Stack>
                </Block>
                <Block title={translate('sponsors.followUp.money')} testId="follow-up-money">
                    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Figure label={translate('sponsors.followUp.owed')} value={formatCents(data.money?.owedCents ?? 0)} testId="follow-up-owed" />
                        <Figure label={translate('sponsors.followUp.paid')} value={formatCents(data.money?.paidCents ?? 0)} testId="follow-up-paid" />
                        <Figure
                            label={translate('sponsors.followUp.credited')}
                            value={formatCents(data.money?.creditedCents ?? 0)}
                            testId="follow-up-credited"
                        />
                        <Figure label={translate('sponsors.followUp.due')} value={formatCents(data.money?.dueCents ?? 0)} testId="follow-up-due" strong />
                    </Stack>
                </Block>
            </Stack>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Block title={translate('sponsors.followUp.passes')} testId="follow-up-passes">
                    {statuses.length === 0 ? (
                        <Typography variant="body2" color="text.secondary">
                            {translate('sponsors.followUp.noPass')}
                        </Typography>
                    ) : (
                        <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& td': { py: 0.5, typography: 'body2' } }}>
                            <tbody>
                                {statuses.map(status => (
                                    <tr key={status} data-pass-status={status}>
                                        <td>{translate(`enums.PassStatus.${status}`, { _: status })}</td>
                                        <Box component="td" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                                            {count(data.passes[status].count)}
                                        </Box>
                                        <Box component="td" sx={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', pl: 2 }}>
                                            {formatCents(data.passes[status].valueCents)}
                                        </Box>
                                    </tr>
                                ))}
                            </tbody>
                        </Box>
                    )}
                </Block>
                <Block title={translate('sponsors.followUp.redemptions')} testId="follow-up-redemptions">
                    <RedemptionChart months={data.redemptionsByMonth ?? []} />
                </Block>
            </Stack>
        </Stack>
    );
};
