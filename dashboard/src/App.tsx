import { Admin, CustomRoutes, Resource, memoryStore, reactRouterProvider } from 'react-admin';
import { AccountSecurityPage } from './account/AccountSecurityPage';
import { AnnualSummary } from './dashboard/AnnualSummary';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/en';
import { LanternLayout } from './layout/LanternLayout';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import alerts from './resources/alerts';
import cases from './resources/cases';
import forces from './resources/forces';
import funders from './resources/funders';
import fundingRecords from './resources/fundingRecords';
import members from './resources/members';
import policeRequests from './resources/policeRequests';
import reports from './resources/reports';
import trainingInvitations from './resources/trainingInvitations';
import trainingSessions from './resources/trainingSessions';
import users from './resources/users';
import auditEvents from './retention/auditEvents';
import legalHolds from './retention/legalHolds';
import { darkTheme, lightTheme } from './theme';

// memoryStore: list filters and preferences (which may hold a searched name or email) are not
// written to the browser's localStorage on shared machines.
const store = memoryStore();

const { Route } = reactRouterProvider;

export const App = () => (
  <Admin
    title="Lantern"
    disableTelemetry
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={LanternLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    store={store}
    dashboard={Dashboard}
  >
    {/* The menu follows this order, showing only what canAccess allows the role to list;
        a police partner gets Reports, Requests, Alerts and "My force", then their force's
        funding and training (LanternMenu). The funding and training resources are grouped
        under "Funding & training" in the menu. */}
    <Resource name="reports" {...reports} />
    <Resource name="cases" {...cases} />
    <Resource name="members" {...members} />
    <Resource name="policeRequests" {...policeRequests} />
    <Resource name="alerts" {...alerts} />
    <Resource name="users" {...users} />
    <Resource name="forces" {...forces} />
    <Resource name="legalHolds" {...legalHolds} />
    <Resource name="auditEvents" {...auditEvents} />
    <Resource name="fundingRecords" {...fundingRecords} />
    <Resource name="funders" {...funders} />
    <Resource name="trainingSessions" {...trainingSessions} />
    <Resource name="trainingInvitations" {...trainingInvitations} />
    <CustomRoutes>
      {/* a printable one-page summary of a financial year (staff): /annual-summary/2020-21 */}
      <Route path="/annual-summary" element={<AnnualSummary />} />
      <Route path="/annual-summary/:year" element={<AnnualSummary />} />
      {/* two-factor sign-in on the signed-in account (account menu -> Account security) */}
      <Route path="/account-security" element={<AccountSecurityPage />} />
    </CustomRoutes>
  </Admin>
);
