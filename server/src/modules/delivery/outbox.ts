import { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DeliveryKind } from './alert-delivery.entity';

/** Told after a commit that wrote deliveries, so the queue can send now rather than at its next tick. */
export const deliveryEvents = new EventEmitter();

/**
 * Writes one outbox row per member who chose e-mail alerts and works in one of the alert's target
 * areas. Runs through `em.execute`, so inside the publishing (or withdrawing) transaction.
 */
export async function enqueueAlertEmails(em: EntityManager, alertId: string, kind: DeliveryKind): Promise<void> {
  await em.execute(
    `insert into alert_delivery (id, created_at, updated_at, alert_id, member_id, kind, status, attempts, next_attempt_at)
     select gen_random_uuid(), now(), now(), ?, m.id, ?, 'PENDING', 0, now()
       from member m
      where m.email_alerts
        and exists (select 1 from member_alert_area maa
                      join alert_target_area ata on ata.force_id = maa.force_id
                     where maa.member_id = m.id and ata.alert_id = ?)
     on conflict (alert_id, member_id, kind) do nothing`,
    [alertId, kind, alertId],
    'run',
  );
}
