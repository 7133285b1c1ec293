import 'reflect-metadata';
import { openOrm, prepareDatabase } from '../../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { ENV_KEY, TEMPLATE_DATABASE, makeReachableTempDir, type TestDatabaseInfo } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var __lanternTestDatabase: { db: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * Starts one real embedded PostgreSQL for the whole run and prepares a template database
 * (migrated, reference data, demo accounts). Each test file clones its own database from it.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = makeReachableTempDir('pg');
  const db = await startEmbeddedPostgres(dataDir, { database: TEMPLATE_DATABASE });
  const orm = await openOrm(db.url);
  try {
    await prepareDatabase(orm, { demo: true, demoReports: false });
  } finally {
    await orm.close(true);
    // MikroORM keeps per-process registries on globalThis; jest workers must not inherit them.
    for (const key of Object.keys(globalThis)) {
      if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
    }
  }
  const info: TestDatabaseInfo = {
    urlPattern: db.urlFor('__DB__'),
    template: TEMPLATE_DATABASE,
    dataDir,
  };
  process.env[ENV_KEY] = JSON.stringify(info);
  globalThis.__lanternTestDatabase = { db, dataDir };
}
