import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { decrypt, encrypt } from '../../common/crypto';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { Role } from '../../policy/roles';
import { User } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { verifyPassword } from './password';
import { newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeHash } from './recovery-codes';
import { signToken, type SignedToken } from './token';
import { looksLikeTotp, matchingStep, newTotpSecret, otpauthUri, qrCodeDataUrl } from './totp';
import { RecoveryCode, recordSecurityEvent, SecurityEventKind } from './two-factor.entity';

/** How long a secret shown during enrolment waits for its first code. */
export const ENROLMENT_MINUTES = 15;

/** One answer for a wrong password or a wrong code when changing two-factor sign-in: never which. */
export const WRONG_PASSWORD_OR_CODE = 'The password or code is not right';

export interface EnrolmentStart {
  otpauthUri: string;
  qrCodeDataUrl: string;
  secret: string;
  expiresAt: Date;
}

export interface EnrolmentDone extends SignedToken {
  recoveryCodes: string[];
}

/** Secrets are bound to their account and their purpose (associated data): a copied ciphertext does not decrypt. */
const aad = (userId: string, purpose: 'totp' | 'totp-pending') => `app_user:${userId}:${purpose}`;

/** Does this account's role have to use two-factor sign-in (LANTERN_REQUIRE_TWO_FACTOR_ROLES)? */
export function twoFactorRequiredFor(config: Pick<Config, 'twoFactorRequiredRoles'>, role: Role): boolean {
  return config.twoFactorRequiredRoles.includes(role);
}

/** Signed in, but may only turn two-factor sign-in on until it is (a required role without it). */
export function mustEnrolFirst(config: Pick<Config, 'twoFactorRequiredRoles'>, user: User): boolean {
  return twoFactorRequiredFor(config, user.role) && !user.twoFactorEnabledAt;
}

/**
 * Two-factor sign-in: enrolment (a pending secret, confirmed by its first code), recovery codes,
 * turning it off, an administrator's reset, and checking a second factor at sign-in. Every change
 * is one transaction and leaves a SecurityEvent.
 */
export class TwoFactorService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
  ) {}

  /** A new secret for the account holder to scan; not required at sign-in until confirmed. */
  async start(userId: string, now = new Date()): Promise<EnrolmentStart> {
    const started = await this.em.transactional(async (em) => {
      const user = await lockedUser(em, userId);
      if (user.twoFactorEnabledAt) {
        throw new ConflictError('twoFactor', 'two-factor sign-in is already on; turn it off first to move it to another device');
      }
      const secret = newTotpSecret();
      const expiresAt = new Date(now.getTime() + ENROLMENT_MINUTES * 60_000);
      user.totpPendingEncrypted = encrypt(secret, this.config.encryptionKey, aad(user.id, 'totp-pending'));
      user.totpPendingExpiresAt = expiresAt;
      await em.flush();
      return { otpauthUri: otpauthUri(user.email, secret), secret, expiresAt };
    });
    // The QR code is drawn after the commit: the account's row is not held locked while it is.
    return { ...started, qrCodeDataUrl: await qrCodeDataUrl(started.otpauthUri) };
  }

  /**
   * The first code from the app turns two-factor sign-in on. Every other session of the account
   * ends (they were signed in with the password alone); this one gets a new token.
   * Returns the recovery codes: the only time they are ever shown.
   */
  async confirm(userId: string, code: string, now = new Date()): Promise<EnrolmentDone> {
    return this.em.transactional(async (em) => {
      const user = await lockedUser(em, userId);
      if (user.twoFactorEnabledAt) throw new ConflictError('twoFactor', 'two-factor sign-in is already on');
      if (!user.totpPendingEncrypted || !user.totpPendingExpiresAt || user.totpPendingExpiresAt <= now) {
        throw new BadUserInputError('code', 'the set-up has expired or was not started; start again');
      }
      const secret = decrypt(user.totpPendingEncrypted, this.config.encryptionKey, aad(user.id, 'totp-pending'));
      const step = matchingStep(secret, code, now.getTime());
      if (step === null) throw new BadUserInputError('code', 'that code is not right; check the time on your phone and try again');
      user.totpSecretEncrypted = encrypt(secret, this.config.encryptionKey, aad(user.id, 'totp'));
      user.twoFactorEnabledAt = now;
      user.totpPendingEncrypted = null;
      user.totpPendingExpiresAt = null;
      user.totpLastStep = String(step);
      user.tokenVersion += 1;
      const recoveryCodes = await this.replaceRecoveryCodes(em, user);
      recordSecurityEvent(em, SecurityEventKind.TWO_FACTOR_ENABLED, user, user, now);
      await em.flush();
      const signed = await signToken({ sub: user.id, tv: user.tokenVersion }, this.config.jwtSecret, this.config.tokenTtlSeconds, now);
      return { ...signed, recoveryCodes };
    });
  }

  /**
   * New recovery codes (the old ones stop working), against a current code from the app.
   * `false`: the code was wrong (the caller counts it as a failed sign-in).
   */
  async regenerateRecoveryCodes(userId: string, code: string, now = new Date()): Promise<string[] | false> {
    return this.em.transactional(async (em) => {
      const user = await lockedUser(em, userId);
      if (!user.twoFactorEnabledAt) throw new ConflictError('twoFactor', 'two-factor sign-in is not on');
      if (!looksLikeTotp(code) || !(await this.checkSecondFactor(em, user, code, now))) return false;
      const codes = await this.replaceRecoveryCodes(em, user);
      recordSecurityEvent(em, SecurityEventKind.RECOVERY_CODES_REGENERATED, user, user, now);
      await em.flush();
      return codes;
    });
  }

  /**
   * Turns two-factor sign-in off, against the password and a current code (or a recovery code).
   * `false`: one of them was wrong (never which; the caller counts it as a failed sign-in).
   */
  async disable(userId: string, password: string, code: string, now = new Date()): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const user = await lockedUser(em, userId);
      await em.populate(user, ['passwordHash']);
      const passwordOk = await verifyPassword(user.passwordHash, password);
      if (!user.twoFactorEnabledAt) {
        if (!passwordOk) return false;
        throw new ConflictError('twoFactor', 'two-factor sign-in is not on');
      }
      const codeOk = await this.checkSecondFactor(em, user, code, now);
      if (!passwordOk || !codeOk) return false;
      this.clear(user);
      await em.nativeDelete(RecoveryCode, { user: user.id });
      recordSecurityEvent(em, SecurityEventKind.TWO_FACTOR_DISABLED, user, user, now);
      await em.flush();
      return true;
    });
  }

  /**
   * An administrator turns off another account's two-factor sign-in (a lost phone, no recovery
   * codes left) and ends every session of it. Recorded in the security audit trail.
   */
  async reset(admin: User, userId: string, now = new Date()): Promise<User> {
    return this.em.transactional(async (em) => {
      const target = await new UserService(em, admin).get(userId);
      if (target.id === admin.id) {
        throw new BadUserInputError('id', 'use disableTwoFactor for your own account (it asks for your password and a code)');
      }
      const user = await lockedUser(em, target.id);
      this.clear(user);
      user.tokenVersion += 1;
      await em.nativeDelete(RecoveryCode, { user: user.id });
      recordSecurityEvent(em, SecurityEventKind.TWO_FACTOR_RESET, user, admin, now);
      await em.flush();
      return user;
    });
  }

  /**
   * Sign-in's second factor: a current TOTP code (never one accepted before) or an unused
   * recovery code (used up by this call). Both are settled by one conditional UPDATE, so two
   * simultaneous sign-ins with the same code cannot both succeed.
   */
  async checkSecondFactor(em: EntityManager, user: User, code: string, now = new Date()): Promise<boolean> {
    if (looksLikeTotp(code)) {
      if (!user.totpSecretEncrypted) await em.populate(user, ['totpSecretEncrypted']);
      if (!user.totpSecretEncrypted) return false;
      const secret = decrypt(user.totpSecretEncrypted, this.config.encryptionKey, aad(user.id, 'totp'));
      const step = matchingStep(secret, code, now.getTime());
      if (step === null) return false;
      const rows = await em.execute<{ id: string }[]>(
        `update app_user set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?) returning id`,
        [step, user.id, step],
      );
      return rows.length === 1;
    }
    const normalised = normaliseRecoveryCode(code);
    if (!normalised) return false;
    const rows = await em.execute<{ id: string }[]>(
      `update recovery_code set used_at = ?, updated_at = ? where user_id = ? and code_hash = ? and used_at is null returning id`,
      [now, now, user.id, recoveryCodeHash(user.id, normalised)],
    );
    if (rows.length !== 1) return false;
    recordSecurityEvent(em, SecurityEventKind.RECOVERY_CODE_USED, user, user, now);
    await em.flush();
    return true;
  }

  /** Unused recovery codes of an account. */
  recoveryCodesRemaining(userId: string): Promise<number> {
    return this.em.count(RecoveryCode, { user: userId, usedAt: null });
  }

  private clear(user: User): void {
    user.totpSecretEncrypted = null;
    user.twoFactorEnabledAt = null;
    user.totpPendingEncrypted = null;
    user.totpPendingExpiresAt = null;
    user.totpLastStep = null;
  }

  private async replaceRecoveryCodes(em: EntityManager, user: User): Promise<string[]> {
    await em.nativeDelete(RecoveryCode, { user: user.id });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    for (const code of codes) {
      em.create(RecoveryCode, { user, codeHash: recoveryCodeHash(user.id, normaliseRecoveryCode(code)!) });
    }
    return codes;
  }
}

/** The account, its row locked for the transaction, with the two-factor columns loaded. */
async function lockedUser(em: EntityManager, userId: string): Promise<User> {
  if (!isUuid(userId)) throw new ForbiddenError();
  return em.findOneOrFail(User, { id: userId }, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    populate: ['totpSecretEncrypted', 'totpPendingEncrypted', 'totpPendingExpiresAt', 'totpLastStep'],
    refresh: true,
  });
}
