import { BeforeDelete, BeforeUpdate, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import { Force } from '../force/force.entity';
import { Member } from '../member/member.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';

export enum AccessKind {
  /** A police partner read report data. */
  POLICE_REPORT_READ = 'POLICE_REPORT_READ',
  /** A member of staff read a member's contact details. */
  MEMBER_CONTACT_READ = 'MEMBER_CONTACT_READ',
}
registerEnumType(AccessKind, { name: 'AccessKind' });

/**
 * Who read what, when. Append-only. Its references have no foreign keys (Migration20261129070000):
 * the log names what was read as it was, and is written once per report on every police read.
 */
@ObjectType({ description: 'A logged read of sensitive data (append-only)' })
@Entity()
@Index({ properties: ['report', 'at'] })
@Index({ properties: ['member', 'at'] })
// The retention job deletes the oldest events (modules/retention).
@Index({ properties: ['at'] })
export class AccessEvent extends BaseEntity {
  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @Field(() => AccessKind)
  @Enum({ items: () => AccessKind, nativeEnumName: 'access_kind' })
  kind!: AccessKind;

  @Field(() => User, { nullable: true })
  @ManyToOne({ entity: () => User, createForeignKeyConstraint: false })
  actor!: User;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  actorRole!: Role;

  @Field(() => Force, { nullable: true, description: 'The force of a police reader' })
  @ManyToOne({ entity: () => Force, nullable: true, createForeignKeyConstraint: false })
  force?: Force | null;

  @Field(() => Report, { nullable: true })
  @ManyToOne({ entity: () => Report, nullable: true, createForeignKeyConstraint: false })
  report?: Report | null;

  @Field(() => Member, { nullable: true })
  @ManyToOne({ entity: () => Member, nullable: true, createForeignKeyConstraint: false })
  member?: Member | null;

  @Field(() => [String], { description: 'Which fields were read' })
  @Property({ type: 'array', columnType: 'text[]' })
  fields!: string[];

  @BeforeUpdate()
  @BeforeDelete()
  refuseChange(): never {
    throw new Error('Access events are append-only');
  }
}
