import { Collection, Entity, Enum, ManyToMany, OneToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';

export enum WorkSetting {
  STREET = 'STREET',
  OFF_STREET_INDEPENDENT = 'OFF_STREET_INDEPENDENT',
  AGENCY_PARLOUR = 'AGENCY_PARLOUR',
  ONLINE = 'ONLINE',
  OTHER = 'OTHER',
}
registerEnumType(WorkSetting, { name: 'WorkSetting' });

/** How police may reach a member who gave FULL consent: usually only through the case worker. */
export enum ContactRoute {
  VIA_CASE_WORKER = 'VIA_CASE_WORKER',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}
registerEnumType(ContactRoute, { name: 'ContactRoute' });

/**
 * A reporter. Contact details are stored encrypted (AES-256-GCM) and have no column GraphQL can
 * read directly: `contactPhone`/`contactEmail` are field resolvers that decrypt for allowed callers
 * and log every staff read.
 */
@ObjectType({ description: 'A member: someone who reports (a sex worker)' })
@Entity()
export class Member extends BaseEntity<'policeContactRoute' | 'emailAlerts'> {
  @Field(() => String, { nullable: true, description: 'The name the member chose to be known by' })
  @Property({ type: 'string', length: 100 })
  pseudonym!: string;

  @OneToOne({ entity: () => User, owner: true, nullable: true, unique: true, inversedBy: 'member' })
  user?: User | null;

  @ManyToMany({ entity: () => Force, pivotTable: 'member_alert_area' })
  alertAreas = new Collection<Force>(this);

  @Field(() => WorkSetting, { nullable: true })
  @Enum({ items: () => WorkSetting, nativeEnumName: 'work_setting' })
  workSetting!: WorkSetting;

  @Field(() => ContactRoute, { nullable: true, description: 'How police may reach them, if they ever give FULL consent' })
  @Enum({ items: () => ContactRoute, nativeEnumName: 'contact_route', default: ContactRoute.VIA_CASE_WORKER })
  policeContactRoute: ContactRoute = ContactRoute.VIA_CASE_WORKER;

  @Field(() => Boolean, { nullable: true, description: 'Send published alerts for my areas by e-mail' })
  @Property({ type: 'boolean', default: false })
  emailAlerts: boolean = false;

  /** AES-256-GCM ciphertext (see common/crypto). */
  @Property({ type: 'text', nullable: true, hidden: true })
  contactPhoneEncrypted?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  contactEmailEncrypted?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the retention schedule removed the contact details' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  contactAnonymisedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the account was erased (at the member’s request); only this anonymous record remains' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  erasedAt?: Date | null;
}
