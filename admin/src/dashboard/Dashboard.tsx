import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import StructureIcon from '@mui/icons-material/Storefront';
import ApplicationIcon from '@mui/icons-material/AssignmentInd';
import OfferIcon from '@mui/icons-material/LocalOffer';
import DisputeIcon from '@mui/icons-material/ReportProblem';
import PassIcon from '@mui/icons-material/ConfirmationNumber';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { FigureCard } from './FigureCard';
import { StatusChart } from './StatusChart';
import { useDashboard } from './useDashboard';

const number = new Intl.NumberFormat('fr-FR');

// react-admin list URLs with a filter, so a card opens the queue it counts.
const listUrl = (resource: string, filter: Record<string, unknown>) =>
    `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const Dashboard = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const { data, error, isPending } = useDashboard();

    return (
        <Box sx={{ mt: 2, minWidth: 0 }}>
            <Title title="dashboard.title" />
            {identity?.fullName && (
                <Typography variant="h5" sx={{ mb: 2 }}>
                    {translate('dashboard.welcome', { name: identity.fullName })}
                </Typography>
            )}
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message || translate('dashboard.error')}</Alert>}
            {data && (
                <>
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
                        <FigureCard
                            icon={StructureIcon}
                            title={translate('dashboard.apticulteurs')}
                            hint={translate('dashboard.apticulteursHint')}
                            value={number.format(data.apticulteurs)}
                            to={listUrl('structures', { status: ['ELIGIBLE'] })}
                            testId="dashboard-apticulteurs"
                        />
                        {data.pendingApplications != null && (
                            <FigureCard
                                icon={ApplicationIcon}
                                title={translate('dashboard.pendingApplications')}
                                hint={translate('dashboard.pendingApplicationsHint')}
                                value={number.format(data.pendingApplications)}
                                to={listUrl('applications', { status: ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'] })}
                                testId="dashboard-pending-applications"
                            />
                        )}
                        {data.offersPendingReview != null && (
                            <FigureCard
                                icon={OfferIcon}
                                title={translate('dashboard.offersPendingReview')}
                                value={number.format(data.offersPendingReview)}
                                to={listUrl('offers', { status: ['PENDING_REVIEW'] })}
                                testId="dashboard-offers-pending"
                            />
                        )}
                        {data.openDisputes != null && (
                            <FigureCard
                                icon={DisputeIcon}
                                title={translate('dashboard.openDisputes')}
                                value={number.format(data.openDisputes)}
                                to={listUrl('disputes', { status: ['OPEN', 'INVESTIGATING'] })}
                                testId="dashboard-open-disputes"
                            />
                        )}
                        {data.passesByStatus != null && (
                            <FigureCard
                                icon={PassIcon}
                                title={translate('dashboard.activePasses')}
                                value={number.format(data.passesByStatus.ACTIVE ?? 0)}
                                to={listUrl('passes', { status: ['ACTIVE'] })}
                                testId="dashboard-active-passes"
                            />
                        )}
                    </Box>
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
                        <StatusChart
                            title={translate('dashboard.structuresByStatus')}
                            counts={data.structuresByStatus ?? {}}
                            enum="StructureStatus"
                            testId="chart-structures"
                        />
                        {data.applicationsByStatus && (
                            <StatusChart
                                title={translate('dashboard.applicationsByStatus')}
                                counts={data.applicationsByStatus}
                                enum="ApplicationStatus"
                                testId="chart-applications"
                            />
                        )}
                        {data.passesByStatus && (
                            <StatusChart
                                title={translate('dashboard.passesByStatus')}
                                counts={data.passesByStatus}
                                enum="PassStatus"
                                testId="chart-passes"
                            />
                        )}
                    </Box>
                </>
            )}
        </Box>
    );
};
