import { gql } from '@apollo/client';
import { apolloClient } from '../providers/apolloClient';
import { toHttpError } from '../providers/errors';
import { readSession, writeSession } from '../providers/session';

/** Two-factor sign-in on the signed-in account (User.twoFactor: the account holder alone may read it). */
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  required: boolean;
  recoveryCodesRemaining: number;
}

export interface Enrolment {
  otpauthUri: string;
  qrCodeDataUrl: string;
  secret: string;
  expiresAt: string;
}

const STATUS = gql`
  query TwoFactorStatus {
    me {
      id
      twoFactor {
        enabled
        enabledAt
        required
        recoveryCodesRemaining
      }
    }
  }
`;
const START = gql`
  mutation StartTwoFactorEnrolment {
    startTwoFactorEnrolment {
      otpauthUri
      qrCodeDataUrl
      secret
      expiresAt
    }
  }
`;
const CONFIRM = gql`
  mutation ConfirmTwoFactorEnrolment($code: String!) {
    confirmTwoFactorEnrolment(code: $code) {
      recoveryCodes
      token
      expiresAt
    }
  }
`;
const REGENERATE = gql`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code)
  }
`;
const DISABLE = gql`
  mutation DisableTwoFactor($password: String!, $code: String!) {
    disableTwoFactor(password: $password, code: $code)
  }
`;
const RESET = gql`
  mutation ResetTwoFactor($id: ID!) {
    resetTwoFactor(id: $id) {
      id
      twoFactorEnabled
    }
  }
`;

/** Runs a call to the API, turning its errors into react-admin's HttpError (the server's words, its code in body.code). */
async function api<T>(call: () => Promise<{ data?: T | null }>): Promise<T> {
  try {
    const { data } = await call();
    if (!data) throw new Error('ra.notification.http_error');
    return data;
  } catch (error) {
    throw toHttpError(error);
  }
}

export async function fetchTwoFactorStatus(): Promise<TwoFactorStatus> {
  const data = await api(() => apolloClient.query<{ me: { twoFactor: TwoFactorStatus } }>({ query: STATUS }));
  return data.me.twoFactor;
}

export async function startEnrolment(): Promise<Enrolment> {
  return (await api(() => apolloClient.mutate<{ startTwoFactorEnrolment: Enrolment }>({ mutation: START }))).startTwoFactorEnrolment;
}

/**
 * Turns two-factor sign-in on. The server ends every other session and gives this one a new
 * token, which replaces the stored one. Returns the recovery codes (shown once).
 */
export async function confirmEnrolment(code: string): Promise<string[]> {
  const { confirmTwoFactorEnrolment: done } = await api(() =>
    apolloClient.mutate<{ confirmTwoFactorEnrolment: { recoveryCodes: string[]; token: string; expiresAt: string } }>({
      mutation: CONFIRM,
      variables: { code: code.trim() },
    }),
  );
  const session = readSession();
  if (session) writeSession({ token: done.token, expiresAt: done.expiresAt, user: { ...session.user, twoFactorEnrolmentRequired: false } });
  return done.recoveryCodes;
}

export async function regenerateRecoveryCodes(code: string): Promise<string[]> {
  return (await api(() => apolloClient.mutate<{ regenerateRecoveryCodes: string[] }>({ mutation: REGENERATE, variables: { code: code.trim() } })))
    .regenerateRecoveryCodes;
}

export async function disableTwoFactor(password: string, code: string): Promise<void> {
  await api(() => apolloClient.mutate<{ disableTwoFactor: boolean }>({ mutation: DISABLE, variables: { password, code: code.trim() } }));
}

/** An administrator turns off another account's two-factor sign-in (and ends its sessions). */
export async function resetTwoFactor(id: string): Promise<void> {
  await api(() => apolloClient.mutate<{ resetTwoFactor: { id: string } }>({ mutation: RESET, variables: { id } }));
}

/** The session now may only enrol (two-factor sign-in was turned off on a role that requires it). */
export function markEnrolmentRequired(): void {
  const session = readSession();
  if (session) writeSession({ ...session, user: { ...session.user, twoFactorEnrolmentRequired: true } });
}
