import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout';
import { LoginPage } from './layout/LoginPage';
import { lazyPage } from './common/lazyPage';
import { theme } from './theme';
import users from './users';
import structures from './structures';
import locations from './locations';
import applications from './applications';
import charters from './charters';
import charterSignatures from './charter-signatures';
import questionnaires from './questionnaires';
import referentialCategories from './referential-categories';
import referentialServices from './referential-services';
import offers from './offers';
import subscriptions from './subscriptions';
import sponsors from './sponsors';
import orders from './orders';
import booklets from './booklets';
import passes from './passes';
import sponsorPayments from './sponsor-payments';
import sponsorDocuments from './sponsor-documents';
import redemptions from './redemptions';
import scans from './scans';
import disputes from './disputes';
import endorsements from './endorsements';
import statements from './statements';
import payouts from './payouts';
import comments from './comments';
import auditEvents from './audit-events';
import ledgerEntries from './ledger-entries';
import jobRuns from './jobs';
import { liveScansPage } from './scans/live/route';
import { reconciliationPage } from './reports/route';

// Pages load on first visit (one chunk each): the first load holds only the shell.
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');
const LiveScansPage = lazyPage(() => import('./scans/live/LiveScansPage'), 'LiveScansPage');
const ReconciliationPage = lazyPage(() => import('./reports/ReconciliationPage'), 'ReconciliationPage');

export const App = () => (
    <Admin
        title="#APTIC — Back-office"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        layout={Layout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        theme={theme}
        requireAuth
        disableTelemetry
    >
        <Resource name="applications" {...applications} />
        <Resource name="structures" {...structures} />
        <Resource name="locations" {...locations} />
        <Resource name="charters" {...charters} />
        <Resource name="charter-signatures" {...charterSignatures} />
        <Resource name="questionnaires" {...questionnaires} />
        <Resource name="referential-categories" {...referentialCategories} />
        <Resource name="referential-services" {...referentialServices} />
        <Resource name="offers" {...offers} />
        <Resource name="sponsors" {...sponsors} />
        <Resource name="orders" {...orders} />
        <Resource name="booklets" {...booklets} />
        <Resource name="passes" {...passes} />
        <Resource name="sponsor-payments" {...sponsorPayments} />
        <Resource name="sponsor-documents" {...sponsorDocuments} />
        <Resource name="redemptions" {...redemptions} />
        <Resource name="scans" {...scans} />
        <Resource name="disputes" {...disputes} />
        <Resource name="subscriptions" {...subscriptions} />
        <Resource name="endorsements" {...endorsements} />
        <Resource name="statements" {...statements} />
        <Resource name="payouts" {...payouts} />
        <Resource name="ledger-entries" {...ledgerEntries} />
        <Resource name="users" {...users} />
        <Resource name="audit-events" {...auditEvents} />
        <Resource name="job-runs" {...jobRuns} />
        <Resource name="comments" {...comments} />
        {/* Read-only staff directory: names of assignees, authors, deciders for every role. */}
        <Resource name="staff" recordRepresentation="fullName" />
        <CustomRoutes>
            <Route path={liveScansPage.path} element={<LiveScansPage />} />
            <Route path={reconciliationPage.path} element={<ReconciliationPage />} />
        </CustomRoutes>
    </Admin>
);
