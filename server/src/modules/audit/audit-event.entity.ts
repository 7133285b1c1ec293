import { BeforeDelete, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import { User } from '../user/user.entity';

/** What was done. Each names one kind of change; none carries any text a person typed. */
export enum AuditAction {
  /** The retention schedule removed a member's contact details. */
  CONTACT_ANONYMISED = 'CONTACT_ANONYMISED',
  /** A report's personal details (narrative, location, notes...) were removed; its statistics remain. */
  REPORT_ANONYMISED = 'REPORT_ANONYMISED',
  /** An expired or withdrawn alert was archived (and its delivery records deleted). */
  ALERT_ARCHIVED = 'ALERT_ARCHIVED',
  /** Access events past their retention were deleted (`count` of them). */
  ACCESS_EVENTS_DELETED = 'ACCESS_EVENTS_DELETED',
  /** Members' identifier checks past their retention were deleted (`count`). */
  IDENTIFIER_CHECKS_DELETED = 'IDENTIFIER_CHECKS_DELETED',
  /** Expired rate-limit counters were deleted (`count`). */
  RATE_LIMIT_BUCKETS_DELETED = 'RATE_LIMIT_BUCKETS_DELETED',
  /** Used idempotency keys of reports were cleared (`count`). */
  IDEMPOTENCY_KEYS_CLEARED = 'IDEMPOTENCY_KEYS_CLEARED',
  /** A member's account was erased at their request. */
  MEMBER_ERASED = 'MEMBER_ERASED',
  /** A member asked for erasure while under legal hold: recorded, to be carried out when the hold ends. */
  ERASURE_DEFERRED = 'ERASURE_DEFERRED',
  LEGAL_HOLD_PLACED = 'LEGAL_HOLD_PLACED',
  LEGAL_HOLD_RELEASED = 'LEGAL_HOLD_RELEASED',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

export enum AuditEntityType {
  MEMBER = 'MEMBER',
  REPORT = 'REPORT',
  ALERT = 'ALERT',
  ACCESS_EVENT = 'ACCESS_EVENT',
  IDENTIFIER_CHECK = 'IDENTIFIER_CHECK',
  RATE_LIMIT_BUCKET = 'RATE_LIMIT_BUCKET',
}
registerEnumType(AuditEntityType, { name: 'AuditEntityType' });

/**
 * The audit trail of retention, erasure and legal holds: who (an account, or the retention job),
 * what, on which record (by id only), when, and under which schedule. Append-only: the ORM
 * refuses to change a row and so does a database trigger (UPDATE, DELETE and TRUNCATE). It never
 * holds personal data (no names, e-mails, free text), so it outlives every erasure.
 */
@ObjectType({ description: 'One retention, erasure or legal-hold action (append-only; ids only, never personal data)' })
@Entity()
@Index({ properties: ['at'] })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEvent extends BaseEntity<'count'> {
  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  @Field(() => AuditEntityType)
  @Enum({ items: () => AuditEntityType, nativeEnumName: 'audit_entity_type' })
  entityType!: AuditEntityType;

  @Field(() => ID, { nullable: true, description: 'The record acted on; null for a count of deleted rows' })
  @Property({ type: 'uuid', nullable: true })
  entityId?: string | null;

  @Field(() => Int, { description: 'How many records (1 for a single record)' })
  @Property({ type: 'integer', default: 1 })
  count: number = 1;

  /** The account that acted; null when the retention job did. */
  @ManyToOne({ entity: () => User, nullable: true })
  actor?: User | null;

  @Field(() => Role, { nullable: true, description: 'The role of the account that acted; null for the job' })
  @Enum({ items: () => Role, nativeEnumName: 'role', nullable: true })
  actorRole?: Role | null;

  @Field(() => String, { nullable: true, description: 'The job that acted (e.g. "retention"), when no account did' })
  @Property({ type: 'string', length: 50, nullable: true })
  job?: string | null;

  @Field(() => String, { nullable: true, description: 'The schedule applied, e.g. "LANTERN_RETAIN_CONTACT_MONTHS=24", or "erasure"' })
  @Property({ type: 'string', length: 100, nullable: true })
  schedule?: string | null;

  @Field(() => Date, { nullable: true, description: 'Records older than this were in scope' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cutoff?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The retention run that acted (groups its rows)' })
  @Property({ type: 'uuid', nullable: true })
  runId?: string | null;

  @BeforeUpdate()
  @BeforeDelete()
  refuseChange(): never {
    throw new Error('Audit events are append-only');
  }
}
