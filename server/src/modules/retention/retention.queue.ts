import type PgBoss from 'pg-boss';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { logger } from '../../common/logger';
import { RetentionService } from './retention.service';

export const RETENTION_QUEUE = 'retention';
/** The charity's clock: "03:30" means 03:30 in London, summer and winter. */
export const RETENTION_TIME_ZONE = 'Europe/London';

export interface RetentionQueue {
  stop(): Promise<void>;
}

/**
 * The retention job on the process's pg-boss instance: scheduled by `LANTERN_RETENTION_CRON`
 * (daily by default; pg-boss keeps one schedule per queue, so several server processes do not
 * multiply it), one run at a time (singleton policy), retried on failure. A run is idempotent, so
 * a retry or a second run only finishes what the first left.
 */
export async function startRetentionQueue(boss: PgBoss, orm: MikroORM, config: Config): Promise<RetentionQueue> {
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'singleton', retryLimit: 3, retryBackoff: true, expireInHours: 6 });
  await boss.work(RETENTION_QUEUE, async () => {
    const run = await new RetentionService(orm.em.fork(), config).run();
    return { runId: run.runId, outcomes: run.outcomes.map((o) => ({ action: o.action, count: o.count })) };
  });
  await boss.schedule(RETENTION_QUEUE, config.retention.cron, {}, { tz: RETENTION_TIME_ZONE });
  logger.info('retention job scheduled', { cron: config.retention.cron, tz: RETENTION_TIME_ZONE });
  return {
    async stop() {
      await boss.offWork(RETENTION_QUEUE);
    },
  };
}
