import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Alert } from '../alert/alert.entity';
import { Member } from '../member/member.entity';

export enum DeliveryKind {
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
  /** A correction replacing an alert the member may have had. */
  CORRECTED = 'CORRECTED',
}
registerEnumType(DeliveryKind, { name: 'DeliveryKind' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

/**
 * The outbox: one row per member, alert and kind, written in the transaction that publishes or
 * withdraws the alert (so nothing is lost after a commit, and nothing goes out after a rollback).
 * The unique key makes a delivery happen at most once per member and alert.
 */
@Entity()
@Unique({ properties: ['alert', 'member', 'kind'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class AlertDelivery extends BaseEntity {
  @ManyToOne({ entity: () => Alert, index: true })
  alert!: Alert;

  @ManyToOne({ entity: () => Member })
  member!: Member;

  @Enum({ items: () => DeliveryKind, nativeEnumName: 'delivery_kind' })
  kind!: DeliveryKind;

  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** A short error code (never the address or the message). */
  @Property({ type: 'string', length: 100, nullable: true })
  lastError?: string | null;
}
