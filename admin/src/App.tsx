import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import assignments from './assignments';
import auditEvents from './audit-events';
import beneficiaries from './beneficiaries';
import civicCenters from './civic-centers';
import communityLabs from './community-labs';
import { Dashboard } from './dashboard/Dashboard';
import { lazyPage } from './common/lazyPage';
import households from './households';
import { AppLayout } from './layout/AppLayout';
import { darkTheme, lightTheme } from './layout/theme';
import mailOutbox from './mail-outbox';
import milestones from './milestones';
import notes from './notes';
import pactTemplates from './pact-templates';
import pacts from './pacts';
import possibleDuplicates from './possible-duplicates';
import retentionSchedule from './retention-schedule';
import { LoginPage } from './login/LoginPage';
import { authProvider } from './login/session';
import { withDeviceReads } from './offline/client';
import { setSnapshotSource } from './offline/OfflineBanner';
import { createDataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import territories from './territories';
import users from './users';

const ImportPage = lazyPage(() => import('./imports/ImportPage'), 'ImportPage');
const ProfilePage = lazyPage(() => import('./profile/ProfilePage'), 'ProfilePage');

const network = createDataProvider({
  getToken: authProvider.getToken,
  translate: i18nProvider.translate,
});
// The community maker's pages read from the device when the network is not there.
setSnapshotSource(network);
const dataProvider = withDeviceReads(network);

export const App = () => (
  <Admin
    disableTelemetry
    title="GenerAttivi"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
  >
    <Resource name="pacts" {...pacts} />
    <Resource name="milestones" {...milestones} />
    <Resource name="notes" {...notes} />
    <Resource name="beneficiaries" {...beneficiaries} />
    <Resource name="households" {...households} />
    <Resource name="assignments" {...assignments} />
    <Resource name="pact-templates" {...pactTemplates} />
    <Resource name="community-labs" {...communityLabs} />
    <Resource name="civic-centers" {...civicCenters} />
    <Resource name="territories" {...territories} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="retention-schedule" {...retentionSchedule} />
    <Resource name="possible-duplicates" {...possibleDuplicates} />
    <Resource name="mail-outbox" {...mailOutbox} />
    <CustomRoutes>
      <Route path="/import" element={<ImportPage />} />
      <Route path="/profile" element={<ProfilePage />} />
    </CustomRoutes>
  </Admin>
);
