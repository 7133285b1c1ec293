import { BeforeDelete, BeforeUpdate, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { CaseStatus, SupportKind, SupportStatus } from './case.enums';

/** Case work on one report. Staff only (managers read); members see only its status. */
@ObjectType('Case', { description: 'Case work on a report' })
@Entity({ tableName: 'case_file' })
export class CaseFile extends BaseEntity<'status' | 'openedAt'> {
  @Field(() => Report)
  @OneToOne({ entity: () => Report, owner: true, unique: true })
  report!: Report;

  @Field(() => User, { nullable: true })
  @ManyToOne({ entity: () => User, nullable: true, index: true })
  assignee?: User | null;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status', default: CaseStatus.OPEN })
  @Index()
  status: CaseStatus = CaseStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'Set when closing' })
  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  openedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @OneToMany({ entity: () => CaseNote, mappedBy: 'caseFile' })
  notes = new Collection<CaseNote>(this);

  @OneToMany({ entity: () => SupportAction, mappedBy: 'caseFile' })
  supportActions = new Collection<SupportAction>(this);

  @OneToMany({ entity: () => PoliceContact, mappedBy: 'caseFile' })
  policeContacts = new Collection<PoliceContact>(this);
}

/** A staff note on a case. Append-only. */
@ObjectType({ description: 'A case note (staff only, append-only)' })
@Entity()
export class CaseNote extends BaseEntity {
  @ManyToOne({ entity: () => CaseFile, index: true })
  caseFile!: CaseFile;

  @Field(() => User, { nullable: true })
  @ManyToOne({ entity: () => User })
  author!: User;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @BeforeUpdate()
  @BeforeDelete()
  refuseChange(): never {
    throw new Error('Case notes are append-only');
  }
}

/** A support action or a referral to another agency. */
@ObjectType({ description: 'A support action or referral' })
@Entity()
export class SupportAction extends BaseEntity<'status'> {
  @ManyToOne({ entity: () => CaseFile, index: true })
  caseFile!: CaseFile;

  @Field(() => SupportKind)
  @Enum({ items: () => SupportKind, nativeEnumName: 'support_kind' })
  kind!: SupportKind;

  @Field(() => String, { nullable: true, description: 'The agency referred to, if any' })
  @Property({ type: 'string', length: 200, nullable: true })
  agency?: string | null;

  @Field(() => SupportStatus)
  @Enum({ items: () => SupportStatus, nativeEnumName: 'support_status', default: SupportStatus.PLANNED })
  status: SupportStatus = SupportStatus.PLANNED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => User, { nullable: true })
  @ManyToOne({ entity: () => User })
  createdBy!: User;
}

/** Mediated contact with police about a case. */
@ObjectType({ description: 'A mediated contact with police' })
@Entity()
export class PoliceContact extends BaseEntity {
  @ManyToOne({ entity: () => CaseFile, index: true })
  caseFile!: CaseFile;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Property({ type: 'date' })
  contactDate!: string;

  @Field(() => Force)
  @ManyToOne({ entity: () => Force })
  force!: Force;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  officer?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  crimeReference?: string | null;

  @Field(() => String)
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => User, { nullable: true })
  @ManyToOne({ entity: () => User })
  recordedBy!: User;
}
