import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Link as MuiLink, Typography } from '@mui/material';
import StructureIcon from '@mui/icons-material/Storefront';
import ClaimIcon from '@mui/icons-material/PanTool';
import MineIcon from '@mui/icons-material/AssignmentInd';
import HoldIcon from '@mui/icons-material/HourglassEmpty';
import OfferIcon from '@mui/icons-material/LocalOffer';
import DisputeIcon from '@mui/icons-material/ReportProblem';
import OrderIcon from '@mui/icons-material/RequestQuote';
import ActiveIcon from '@mui/icons-material/ConfirmationNumber';
import PayoutIcon from '@mui/icons-material/Payments';
import WithheldIcon from '@mui/icons-material/Block';
import ScanIcon from '@mui/icons-material/QrCodeScanner';
import RefusedIcon from '@mui/icons-material/DoNotDisturbOn';
import SentIcon from '@mui/icons-material/AccountBalance';
import MonthIcon from '@mui/icons-material/CalendarMonth';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Link } from 'react-router-dom';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import type {
    AdminDashboard,
    FinanceDashboard,
    ReviewerDashboard,
    ScanFigures,
    SupportDashboard,
} from '../../../server/src/rules/dashboards';
import { formatCents } from '../common/MoneyField';
import { FigureCard } from './FigureCard';
import { QueueCard, listUrl } from './QueueCard';
import { StatusChart } from './StatusChart';
import { useDashboard } from './useDashboard';
import { AnomalyPanel } from '../scans/live/AnomalyPanel';

const number = new Intl.NumberFormat('fr-FR');

const Row = ({ children }: { children: ReactNode }) => (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>{children}</Box>
);

const Heading = ({ title }: { title: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="h6" sx={{ mb: 1 }}>
            {translate(title)}
        </Typography>
    );
};

/** REVIEWER: the applications to claim, mine (in review, on hold), the offers to moderate. */
const ReviewerHome = ({ data }: { data: ReviewerDashboard }) => {
    const translate = useTranslate();
    return (
        <>
            <Heading title="roleDashboard.reviewer.heading" />
            <Row>
                <QueueCard icon={ClaimIcon} title="roleDashboard.reviewer.toClaim" queue={data.queues.toClaim} testId="queue-to-claim" />
                <QueueCard icon={MineIcon} title="roleDashboard.reviewer.mine" queue={data.queues.mine} testId="queue-mine" />
                <QueueCard icon={HoldIcon} title="roleDashboard.reviewer.mineOnHold" queue={data.queues.mineOnHold} testId="queue-mine-on-hold" />
                <QueueCard icon={OfferIcon} title="roleDashboard.reviewer.offersToModerate" queue={data.queues.offersToModerate} testId="queue-offers" />
            </Row>
            <Row>
                <StatusChart
                    title={translate('dashboard.applicationsByStatus')}
                    counts={data.applicationsByStatus}
                    enum="ApplicationStatus"
                    testId="chart-applications"
                />
            </Row>
        </>
    );
};

/** The last nightly reconciliation of the books: red with a link to the report when it found a difference. */
const ReconciliationAlert = ({ last }: { last: FinanceDashboard['lastReconciliation'] }) => {
    const translate = useTranslate();
    if (!last) return <Alert severity="info" sx={{ mb: 2 }} data-testid="reconciliation-alert">{translate('roleDashboard.finance.reconciliationNever')}</Alert>;
    const at = new Date(last.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
    return (
        <Alert
            severity={last.ok ? 'success' : 'error'}
            variant={last.ok ? 'standard' : 'filled'}
            sx={{ mb: 2 }}
            data-testid="reconciliation-alert"
            data-ok={last.ok}
            action={<Link to="/reconciliation">{translate('roleDashboard.finance.reconciliationOpen')}</Link>}
        >
            {last.ok ? translate('roleDashboard.finance.reconciliationOk', { at }) : translate('roleDashboard.finance.reconciliationDifferences', { at, smart_count: last.differences })}
        </Alert>
    );
};

/** The last months with their totals, each opening its page. */
const LastEndorsements = ({ rows }: { rows: FinanceDashboard['lastEndorsements'] }) => {
    const translate = useTranslate();
    return (
        <Card sx={{ flex: '2 1 420px', minWidth: 0 }} data-testid="last-endorsements">
            <CardContent>
                <Typography color="text.secondary" variant="body2" gutterBottom>
                    {translate('roleDashboard.finance.lastEndorsements')}
                </Typography>
                {rows.length === 0 ? (
                    <Typography variant="body2">{translate('roleDashboard.finance.noEndorsement')}</Typography>
                ) : (
                    <Table size="small">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('resources.endorsements.fields.period')}</TableCell>
                                <TableCell>{translate('resources.endorsements.fields.status')}</TableCell>
                                <TableCell align="right">{translate('resources.endorsements.fields.passCount')}</TableCell>
                                <TableCell align="right">{translate('resources.endorsements.fields.grossCents')}</TableCell>
                                <TableCell align="right">{translate('resources.endorsements.fields.payableCents')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map(e => (
                                <TableRow key={e.id}>
                                    <TableCell>
                                        <Link to={`/endorsements/${e.id}/show`}>{e.period}</Link>
                                    </TableCell>
                                    <TableCell>
                                        <StatusChip enum="EndorsementStatus" source="status" record={e} />
                                    </TableCell>
                                    <TableCell align="right">{number.format(e.passCount)}</TableCell>
                                    <TableCell align="right">{formatCents(e.grossCents)}</TableCell>
                                    <TableCell align="right">{formatCents(e.payableCents)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
            </CardContent>
        </Card>
    );
};

/** FINANCE: the reconciliation's verdict, the month to date, orders awaiting the sponsor's payment, payouts to make, withheld or awaiting the bank, the next and last months. */
const FinanceHome = ({ data }: { data: FinanceDashboard }) => {
    const translate = useTranslate();
    const mtd = data.monthToDate;
    return (
        <>
            <ReconciliationAlert last={data.lastReconciliation} />
            <Heading title="roleDashboard.finance.monthHeading" />
            <Row>
                <FigureCard
                    icon={MonthIcon}
                    title={translate('roleDashboard.finance.monthToDate', { period: mtd.period })}
                    value={number.format(mtd.passes)}
                    hint={translate('roleDashboard.finance.monthFigures', { gross: formatCents(mtd.grossCents), downstream: formatCents(mtd.downstreamFeeCents), upstream: formatCents(mtd.upstreamFeeCents) })}
                    testId="figure-month-to-date"
                />
                <FigureCard
                    icon={ScheduleIcon}
                    title={translate('roleDashboard.finance.nextPreparation')}
                    value={data.nextPreparation ? new Date(data.nextPreparation.at).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—'}
                    hint={data.nextPreparation ? translate('roleDashboard.finance.nextPreparationHint', { period: data.nextPreparation.period, time: new Date(data.nextPreparation.at).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }) }) : undefined}
                    to="/endorsements"
                    testId="figure-next-preparation"
                />
                <LastEndorsements rows={data.lastEndorsements} />
            </Row>
            <Heading title="roleDashboard.finance.heading" />
            <Row>
                <QueueCard
                    icon={OrderIcon}
                    title="roleDashboard.finance.ordersAwaitingPayment"
                    queue={data.ordersAwaitingPayment}
                    testId="queue-orders-awaiting-payment"
                    extra={
                        <Typography variant="caption" color="text.secondary">
                            {translate('roleDashboard.finance.fees', { amount: formatCents(data.ordersAwaitingPayment.upstreamFeeCents) })}
                        </Typography>
                    }
                />
                <FigureCard
                    icon={ActiveIcon}
                    title={translate('roleDashboard.finance.activeOrders')}
                    value={number.format(data.activeOrders.count)}
                    hint={translate('roleDashboard.finance.faceValue', { amount: formatCents(data.activeOrders.faceValueCents) })}
                    to={listUrl(data.activeOrders.list)}
                    testId="figure-active-orders"
                />
                <QueueCard icon={PayoutIcon} title="roleDashboard.finance.payoutsPending" queue={data.payoutsPending} testId="queue-payouts-pending" />
                <QueueCard icon={SentIcon} title="roleDashboard.finance.payoutsExported" queue={data.payoutsExported} testId="queue-payouts-exported" />
                <QueueCard icon={WithheldIcon} title="roleDashboard.finance.payoutsWithheld" queue={data.payoutsWithheld} testId="queue-payouts-withheld" />
            </Row>
            <Row>
                <StatusChart title={translate('dashboard.passesByStatus')} counts={data.passesByStatus} enum="PassStatus" testId="chart-passes" />
            </Row>
        </>
    );
};

/** Accepted and refused scans of a period, the refusals opening the scans list. */
const ScanCards = ({ scans, period, testId }: { scans: ScanFigures; period: string; testId: string }) => {
    const translate = useTranslate();
    return (
        <>
            <FigureCard
                icon={ScanIcon}
                title={translate(`roleDashboard.support.accepted.${period}`)}
                value={number.format(scans.accepted)}
                hint={scans.voided ? translate('roleDashboard.support.voided', { smart_count: scans.voided }) : undefined}
                to={listUrl({ resource: 'scans', filter: { outcome: ['ACCEPTED'], scannedAt_gte: scans.from } })}
                testId={`${testId}-accepted`}
            />
            <FigureCard
                icon={RefusedIcon}
                title={translate(`roleDashboard.support.refused.${period}`)}
                value={number.format(scans.refused)}
                to={listUrl(scans.refusedList)}
                testId={`${testId}-refused`}
            />
        </>
    );
};

/** SUPPORT: today's scans and refusals by reason (and the last 7 days), the open disputes. */
const SupportHome = ({ data }: { data: SupportDashboard }) => {
    const translate = useTranslate();
    return (
        <>
            <Heading title="roleDashboard.support.heading" />
            <Row>
                <ScanCards scans={data.scansToday} period="today" testId="scans-today" />
                <QueueCard icon={DisputeIcon} title="roleDashboard.support.openDisputes" queue={data.openDisputes} testId="queue-open-disputes" />
                <DisputeAges ages={data.openDisputesByAge} lists={data.openDisputesByAgeLists} />
            </Row>
            <Row>
                <RefusalChart scans={data.scansToday} title={translate('roleDashboard.support.refusalsToday')} testId="chart-refusals-today" />
                <AnomalyPanel
                    anomalies={data.anomaliesToday}
                    title="roleDashboard.support.anomaliesToday"
                    empty="roleDashboard.support.noAnomaly"
                    testId="anomalies-today"
                />
            </Row>
            <Row>
                <RefusalChart scans={data.scansLast7Days} title={translate('roleDashboard.support.refusals7Days')} testId="chart-refusals-7-days" />
            </Row>
        </>
    );
};

/** The open disputes by age: the old ones are the ones to chase. */
const DisputeAges = ({ ages, lists }: { ages: SupportDashboard['openDisputesByAge']; lists: SupportDashboard['openDisputesByAgeLists'] }) => {
    const translate = useTranslate();
    const rows = [
        ['under2Days', ages.under2Days, 'text.primary'],
        ['from2To7Days', ages.from2To7Days, 'warning.main'],
        ['over7Days', ages.over7Days, 'error.main'],
    ] as const;
    return (
        <Card variant="outlined" sx={{ flex: 1, minWidth: 240 }} data-testid="disputes-by-age">
            <CardContent>
                <Typography variant="subtitle2" color="text.secondary" gutterBottom>
                    {translate('roleDashboard.support.disputesByAge')}
                </Typography>
                {rows.map(([key, count, color]) => (
                    <Typography key={key} variant="body2" data-age={key}>
                        <MuiLink component={Link} to={listUrl(lists[key])} underline="hover" sx={{ color: count ? color : 'text.secondary' }}>
                            {translate(`roleDashboard.support.age.${key}`, { smart_count: count })}
                        </MuiLink>
                    </Typography>
                ))}
            </CardContent>
        </Card>
    );
};

const RefusalChart = ({ scans, title, testId }: { scans: ScanFigures; title: string; testId: string }) => {
    const translate = useTranslate();
    if (!scans.refused) {
        return (
            <Card sx={{ flex: '1 1 380px', minWidth: 0 }} data-testid={testId}>
                <CardContent>
                    <Typography variant="h6" gutterBottom>
                        {title}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {translate('roleDashboard.support.noRefusal')}
                    </Typography>
                </CardContent>
            </Card>
        );
    }
    return <StatusChart title={title} counts={scans.refusalsByReason as Record<string, number>} enum="ScanRejectionReason" testId={testId} />;
};

/** ADMIN: everyone's queues in one row, then today's scans and the charts. */
const AdminHome = ({ data }: { data: AdminDashboard }) => {
    const translate = useTranslate();
    const q = data.queues;
    return (
        <>
            <Heading title="roleDashboard.admin.heading" />
            <Row>
                <FigureCard
                    icon={StructureIcon}
                    title={translate('dashboard.apticulteurs')}
                    hint={translate('dashboard.apticulteursHint')}
                    value={number.format(data.apticulteurs)}
                    to={listUrl({ resource: 'structures', filter: { status: ['ELIGIBLE'] } })}
                    testId="dashboard-apticulteurs"
                />
                <QueueCard icon={ClaimIcon} title="roleDashboard.reviewer.toClaim" queue={q.applicationsToClaim} testId="queue-to-claim" />
                <QueueCard icon={MineIcon} title="roleDashboard.admin.inReview" queue={q.applicationsInReview} testId="queue-in-review" />
                <QueueCard icon={OfferIcon} title="roleDashboard.reviewer.offersToModerate" queue={q.offersToModerate} testId="queue-offers" />
            </Row>
            <Row>
                <QueueCard icon={OrderIcon} title="roleDashboard.finance.ordersAwaitingPayment" queue={q.ordersAwaitingPayment} testId="queue-orders-awaiting-payment" />
                <QueueCard icon={WithheldIcon} title="roleDashboard.finance.payoutsWithheld" queue={q.payoutsWithheld} testId="queue-payouts-withheld" />
                <QueueCard icon={DisputeIcon} title="roleDashboard.support.openDisputes" queue={q.openDisputes} testId="queue-open-disputes" />
                <ScanCards scans={data.scansToday} period="today" testId="scans-today" />
            </Row>
            <Row>
                <StatusChart title={translate('dashboard.structuresByStatus')} counts={data.structuresByStatus} enum="StructureStatus" testId="chart-structures" />
                <StatusChart title={translate('dashboard.applicationsByStatus')} counts={data.applicationsByStatus} enum="ApplicationStatus" testId="chart-applications" />
                <StatusChart title={translate('dashboard.passesByStatus')} counts={data.passesByStatus} enum="PassStatus" testId="chart-passes" />
            </Row>
        </>
    );
};

/** The console's first screen: the signed-in role's own dashboard (GET /api/dashboard). */
export const Dashboard = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const { data, error, isPending } = useDashboard();

    return (
        <Box sx={{ mt: 2, minWidth: 0 }} data-testid="dashboard" data-role={data?.role}>
            <Title title="dashboard.title" />
            {identity?.fullName && (
                <Typography variant="h5" sx={{ mb: 2 }}>
                    {translate('dashboard.welcome', { name: identity.fullName })}
                </Typography>
            )}
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message || translate('dashboard.error')}</Alert>}
            {data?.role === 'REVIEWER' && <ReviewerHome data={data} />}
            {data?.role === 'FINANCE' && <FinanceHome data={data} />}
            {data?.role === 'SUPPORT' && <SupportHome data={data} />}
            {data?.role === 'ADMIN' && <AdminHome data={data} />}
        </Box>
    );
};
