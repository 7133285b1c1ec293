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
 * The alert e-mail queue (pg-boss, on the same PostgreSQL). A job drains the outbox; it is sent
 * after every commit that wrote deliveries and scheduled every minute, so deliveries written by a
 * process that died after its commit still go out, and retries follow their backoff.
 */
export async function startDeliveryQueue(orm: MikroORM, config: Config, databaseUrl: string, send: SendMail): Promise<DeliveryQueue> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss' });
  boss.on('error', (err: Error) => logger.error('queue error', { error: err.name }));
  await boss.start();
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
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
