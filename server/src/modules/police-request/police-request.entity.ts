import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { IdentifierKind } from '../identifier/identifier.kind';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';

export enum PoliceRequestKind {
  /** Intelligence on a perpetrator identifier (a phone number, a vehicle...). */
  IDENTIFIER_INTELLIGENCE = 'IDENTIFIER_INTELLIGENCE',
  /** Intelligence on an incident the force is investigating. */
  INCIDENT_INTELLIGENCE = 'INCIDENT_INTELLIGENCE',
  /** Asks the charity to warn members with an alert. */
  ALERT = 'ALERT',
}
registerEnumType(PoliceRequestKind, { name: 'PoliceRequestKind' });

export enum PoliceRequestStatus {
  OPEN = 'OPEN',
  /** A case worker is asking the member(s) for consent. */
  WITH_MEMBER = 'WITH_MEMBER',
  ANSWERED = 'ANSWERED',
  DECLINED = 'DECLINED',
}
registerEnumType(PoliceRequestStatus, { name: 'PoliceRequestStatus' });

export const POLICE_REQUEST_TRANSITIONS: Readonly<Record<PoliceRequestStatus, readonly PoliceRequestStatus[]>> = {
  OPEN: [PoliceRequestStatus.WITH_MEMBER, PoliceRequestStatus.ANSWERED, PoliceRequestStatus.DECLINED],
  WITH_MEMBER: [PoliceRequestStatus.ANSWERED, PoliceRequestStatus.DECLINED],
  ANSWERED: [],
  DECLINED: [],
};

/** A police partner asks the charity for intelligence or for an alert; a case worker answers. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A request from a police force to the charity' })
@Entity()
export class PoliceRequest extends BaseEntity<'status'> {
  @Field(() => Force)
  @ManyToOne({ entity: () => Force, index: true })
  force!: Force;

  @ManyToOne({ entity: () => User })
  requestedBy!: User;

  @Field(() => PoliceRequestKind)
  @Enum({ items: () => PoliceRequestKind, nativeEnumName: 'police_request_kind' })
  kind!: PoliceRequestKind;

  @Field(() => String, { description: 'What the officer asks, in their words (no victim details needed)' })
  @Property({ type: 'text' })
  question!: string;

  @Field(() => IdentifierKind, { nullable: true })
  @Enum({ items: () => IdentifierKind, nativeEnumName: 'identifier_kind', nullable: true })
  identifierKind?: IdentifierKind | null;

  @Field(() => String, { nullable: true, description: 'Normalised' })
  @Property({ type: 'string', length: 200, nullable: true })
  identifierValue?: string | null;

  @Field(() => String, { nullable: true, description: "The force's own crime reference" })
  @Property({ type: 'string', length: 100, nullable: true })
  crimeReference?: string | null;

  @Field(() => PoliceRequestStatus)
  @Enum({ items: () => PoliceRequestStatus, nativeEnumName: 'police_request_status', default: PoliceRequestStatus.OPEN })
  @Index()
  status: PoliceRequestStatus = PoliceRequestStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'The charity’s reply, which the officer reads' })
  @Property({ type: 'text', nullable: true })
  reply?: string | null;

  @ManyToOne({ entity: () => User, nullable: true })
  answeredBy?: User | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  /** Reports attached to the answer; police see only those still visible to their force. */
  @ManyToMany({ entity: () => Report, pivotTable: 'police_request_report' })
  reports = new Collection<Report>(this);
}
