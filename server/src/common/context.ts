import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { AccessLog } from '../modules/access-log/access-log';
import type { User } from '../modules/user/user.entity';
import { UnauthenticatedError } from './errors';

/** What every resolver and policy rule receives. One EntityManager fork per request. */
export interface Context {
  em: EntityManager;
  /** The signed-in account, loaded fresh from the database on every request; null when anonymous. */
  viewer: User | null;
  /** The account that signed in during this request (set by `login`, read only by the `isSelf` rule). */
  signedIn?: User;
  /**
   * A signed-in account whose role requires two-factor sign-in that is not on yet. Such a caller
   * has no `viewer` (every rule sees them as anonymous) and may only enrol (`isEnrolling`).
   */
  enrolling?: User | null;
  config: Config;
  requestId: string;
  /** The network address the request came from (the socket's; no proxy headers are trusted). */
  clientAddress: string;
  /** Sensitive reads of this request, written as AccessEvents before the response leaves. */
  accessLog: AccessLog;
}

/**
 * The signed-in account. The shield has already refused anonymous callers for every field that
 * calls this; throwing here is a second guard, never the first.
 */
export function requireViewer(ctx: Context): User {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}
