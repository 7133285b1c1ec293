import { useEffect, type ReactNode } from 'react';
import { Layout, Loading, Navigate, useAuthState, useNotify, usePermissions } from 'react-admin';
import { ForcedEnrolment } from '../account/ForcedEnrolment';
import { signOut } from '../providers/authProvider';
import { hasDashboardAccess } from '../providers/canAccess';
import { readSession } from '../providers/session';
import { LanternAppBar } from './LanternAppBar';
import { LanternMenu } from './LanternMenu';
import { MemberNotice } from './MemberNotice';

/**
 * react-admin's layout, shown only when signed in, and never to a role with nothing to do here
 * (MEMBER), who gets a plain notice instead.
 *
 * Without a valid session this sends the visitor to the sign-in page itself, once, instead of
 * using <Admin requireAuth> or useAuthenticated(): in react-admin 5.15 those call logout() on
 * every failed check, logout() clears the query cache, the check runs again before the
 * navigation to /login commits, and the page loops on "Loading" (react-admin issue #10764).
 */
export const LanternLayout = ({ children }: { children: ReactNode }) => {
  const { authenticated, isPending: isCheckingAuth, error } = useAuthState(undefined, false);
  const { permissions, isPending: isLoadingPermissions } = usePermissions();
  if (isCheckingAuth) return <Loading />;
  if (!authenticated) return <ToSignIn reason={error} />;
  if (isLoadingPermissions) return <Loading />;
  if (!hasDashboardAccess(permissions)) return <MemberNotice />;
  // A role that requires two-factor sign-in, without it: the server allows nothing but setting it up.
  if (readSession()?.user.twoFactorEnrolmentRequired) return <ForcedEnrolment />;
  return (
    <Layout menu={LanternMenu} appBar={LanternAppBar}>
      {children}
    </Layout>
  );
};

const ToSignIn = ({ reason }: { reason: unknown }) => {
  const notify = useNotify();
  useEffect(() => {
    void signOut();
    const message = (reason as { message?: unknown } | null)?.message;
    if (typeof message === 'string' && message) notify(message, { type: 'error' });
  }, [notify, reason]);
  return <Navigate to="/login" replace />;
};
