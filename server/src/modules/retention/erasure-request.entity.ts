import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Role } from '../../policy/roles';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';

export enum ErasureStatus {
  /** Waiting for a legal hold to end; the retention job carries it out as soon as it has. */
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ErasureStatus, { name: 'ErasureStatus' });

/**
 * A member's request to erase their account. Recorded when it cannot be carried out at once (a
 * legal hold), so that staff see it and the retention job completes it when the hold ends; also
 * recorded, completed, when it was carried out at once. Holds ids only.
 */
@ObjectType({ description: 'A member’s request to erase their account' })
@Entity()
// At most one request waiting per member.
@Index({ name: 'erasure_request_pending_member_unique', expression: `create unique index "erasure_request_pending_member_unique" on "erasure_request" ("member_id") where "status" = 'PENDING'` })
export class ErasureRequest extends BaseEntity<'status'> {
  @ManyToOne({ entity: () => Member, index: true })
  member!: Member;

  /** The member themselves, or the case worker who took the request. */
  @ManyToOne({ entity: () => User })
  requestedBy!: User;

  @Field(() => Role, { description: 'Who asked: the member (MEMBER) or a case worker on their behalf' })
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  requestedByRole!: Role;

  @Field(() => ErasureStatus)
  @Enum({ items: () => ErasureStatus, nativeEnumName: 'erasure_status', default: ErasureStatus.PENDING })
  status: ErasureStatus = ErasureStatus.PENDING;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}
