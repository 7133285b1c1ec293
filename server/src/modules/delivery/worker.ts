import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { logger } from '../../common/logger';
import { Alert } from '../alert/alert.entity';
import { MemberService } from '../member/member.service';
import { Member } from '../member/member.entity';
import { AlertDelivery, DeliveryKind, DeliveryStatus } from './alert-delivery.entity';
import type { OutgoingMail, SendMail } from './mailer';

export const MAX_ATTEMPTS = 8;

/** Waits 1, 2, 4 ... minutes between attempts, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/**
 * Sends due deliveries, one row per transaction: the row is locked (`FOR UPDATE SKIP LOCKED`, so
 * several workers never take the same one), the mail is sent, and the row is marked SENT in the
 * same transaction. A worker killed between two rows loses nothing and repeats nothing.
 * Returns how many were sent.
 */
export async function drainDeliveries(orm: MikroORM, config: Config, send: SendMail, limit = 100): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await orm.em.fork().transactional(async (em) => {
      const [row] = await em.execute<{ id: string }[]>(
        `select id from alert_delivery where status = 'PENDING' and next_attempt_at <= now()
          order by next_attempt_at, id limit 1 for update skip locked`,
      );
      if (!row) return 'empty' as const;
      const delivery = await em.findOneOrFail(AlertDelivery, { id: row.id }, { populate: ['alert', 'member'] });
      const mail = await composeMail(em.fork(), config, delivery);
      if (!mail) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.lastError = 'NO_ADDRESS';
        return 'failed' as const;
      }
      try {
        await send(mail);
        delivery.status = DeliveryStatus.SENT;
        delivery.sentAt = new Date();
        delivery.attempts += 1;
        delivery.lastError = null;
        return 'sent' as const;
      } catch (err) {
        delivery.attempts += 1;
        delivery.lastError = String((err as { code?: string }).code ?? 'SEND_FAILED').slice(0, 100);
        if (delivery.attempts >= MAX_ATTEMPTS) delivery.status = DeliveryStatus.FAILED;
        else delivery.nextAttemptAt = new Date(Date.now() + backoffMs(delivery.attempts));
        logger.warn('alert e-mail not sent', { delivery: delivery.id, attempts: delivery.attempts, error: delivery.lastError });
        return 'retry' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    // After a failed send the SMTP server is probably down: stop this round, the backoff decides.
    if (outcome === 'retry') break;
  }
  return sent;
}

async function composeMail(em: ReturnType<MikroORM['em']['fork']>, config: Config, delivery: AlertDelivery): Promise<OutgoingMail | null> {
  const member = await em.findOneOrFail(Member, { id: delivery.member.id }, { populate: ['user'] });
  const to = new MemberService(em, config).readContact(member, 'contactEmail') ?? member.user?.email ?? null;
  if (!to) return null;
  const alert = await em.findOneOrFail(Alert, { id: delivery.alert.id }, { populate: ['targetAreas'] });
  const areas = alert.targetAreas.getItems().map((f) => f.name).join(', ');
  const withdrawn = delivery.kind === DeliveryKind.WITHDRAWN;
  const subject = withdrawn
    ? `Lantern: alert withdrawn: ${alert.title}`
    : delivery.kind === DeliveryKind.CORRECTED
      ? `Lantern: corrected alert: ${alert.title}`
      : `Lantern alert: ${alert.title}`;
  return {
    to,
    subject,
    text: withdrawn
      ? `An alert we sent you has been withdrawn.\n\n${alert.title}\n\nWhy: ${alert.withdrawalReason ?? ''}\n`
      : `${alert.title}\n\n${alert.body}\n\n${alert.shownIdentifiers.map((i) => `${i.kind}: ${i.value}`).join('\n')}\n\nYou get this because you chose e-mail alerts for ${areas}. Quick exit: delete this e-mail.\n`,
    messageId: `<${alert.id}.${member.id}.${delivery.kind.toLowerCase()}@lantern.invalid>`,
  };
}
