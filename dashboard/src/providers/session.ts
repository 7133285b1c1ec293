import type { Role } from './canAccess';

/**
 * The signed-in session, kept in sessionStorage (gone when the tab closes, never shared between
 * tabs) under three keys, so that a test can also set it with an init script:
 * `lantern.token`, `lantern.expiresAt` (ISO-8601) and `lantern.user` (JSON of SessionUser).
 */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  force: { id: string; name: string } | null;
  /** The role requires two-factor sign-in and it is off: the session may only turn it on (account/ForcedEnrolment). */
  twoFactorEnrolmentRequired?: boolean;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const TOKEN = 'lantern.token';
const EXPIRES_AT = 'lantern.expiresAt';
const USER = 'lantern.user';

export function writeSession({ token, expiresAt, user }: Session): void {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(EXPIRES_AT, expiresAt);
  sessionStorage.setItem(USER, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(EXPIRES_AT);
  sessionStorage.removeItem(USER);
}

/** The stored session, or null when there is none or it cannot be read. */
export function readSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN);
  const expiresAt = sessionStorage.getItem(EXPIRES_AT);
  const userJson = sessionStorage.getItem(USER);
  if (!token || !expiresAt || !userJson) return null;
  try {
    const user = JSON.parse(userJson) as SessionUser;
    if (typeof user?.id !== 'string' || typeof user.role !== 'string') return null;
    return { token, expiresAt, user };
  } catch {
    return null;
  }
}

/** True when the session's expiry has passed (or cannot be read: fail closed). */
export function isExpired(session: Session, now: number = Date.now()): boolean {
  const expiry = Date.parse(session.expiresAt);
  return Number.isNaN(expiry) || expiry <= now;
}

/** The token to send, only while it is still valid. */
export function currentToken(): string | null {
  const session = readSession();
  return session && !isExpired(session) ? session.token : null;
}
