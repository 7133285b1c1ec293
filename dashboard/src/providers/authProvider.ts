import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { markEnrolmentRequired } from '../account/twoFactor';
import { apolloClient } from './apolloClient';
import { canAccess } from './canAccess';
import { errorCode, toHttpError } from './errors';
import { clearSession, isExpired, readSession, writeSession, type Session } from './session';

const LOGIN = gql`
  mutation Login($email: String!, $password: String!, $totp: String) {
    login(email: $email, password: $password, totp: $totp) {
      token
      expiresAt
      twoFactorEnrolmentRequired
      user {
        id
        email
        name
        role
        force {
          id
          name
        }
      }
    }
  }
`;

interface LoginForm {
  username?: string;
  email?: string;
  password?: string;
  totp?: string;
}

/** Forgets the session: the token and user in sessionStorage, and anything Apollo holds. */
export async function signOut(): Promise<void> {
  clearSession();
  await apolloClient.clearStore();
}

export const authProvider: AuthProvider = {
  async login({ username, email, password, totp }: LoginForm) {
    let session: (Session & { twoFactorEnrolmentRequired?: boolean }) | undefined;
    try {
      const { data } = await apolloClient.mutate<{ login: Session & { twoFactorEnrolmentRequired?: boolean } }>({
        mutation: LOGIN,
        variables: { email: (email ?? username ?? '').trim(), password: password ?? '', totp: totp?.trim() || null },
      });
      session = data?.login;
    } catch (error) {
      // the server's own words ("Invalid e-mail or password", a lockout, a missing one-time code),
      // and its code: TWO_FACTOR_REQUIRED makes the sign-in page ask for the code (account/SignInForm)
      const httpError = toHttpError(error);
      throw Object.assign(new Error(httpError.message), { code: errorCode(httpError) });
    }
    if (!session) throw new Error('ra.auth.sign_in_error');
    await apolloClient.clearStore();
    // twoFactorEnrolmentRequired: the token may only turn on two-factor sign-in (LanternLayout shows only that)
    writeSession({ token: session.token, expiresAt: session.expiresAt, user: { ...session.user, twoFactorEnrolmentRequired: !!session.twoFactorEnrolmentRequired } });
  },

  async logout() {
    await signOut();
  },

  async checkAuth() {
    const session = readSession();
    if (!session) throw { message: false }; // not signed in yet: straight to the sign-in page
    // the layout (LanternLayout) then forgets the session and shows this message on the sign-in page
    if (isExpired(session)) throw { message: 'lantern.auth.session_expired' };
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401 || errorCode(error) === 'UNAUTHENTICATED') {
      await signOut();
      throw { message: 'lantern.auth.session_expired' };
    }
    if (errorCode(error) === 'TWO_FACTOR_ENROLMENT_REQUIRED') {
      // two-factor sign-in was turned off on an account whose role requires it: only set-up remains
      markEnrolmentRequired();
      window.location.reload();
      return;
    }
    // FORBIDDEN, NOT_FOUND and the rest are answers, not a reason to sign out
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('Not signed in');
    return { id: session.user.id, fullName: session.user.name };
  },

  async getPermissions() {
    return readSession()?.user.role;
  },

  async canAccess({ action, resource }) {
    return canAccess(readSession()?.user.role, { action, resource });
  },
};
