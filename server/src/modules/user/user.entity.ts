import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import { Force } from '../force/force.entity';
import type { Member } from '../member/member.entity';

/** An account: staff, police partner or member. Secrets have no @Field and are lazy + hidden. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A signed-in account' })
@Entity({ tableName: 'app_user' })
// A police partner is always tied to one force; no one else is.
@Check({ name: 'app_user_force_matches_role', expression: `("role" = 'POLICE_PARTNER') = ("force_id" is not null)` })
// Two-factor sign-in is on exactly when there is a secret.
@Check({ name: 'app_user_two_factor_has_secret', expression: `("two_factor_enabled_at" is null) = ("totp_secret_encrypted" is null)` })
export class User extends BaseEntity<'active' | 'failedLoginCount' | 'tokenVersion'> {
  @Field(() => String, { description: 'Lower-case; unique' })
  @Property({ type: 'string', length: 320 })
  @Unique()
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  @Index()
  role!: Role;

  @Field(() => Force, { nullable: true, description: 'The force of a police partner' })
  @ManyToOne({ entity: () => Force, nullable: true, index: true })
  force?: Force | null;

  @Field(() => Boolean, { description: 'False once deactivated: cannot sign in, existing tokens stop working' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  /** The member record of a MEMBER account. */
  @OneToOne({ entity: 'Member', mappedBy: 'user', nullable: true })
  member?: Member | null;

  /** argon2id. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  /**
   * Two-factor sign-in (TOTP): the secret, AES-256-GCM encrypted with LANTERN_ENCRYPTION_KEY and
   * bound to this account (auth/two-factor.service.ts); null while two-factor sign-in is off.
   */
  @Property({ type: 'text', hidden: true, lazy: true, nullable: true })
  totpSecretEncrypted?: string | null;

  /** When two-factor sign-in was turned on; null while it is off. Read on every request (enrolment gate). */
  @Property({ type: 'datetime', columnType: 'timestamptz', hidden: true, nullable: true })
  twoFactorEnabledAt?: Date | null;

  /** A secret shown to the account holder but not confirmed with a code yet (encrypted likewise). */
  @Property({ type: 'text', hidden: true, lazy: true, nullable: true })
  totpPendingEncrypted?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', hidden: true, lazy: true, nullable: true })
  totpPendingExpiresAt?: Date | null;

  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  @Property({ type: 'bigint', hidden: true, lazy: true, nullable: true })
  totpLastStep?: string | null;

  @Property({ type: 'integer', hidden: true, default: 0 })
  failedLoginCount: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', hidden: true, nullable: true })
  lockedUntil?: Date | null;

  /** Bumped on deactivation and password reset: every token carrying an older value is refused. */
  @Property({ type: 'integer', hidden: true, default: 0 })
  tokenVersion: number = 0;
}
