import { lazy, Suspense } from 'react';
import { Loading, usePermissions } from 'react-admin';
import { canAccess } from '../providers/canAccess';
import { PoliceDashboard } from './PoliceDashboard';

// The charts (recharts) load only when staff open the dashboard: a chunk of their own.
const StaffDashboard = lazy(() => import('./StaffDashboard').then((m) => ({ default: m.StaffDashboard })));

/**
 * react-admin's dashboard (the home page). Staff (managers, case workers, admins) see the charts
 * of funding, training and impact; only managers get the buttons that record things. A police
 * partner sees their own force's funding and training. Members never reach the layout.
 */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return <Loading />;
  if (canAccess(permissions, { action: 'list', resource: 'impact' })) {
    return (
      <Suspense fallback={<Loading />}>
        <StaffDashboard />
      </Suspense>
    );
  }
  if (permissions === 'POLICE_PARTNER') return <PoliceDashboard />;
  return null;
};
