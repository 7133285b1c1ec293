import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Member } from '../member/member.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';

/** What a legal hold covers. A report's hold covers its case too (one case per report). */
export enum LegalHoldTarget {
  /** The member: their account, contact details and every report of theirs. */
  MEMBER = 'MEMBER',
  /** One report, its case, and the member who made it. */
  REPORT = 'REPORT',
}
registerEnumType(LegalHoldTarget, { name: 'LegalHoldTarget' });

/**
 * A legal hold: while it is in force (not released), nothing it covers is anonymised, deleted or
 * erased, by the retention job or by an erasure request. Placing and releasing each need a reason
 * and are written to the audit trail (ids only; the reasons stay here, with staff).
 */
@ObjectType({ description: 'A legal hold: stops every anonymisation, deletion and erasure of what it covers' })
@Entity()
@Check({ name: 'legal_hold_one_target', expression: `("target" = 'MEMBER' and "member_id" is not null and "report_id" is null) or ("target" = 'REPORT' and "report_id" is not null and "member_id" is null)` })
// At most one hold in force per record.
@Index({ name: 'legal_hold_active_member_unique', expression: `create unique index "legal_hold_active_member_unique" on "legal_hold" ("member_id") where "released_at" is null and "member_id" is not null` })
@Index({ name: 'legal_hold_active_report_unique', expression: `create unique index "legal_hold_active_report_unique" on "legal_hold" ("report_id") where "released_at" is null and "report_id" is not null` })
export class LegalHold extends BaseEntity {
  @Field(() => LegalHoldTarget)
  @Enum({ items: () => LegalHoldTarget, nativeEnumName: 'legal_hold_target' })
  target!: LegalHoldTarget;

  @ManyToOne({ entity: () => Member, nullable: true })
  member?: Member | null;

  @ManyToOne({ entity: () => Report, nullable: true })
  report?: Report | null;

  @Field(() => String, { description: 'Why it was placed (e.g. a court order or an investigation reference; no names)' })
  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne({ entity: () => User })
  placedBy!: User;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  placedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  releasedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true })
  releasedBy?: User | null;

  @Field(() => String, { nullable: true, description: 'Why it was released' })
  @Property({ type: 'text', nullable: true })
  releaseReason?: string | null;
}
