import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { IdentifierKind } from '../identifier/identifier.kind';
import { PoliceRequest } from '../police-request/police-request.entity';
import { Report } from '../report/report.entity';
import { IncidentType } from '../report/report.enums';
import { User } from '../user/user.entity';

export enum AlertStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(AlertStatus, { name: 'AlertStatus' });

/** An identifier shown on an alert (normalised, and always one of its source reports'). */
@ObjectType('AlertIdentifier')
export class ShownIdentifier {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field(() => String)
  value!: string;
}

/** A re-identification finding that a case worker chose to keep, and why. */
@ObjectType()
export class FindingOverride {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  byName!: string;

  @Field(() => Date)
  at!: Date;
}

/** A warning to members: redacted, public-safe, approved by a second person before publication. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A warning to members' })
@Entity()
@Index({ properties: ['status', 'publishedAt'] })
@Index({ name: 'alert_shown_identifiers_gin', expression: 'create index "alert_shown_identifiers_gin" on "alert" using gin ("shown_identifiers" jsonb_path_ops)' })
export class Alert extends BaseEntity<'status' | 'overrides'> {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => AlertStatus, nativeEnumName: 'alert_status', default: AlertStatus.DRAFT })
  status: AlertStatus = AlertStatus.DRAFT;

  @ManyToMany({ entity: () => Force, pivotTable: 'alert_target_area' })
  targetAreas = new Collection<Force>(this);

  @Field(() => [IncidentType])
  @Enum({ items: () => IncidentType, array: true, type: 'text[]' })
  incidentTypes!: IncidentType[];

  @Field(() => [ShownIdentifier], { description: 'Identifiers shown to members (from the source reports only)' })
  @Property({ type: 'json', columnType: 'jsonb' })
  shownIdentifiers!: ShownIdentifier[];

  @ManyToMany({ entity: () => Report, pivotTable: 'alert_source_report' })
  sourceReports = new Collection<Report>(this);

  @Field(() => Force, { nullable: true, description: 'When issued at a force’s request' })
  @ManyToOne({ entity: () => Force, nullable: true })
  onBehalfOf?: Force | null;

  @ManyToOne({ entity: () => PoliceRequest, nullable: true })
  policeRequest?: PoliceRequest | null;

  /** A correction: the published alert this one replaces when it is published. */
  @ManyToOne({ entity: () => Alert, nullable: true })
  corrects?: Alert | null;

  @ManyToOne({ entity: () => User })
  author!: User;

  @ManyToOne({ entity: () => User, nullable: true })
  approver?: User | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  approvedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  withdrawalReason?: string | null;

  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  overrides: FindingOverride[] = [];

  /**
   * Set by the retention job some days after the alert expired or was withdrawn: no longer
   * listed (unless asked for), in the feed or delivered; its delivery records are deleted.
   */
  @Field(() => Date, { nullable: true, description: 'When it was archived (staff): no longer listed by default, in the feed or delivered' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;
}

/** One identifier check by a member: the value is kept only as a keyed hash. */
@Entity()
@Index({ properties: ['user', 'at'] })
export class IdentifierCheck extends BaseEntity {
  @ManyToOne({ entity: () => User })
  user!: User;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @Enum({ items: () => IdentifierKind, nativeEnumName: 'identifier_kind' })
  kind!: IdentifierKind;

  /** HMAC-SHA256 of the normalised value under a key derived from LANTERN_ENCRYPTION_KEY. */
  @Property({ type: 'string', length: 64 })
  valueHash!: string;

  @Property({ type: 'integer' })
  matches!: number;
}
