import PgBoss from 'pg-boss';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { logger } from '../../common/logger';
import type { SendMail } from './mailer';
import { deliveryEvents } from './outbox';
import { drainDeliveries } from './worker';

export const DELIVERY_QUEUE = 'alert-emails';

export interface DeliveryQueue {
  stop(): Promise<void>;
}

/**
 * The process's one pg-boss instance (schema `pgboss`, on the same PostgreSQL). The alert e-mail
 * queue and the retention job (modules/retention/retention.queue.ts) share it.
 */
export async function startBoss(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' });
  boss.on('error', (err: Error) => logger.error('queue error', { error: err.name }));
  await boss.start();
  return boss;
}

/**
 * The alert e-mail queue (pg-boss, on the same PostgreSQL). A job drains the outbox; it is sent
 * after every commit that wrote deliveries and scheduled every minute, so deliveries written by a
 * process that died after its commit still go out, and retries follow their backoff.
 * Given a database URL, it starts (and on stop, stops) a pg-boss instance of its own.
 */
export async function startDeliveryQueue(orm: MikroORM, config: Config, bossOrUrl: PgBoss | string, send: SendMail): Promise<DeliveryQueue> {
  const owned = typeof bossOrUrl === 'string';
  const boss = owned ? await startBoss(bossOrUrl) : bossOrUrl;
  await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: 'singleton', retryLimit: 3, retryBackoff: true });
  await boss.work(DELIVERY_QUEUE, async () => {
    await drainDeliveries(orm, config, send);
  });
  await boss.schedule(DELIVERY_QUEUE, '* * * * *');
  const nudge = () => void boss.send(DELIVERY_QUEUE, {}).catch((err: Error) => logger.warn('queue nudge failed', { error: err.name }));
  deliveryEvents.on('enqueued', nudge);
  return {
    async stop() {
      deliveryEvents.off('enqueued', nudge);
      if (owned) await boss.stop({ graceful: true, timeout: 10_000 });
      else await boss.offWork(DELIVERY_QUEUE);
    },
  };
}
