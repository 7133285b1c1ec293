import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { logger } from './common/logger';
import { openOrm, prepareDatabase } from './db/database';
import { DataDirError, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seeders/demo.seeder';

/** Starts PostgreSQL (embedded unless DATABASE_URL is set), migrates, seeds, serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let orm: MikroORM | undefined;
  let app: App | undefined;
  let migrated = false;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await app?.stop();
      await orm?.close(true);
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let url = config.databaseUrl;
  if (!url) {
    logger.info('starting embedded PostgreSQL', { dataDir: config.dataDir });
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
  }
  orm = await openOrm(url);
  const { seededDemo } = await prepareDatabase(orm, config);
  migrated = true;

  app = createApp({ orm, config, isMigrated: () => migrated });
  const port = await app.listen();
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url2 = `http://${shownHost}:${port}/`;
  logger.info('listening', { url: url2, env: config.nodeEnv, database: embedded ? 'embedded' : 'external' });
  process.stdout.write(`\nLantern is running at ${url2}  (GraphQL API at ${url2}graphql)\n`);
  if (seededDemo || config.demo) {
    process.stdout.write(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\n\n`,
    );
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
