import { BeforeDelete, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property, Unique, type EntityManager } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import { User } from '../user/user.entity';

/**
 * One single-use recovery code of an account with two-factor sign-in. Only a SHA-256 hash of the
 * code is kept (the codes carry 80 random bits, so a hash cannot be reversed by guessing).
 * Using one sets `usedAt` in one conditional UPDATE: two sign-ins with the same code cannot both win.
 */
@Entity()
@Unique({ properties: ['user', 'codeHash'] })
export class RecoveryCode extends BaseEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}

export enum SecurityEventKind {
  TWO_FACTOR_ENABLED = 'TWO_FACTOR_ENABLED',
  TWO_FACTOR_DISABLED = 'TWO_FACTOR_DISABLED',
  /** An administrator turned another account's two-factor sign-in off (a lost phone). */
  TWO_FACTOR_RESET = 'TWO_FACTOR_RESET',
  RECOVERY_CODES_REGENERATED = 'RECOVERY_CODES_REGENERATED',
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
  /** The account holder ended every session of a staff or police account (signOutEverywhere). */
  SESSIONS_REVOKED = 'SESSIONS_REVOKED',
  /** An administrator set a new password for the account (which also ends its sessions). */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * The audit trail of an account's sign-in security: who changed what on whose account, when.
 * Append-only (the ORM refuses changes, and so does a database trigger). No codes, no secrets.
 */
@Entity()
@Index({ properties: ['user', 'at'] })
export class SecurityEvent extends BaseEntity {
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @Enum({ items: () => SecurityEventKind, nativeEnumName: 'security_event_kind' })
  kind!: SecurityEventKind;

  /** Whose account. */
  @ManyToOne({ entity: () => User })
  user!: User;

  /** Who did it: the account holder, or the administrator who reset it. */
  @ManyToOne({ entity: () => User })
  actor!: User;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  actorRole!: Role;

  @BeforeUpdate()
  @BeforeDelete()
  refuseChange(): never {
    throw new Error('Security events are append-only');
  }
}

/** Records `kind` on `user`'s account, done by `actor` (the holder, or an administrator), in `em`'s unit of work. */
export function recordSecurityEvent(em: EntityManager, kind: SecurityEventKind, user: User, actor: User, at = new Date()): void {
  em.create(SecurityEvent, { kind, user, actor, actorRole: actor.role, at });
}
