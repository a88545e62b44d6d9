import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
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
import { Title, useGetIdentity, useTranslate } from 'react-admin';
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

/** FINANCE: orders awaiting the sponsor's payment, active orders, payouts to make or withheld. */
const FinanceHome = ({ data }: { data: FinanceDashboard }) => {
    const translate = useTranslate();
    return (
        <>
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
            </Row>
            <Row>
                <RefusalChart scans={data.scansToday} title={translate('roleDashboard.support.refusalsToday')} testId="chart-refusals-today" />
                <RefusalChart scans={data.scansLast7Days} title={translate('roleDashboard.support.refusals7Days')} testId="chart-refusals-7-days" />
            </Row>
        </>
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
