import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import type { CaseFile } from '../case/case.entity';
import type { ReportShare } from './report-share.entity';
import { Consent } from '../consent/consent.entity';
import { Force } from '../force/force.entity';
import { IdentifierKind } from '../identifier/identifier.kind';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { Channel, IncidentType, ReportStatus } from './report.enums';

/**
 * A report of harm. Which of its fields a caller may read is decided field by field in
 * policy/shield.ts; fields some role may not read are nullable so that refusing one never blanks
 * the record around it.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A report of harm' })
@Entity()
@Index({ properties: ['forceArea', 'receivedAt'] })
// The case workers' list by force area and status, newest first (keyset order), and its count.
@Index({
  name: 'report_force_status_received_index',
  expression: 'create index "report_force_status_received_index" on "report" ("force_area_id", "status", "received_at" desc, "id" desc)',
})
// The police list: the reports police may read now, newest first (Migration20261129150000).
@Index({
  name: 'report_police_walk_index',
  expression:
    'create index "report_police_walk_index" on "report" ("received_at" desc, "id" desc) include ("force_area_id", "consent_id") where "police_visible"',
})
// Reports by incident type (array containment, `@>`).
@Index({ name: 'report_incident_types_gin', expression: 'create index "report_incident_types_gin" on "report" using gin ("incident_types")' })
@Check({ name: 'report_incident_types_not_empty', expression: 'cardinality(incident_types) > 0' })
@Unique({ properties: ['createdBy', 'idempotencyKey'] })
export class Report extends BaseEntity<'status'> {
  @Field(() => String, { nullable: true, description: 'Human reference, e.g. LN-2026-000123' })
  @Property({ type: 'string', length: 20 })
  @Unique()
  reference!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  @Index()
  receivedAt!: Date;

  /**
   * Whether the consent lets police read this report now: kept by the database's triggers
   * (Migration20261129150000), never written by code, never loaded (lazy); only the police
   * list's walk reads it. Not in the GraphQL schema.
   */
  @Property({ type: 'boolean', default: false, lazy: true })
  policeVisible?: boolean;

  @Field(() => Channel, { nullable: true })
  @Enum({ items: () => Channel, nativeEnumName: 'channel' })
  channel!: Channel;

  @Field(() => String, { nullable: true, description: 'The day it happened (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  @Index()
  incidentDate!: string;

  @Field(() => Force, { nullable: true })
  @ManyToOne({ entity: () => Force })
  forceArea!: Force;

  @Field(() => [IncidentType], { nullable: true })
  @Enum({ items: () => IncidentType, array: true, type: 'text[]' })
  incidentTypes!: IncidentType[];

  @Field(() => String, { nullable: true, description: 'Staff and the reporter only: never police' })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Staff and the reporter only: never police' })
  @Property({ type: 'text' })
  narrative!: string;

  @Field(() => String, { nullable: true, description: 'The redacted text police may read, with consent' })
  @Property({ type: 'text', nullable: true })
  policeSummary?: string | null;

  @Field(() => String, { nullable: true, description: 'What the perpetrator looked like, how they behaved' })
  @Property({ type: 'text', nullable: true })
  perpetratorDescription?: string | null;

  @Field(() => ReportStatus, { nullable: true })
  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status', default: ReportStatus.NEW })
  @Index()
  status: ReportStatus = ReportStatus.NEW;

  @ManyToOne({ entity: () => Member, nullable: true, index: true })
  member?: Member | null;

  @ManyToOne({ entity: () => User, nullable: true })
  createdBy?: User | null;

  /** The client's key for this submission: a retry with the same key returns this report. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @OneToOne({ entity: () => Consent, owner: true, unique: true, eager: false })
  consent!: Consent;

  @Field(() => Date, { nullable: true, description: 'When the retention schedule (or an erasure) removed its personal details: only statistics remain' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  anonymisedAt?: Date | null;

  /** The case on this report, if one was opened (inverse side; no column here). */
  @OneToOne({ entity: 'CaseFile', mappedBy: 'report', nullable: true })
  caseFile?: CaseFile | null;

  /** Forces a case worker shared this report with (besides its force area). */
  @OneToMany({ entity: 'ReportShare', mappedBy: 'report' })
  shares = new Collection<ReportShare>(this);

  @OneToMany({ entity: () => ReportIdentifier, mappedBy: 'report', orphanRemoval: true, orderBy: { createdAt: 'ASC', id: 'ASC' } })
  identifiers = new Collection<ReportIdentifier>(this);
}

/** A normalised perpetrator identifier on a report; reports sharing one are linked. */
@ObjectType('Identifier', { description: 'A normalised perpetrator identifier' })
@Entity()
@Index({ properties: ['kind', 'value'] })
@Unique({ properties: ['report', 'kind', 'value'] })
export class ReportIdentifier extends BaseEntity {
  @ManyToOne({ entity: () => Report, index: true, deleteRule: 'cascade' })
  report!: Report;

  @Field(() => IdentifierKind)
  @Enum({ items: () => IdentifierKind, nativeEnumName: 'identifier_kind' })
  kind!: IdentifierKind;

  @Field(() => String, { description: 'Normalised: E.164 phone, lower-case e-mail, upper-case registration, handle without @' })
  @Property({ type: 'string', length: 200 })
  value!: string;
}

/** The last reference number issued per year: references are sequential per year, without gaps. */
@Entity()
export class ReportSequence {
  @Property({ type: 'integer', primary: true, autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
