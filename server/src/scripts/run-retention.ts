/**
 * Applies the retention schedules once, now (the same run as the daily pg-boss job and the
 * admins' `runRetention` mutation), and prints what each schedule did (counts only):
 *   node server/dist/scripts/run-retention.js        (production build)
 *   pnpm --filter @lantern/server retention:run       (development)
 * Uses DATABASE_URL, or the embedded PostgreSQL under LANTERN_DATA_DIR, like the server, and the
 * LANTERN_RETAIN_* / LANTERN_ARCHIVE_ALERTS_DAYS settings. Safe to repeat: a second run changes nothing.
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { logger } from '../common/logger';
import { connectDatabase, prepareDatabase } from '../db/database';
import { RetentionService } from '../modules/retention/retention.service';

async function main(): Promise<number> {
  const config = loadConfig();
  logger.silence();
  const db = await connectDatabase(config);
  try {
    await prepareDatabase(db.orm, { demo: false });
    const run = await new RetentionService(db.orm.em.fork(), config).run();
    console.log(`Retention run ${run.runId} (${run.finishedAt.getTime() - run.startedAt.getTime()} ms):`);
    for (const o of run.outcomes) console.log(`  ${o.action.padEnd(28)} ${String(o.count).padStart(7)}${o.cutoff ? `   older than ${o.cutoff.toISOString()}` : ''}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // The error class and PostgreSQL's code only: a driver message can quote row values.
    const code = (err as { code?: string }).code;
    console.error(`Retention run failed: ${err instanceof Error ? err.name : 'Error'}${code ? ` (${code})` : ''}`);
    process.exit(1);
  },
);
