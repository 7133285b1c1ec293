import { BeforeDelete, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import type { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { ConsentMethod, PoliceConsent } from './consent.enums';

/** The consent in force for one report. Read at request time; every change appends a ConsentEvent. */
@ObjectType({ description: 'The consent in force for a report' })
@Entity()
export class Consent extends BaseEntity {
  @Field(() => PoliceConsent)
  @Enum({ items: () => PoliceConsent, nativeEnumName: 'police_consent', default: PoliceConsent.NONE })
  @Index()
  police: PoliceConsent = PoliceConsent.NONE;

  @Field(() => Boolean, { description: 'May an anonymised alert be issued from this report' })
  @Property({ type: 'boolean', default: false })
  alerts: boolean = false;

  @Field(() => Boolean, { description: 'May it be counted in published figures' })
  @Property({ type: 'boolean', default: true })
  statistics: boolean = true;

  @Field(() => ConsentMethod)
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;

  @ManyToOne({ entity: () => User, nullable: true })
  recordedBy?: User | null;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When police consent was last lowered' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;
}

/** One change of consent. Append-only: never updated or deleted (the ORM refuses, and so does a trigger). */
@ObjectType({ description: 'One change of consent (append-only history)' })
@Entity()
export class ConsentEvent extends BaseEntity {
  @ManyToOne({ entity: 'Report', index: true })
  report!: Report;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @ManyToOne({ entity: () => User, nullable: true })
  actor?: User | null;

  @Field(() => Role, { nullable: true, description: 'The role of who made the change' })
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  actorRole!: Role;

  @Field(() => ConsentMethod)
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;

  @Field(() => PoliceConsent, { nullable: true })
  @Enum({ items: () => PoliceConsent, nativeEnumName: 'police_consent', nullable: true })
  previousPolice?: PoliceConsent | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  previousAlerts?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  previousStatistics?: boolean | null;

  @Field(() => PoliceConsent)
  @Enum({ items: () => PoliceConsent, nativeEnumName: 'police_consent' })
  police!: PoliceConsent;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  alerts!: boolean;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  statistics!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @BeforeUpdate()
  @BeforeDelete()
  refuseChange(): never {
    throw new Error('Consent events are append-only');
  }
}
