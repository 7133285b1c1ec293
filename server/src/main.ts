import 'reflect-metadata';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { logger } from './common/logger';
import { connectDatabase, prepareDatabase, type Database } from './db/database';
import { DataDirError } from './db/embedded-postgres';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seeders/demo.seeder';
import { smtpSender } from './modules/delivery/mailer';
import { startBoss, startDeliveryQueue, type DeliveryQueue } from './modules/delivery/queue';
import { startRetentionQueue, type RetentionQueue } from './modules/retention/retention.queue';

/** Starts PostgreSQL (embedded unless DATABASE_URL is set), migrates, seeds, serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  let database: Database | undefined;
  let app: App | undefined;
  let queue: DeliveryQueue | undefined;
  let boss: Awaited<ReturnType<typeof startBoss>> | undefined;
  let retention: RetentionQueue | undefined;
  let migrated = false;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await app?.stop();
      await queue?.stop();
      await retention?.stop();
      await boss?.stop({ graceful: true, timeout: 10_000 });
      await database?.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await connectDatabase(config);
  const { seededDemo } = await prepareDatabase(database.orm, config);
  migrated = true;

  // One pg-boss instance for the process: the retention job always, alert e-mails when SMTP is set.
  boss = await startBoss(database.url);
  retention = await startRetentionQueue(boss, database.orm, config);
  if (config.smtpUrl) {
    queue = await startDeliveryQueue(database.orm, config, boss, smtpSender(config.smtpUrl, config.mailFrom));
  } else {
    logger.warn('SMTP_URL is not set: alert e-mails wait in the outbox until it is');
  }

  app = createApp({ orm: database.orm, config, isMigrated: () => migrated });
  const port = await app.listen();
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${host}:${port}/`;
  logger.info('listening', { url, env: config.nodeEnv, database: database.embedded ? 'embedded' : 'external', seededDemo });
  process.stdout.write(`\nLantern is running at ${url}  (GraphQL API at ${url}graphql)\n`);
  if (config.demo) {
    process.stdout.write(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\n\n`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`Lantern failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
