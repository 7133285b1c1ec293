import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';

export enum TrainingFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
}
registerEnumType(TrainingFormat, { name: 'TrainingFormat' });

export enum InvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  DELIVERED = 'DELIVERED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus', description: 'Where a force is in a training programme' });

/** Where an invitation may go next. A declined force may still accept later; delivered is final. */
export const INVITATION_TRANSITIONS: Readonly<Record<InvitationStatus, readonly InvitationStatus[]>> = {
  INVITED: [InvitationStatus.ACCEPTED, InvitationStatus.DECLINED],
  ACCEPTED: [InvitationStatus.DELIVERED, InvitationStatus.DECLINED],
  DECLINED: [InvitationStatus.ACCEPTED],
  DELIVERED: [],
};

/** Someone who led a session, as they wish to be credited. */
@ObjectType()
export class Trainer {
  @Field(() => String, { nullable: true, description: 'As the trainer wishes to be credited (a first name or a pseudonym is fine); staff only' })
  name!: string;

  @Field(() => Boolean, { description: 'An expert by experience: someone with lived experience of sex work' })
  expertByExperience!: boolean;
}

/** A theme raised in feedback, and how many attendees raised it. */
@ObjectType()
export class ThemeCount {
  @Field(() => String)
  theme!: string;

  @Field(() => Int)
  count!: number;
}

/** A police training session the charity delivered. */
@ObjectType({ description: 'A training session for police officers' })
@Entity()
@Check({ name: 'training_session_officers_not_negative', expression: 'officers_attending >= 0' })
export class TrainingSession extends BaseEntity<'trainers'> {
  @Field(() => String, { description: 'The day it was delivered (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  @Index()
  date!: string;

  @ManyToMany({ entity: () => Force, pivotTable: 'training_session_force' })
  forces = new Collection<Force>(this);

  @Field(() => TrainingFormat)
  @Enum({ items: () => TrainingFormat, nativeEnumName: 'training_format' })
  format!: TrainingFormat;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  location?: string | null;

  @Field(() => String, { description: 'The programme it belongs to, e.g. "2019/20 police training"' })
  @Property({ type: 'string', length: 200 })
  @Index()
  programme!: string;

  @Field(() => [Trainer])
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  trainers: Trainer[] = [];

  @Field(() => Int)
  @Property({ type: 'integer' })
  officersAttending!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @OneToOne({ entity: () => TrainingFeedback, mappedBy: 'session', nullable: true })
  feedback?: TrainingFeedback | null;

  @ManyToOne({ entity: () => User, nullable: true })
  recordedBy?: User | null;
}

/** What attendees said after a session. */
@ObjectType({ description: 'Feedback from the officers who attended a session' })
@Entity()
@Check({ name: 'training_feedback_counts', expression: 'responses >= 0 and intend_to_use >= 0 and intend_to_use <= responses' })
export class TrainingFeedback extends BaseEntity<'concernsBefore' | 'concernsAfter'> {
  @OneToOne({ entity: () => TrainingSession, owner: true, unique: true, deleteRule: 'cascade' })
  session!: TrainingSession;

  @Field(() => Int, { description: 'How many attendees answered' })
  @Property({ type: 'integer' })
  responses!: number;

  @Field(() => Int, { description: 'How many of them intend to use the service' })
  @Property({ type: 'integer' })
  intendToUse!: number;

  @Field(() => [ThemeCount], { description: 'Concerns about working with sex workers’ reports, before the session' })
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  concernsBefore: ThemeCount[] = [];

  @Field(() => [ThemeCount], { description: 'The same, after the session' })
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  concernsAfter: ThemeCount[] = [];
}

/** A force invited to a training programme, and where that invitation stands. */
@ObjectType({ description: 'A force invited to a training programme' })
@Entity()
@Unique({ properties: ['force', 'programme'] })
export class TrainingInvitation extends BaseEntity<'status'> {
  @Field(() => Force)
  @ManyToOne({ entity: () => Force, index: true })
  force!: Force;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  programme!: string;

  @Field(() => InvitationStatus)
  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', default: InvitationStatus.INVITED })
  status: InvitationStatus = InvitationStatus.INVITED;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Property({ type: 'date' })
  invitedOn!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  acceptedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  declinedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  deliveredOn?: string | null;

  @Field(() => TrainingSession, { nullable: true, description: 'The session that delivered it' })
  @ManyToOne({ entity: () => TrainingSession, nullable: true, deleteRule: 'set null' })
  session?: TrainingSession | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
