import { Admin, Resource, memoryStore } from 'react-admin';
import { i18nProvider } from './i18n/en';
import { LanternLayout } from './layout/LanternLayout';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import alerts from './resources/alerts';
import cases from './resources/cases';
import forces from './resources/forces';
import members from './resources/members';
import policeRequests from './resources/policeRequests';
import reports from './resources/reports';
import users from './resources/users';
import { darkTheme, lightTheme } from './theme';

// memoryStore: list filters and preferences (which may hold a searched name or email) are not
// written to the browser's localStorage on shared machines.
const store = memoryStore();

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
  >
    {/* The menu follows this order, showing only what canAccess allows the role to list;
        a police partner gets Reports, Requests, Alerts and "My force" (LanternMenu). */}
    <Resource name="reports" {...reports} />
    <Resource name="cases" {...cases} />
    <Resource name="members" {...members} />
    <Resource name="policeRequests" {...policeRequests} />
    <Resource name="alerts" {...alerts} />
    <Resource name="users" {...users} />
    <Resource name="forces" {...forces} />
  </Admin>
);
