import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { TwoFactorRequiredError, UnauthenticatedError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { User } from '../user/user.entity';
import { verifyAgainstDummy, verifyPassword } from './password';
import { signToken, verifyToken, type SignedToken } from './token';
import { mustEnrolFirst, TwoFactorService } from './two-factor.service';
import { loadViewer } from './viewer';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
const MAX_PASSWORD_INPUT = 1024;

/** One message for every failed sign-in: it never tells which part was wrong or if the account exists. */
const SIGN_IN_FAILED = 'The e-mail, password or code is not right, or the account cannot sign in';

export interface LoginResult extends SignedToken {
  user: User;
  /** The account's role requires two-factor sign-in and it is off: this token may only turn it on. */
  twoFactorEnrolmentRequired: boolean;
}

/**
 * Who is calling. `viewer`: a signed-in account. `enrolling`: a signed-in account whose role
 * requires two-factor sign-in that is not on yet; it has no viewer, so every rule treats it as
 * anonymous, except the few that let it turn two-factor sign-in on.
 */
export interface Session {
  viewer: User | null;
  enrolling: User | null;
}

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
  ) {}

  async login(email: string, password: string, totp: string | null | undefined, now = new Date()): Promise<LoginResult> {
    // No account has a password this long: refuse before hashing megabytes of input.
    if (password.length > MAX_PASSWORD_INPUT || email.length > 320) throw new UnauthenticatedError(SIGN_IN_FAILED);
    const user = await this.em.findOne(
      User,
      { email: normaliseEmail(email) },
      { populate: ['passwordHash', 'force', 'member'] },
    );
    if (!user) {
      await verifyAgainstDummy(password);
      throw new UnauthenticatedError(SIGN_IN_FAILED);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await verifyAgainstDummy(password);
      throw new UnauthenticatedError(SIGN_IN_FAILED);
    }
    const passwordOk = await verifyPassword(user.passwordHash, password);
    if (!passwordOk) {
      await this.recordFailedSignIn(user.id, now);
      throw new UnauthenticatedError(SIGN_IN_FAILED);
    }
    if (!user.active) {
      throw new UnauthenticatedError(SIGN_IN_FAILED);
    }
    if (user.twoFactorEnabledAt) {
      const code = totp?.trim();
      // Said only after the right password: it tells nothing to someone who does not have it.
      if (!code) throw new TwoFactorRequiredError();
      // A wrong, reused or used-up code fails exactly like a wrong password.
      if (code.length > 64 || !(await new TwoFactorService(this.em, this.config).checkSecondFactor(this.em, user, code, now))) {
        await this.recordFailedSignIn(user.id, now);
        throw new UnauthenticatedError(SIGN_IN_FAILED);
      }
    }
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    user.lastLoginAt = now;
    await this.em.flush();
    const signed = await signToken({ sub: user.id, tv: user.tokenVersion }, this.config.jwtSecret, this.config.tokenTtlSeconds, now);
    return { ...signed, user, twoFactorEnrolmentRequired: mustEnrolFirst(this.config, user) };
  }

  /**
   * Counts a failure atomically (two concurrent guesses cannot both see count 4) and locks the
   * account for LOCKOUT_MINUTES at the MAX_FAILED_LOGINS-th. Committed at once, even though the
   * login itself then fails.
   */
  async recordFailedSignIn(userId: string, now = new Date()): Promise<void> {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    await this.em.getConnection().execute(
      `update app_user
          set failed_login_count = case when failed_login_count + 1 >= ? then 0 else failed_login_count + 1 end,
              locked_until = case when failed_login_count + 1 >= ? then ?::timestamptz else locked_until end
        where id = ?`,
      [MAX_FAILED_LOGINS, MAX_FAILED_LOGINS, lockUntil.toISOString(), userId],
    );
  }

  /**
   * Every token carries the account's token version; raising it ends every session at once. For a
   * staff or police account the same statement records it in the security audit trail (who ended
   * whose sessions, when). A member's are not kept: their quick exit and sign-out call this, the
   * trail is append-only and outlives an erasure, and it is there to hold accounts that read other
   * people's records to account.
   */
  async revokeAllSessions(userId: string): Promise<void> {
    await this.em.execute(
      `with revoked as (
         update app_user set token_version = token_version + 1, updated_at = now() where id = ? returning id, role)
       insert into security_event (id, created_at, updated_at, at, kind, user_id, actor_id, actor_role)
       select gen_random_uuid(), now(), now(), now(), 'SESSIONS_REVOKED', r.id, r.id, r.role
         from revoked r
        where r.role <> 'MEMBER'`,
      [userId],
    );
  }

  /**
   * The caller behind an `Authorization: Bearer` header (see Session), read fresh from the
   * database so that a deactivation, a password reset, a role change or two-factor sign-in being
   * turned off takes effect on the very next request.
   * No header: anonymous. A bad, expired or revoked token: UNAUTHENTICATED.
   */
  async session(authorization: string | undefined): Promise<Session> {
    const user = await this.account(authorization);
    if (user && mustEnrolFirst(this.config, user)) return { viewer: null, enrolling: user };
    return { viewer: user, enrolling: null };
  }

  /** Only a fully signed-in account: null for anonymous callers and for accounts that must enrol first. */
  async authenticate(authorization: string | undefined): Promise<User | null> {
    return (await this.session(authorization)).viewer;
  }

  private async account(authorization: string | undefined): Promise<User | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('Malformed Authorization header');
    const claims = await verifyToken(match[1], this.config.jwtSecret);
    if (!claims || !isUuid(claims.sub)) throw new UnauthenticatedError('Your session is not valid; please sign in again');
    const user = await loadViewer(this.em, claims.sub);
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new UnauthenticatedError('Your session is not valid; please sign in again');
    }
    return user;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
