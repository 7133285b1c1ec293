import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { logger } from '../common/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { User } from '../modules/user/user.entity';
import { ormConfig } from './mikro-orm.config';
import { DemoImpactSeeder } from './seeders/demo-impact.seeder';
import { DemoReportsSeeder } from './seeders/demo-reports.seeder';
import { DemoSeeder } from './seeders/demo.seeder';
import { ReferenceSeeder } from './seeders/reference.seeder';

/**
 * While PostgreSQL is unreachable, requests fail fast (SERVICE_UNAVAILABLE) instead of hanging: a
 * connection attempt gives up after 5 s (node-postgres waits forever by default) and a request
 * waits at most 10 s for a pooled connection (knex: 60 s). TCP keep-alive finds connections that
 * died without a word (a network partition). Dead connections are dropped by the pool on their
 * next checkout, so the same ORM recovers when the database is back (test/db-failure.test.ts).
 */
const OUTAGE_SETTINGS = {
  driverOptions: { connection: { connectionTimeoutMillis: 5_000, keepAlive: true }, acquireConnectionTimeout: 10_000 },
};

/**
 * The ORM on a PostgreSQL URL. With `statementTimeoutMs`, every pooled connection gets that
 * `statement_timeout`: a runaway query is cancelled by PostgreSQL instead of holding a connection.
 */
export async function openOrm(url: string, { statementTimeoutMs }: { statementTimeoutMs?: number } = {}): Promise<MikroORM> {
  if (!statementTimeoutMs) return MikroORM.init(ormConfig(url, OUTAGE_SETTINGS));
  const ms = Math.trunc(statementTimeoutMs);
  return MikroORM.init(
    ormConfig(url, {
      ...OUTAGE_SETTINGS,
      pool: {
        min: 0,
        max: 10,
        afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
          conn.query(`set statement_timeout = ${ms}`, (err) => done(err, conn));
        },
      },
    }),
  );
}

/**
 * Brings a database up to date: runs pending migrations, adds missing reference data, and on an
 * empty database (no accounts yet) seeds the demo data when the configuration allows it.
 */
export async function prepareDatabase(
  orm: MikroORM,
  options: Pick<Config, 'demo'> & { demoReports?: boolean },
): Promise<{ seededDemo: boolean }> {
  // Migrations run on a connection of their own, without the request statement_timeout: building
  // an index on a large table may rightly take longer than any request should.
  const migrating = await MikroORM.init(ormConfig(orm.config.get('clientUrl')!, { pool: { min: 0, max: 1 } }));
  try {
    await migrating.getMigrator().up();
  } finally {
    await migrating.close(true);
  }
  const seeder = orm.getSeeder();
  await seeder.seed(ReferenceSeeder);
  const empty = (await orm.em.fork().count(User, {})) === 0;
  if (empty && options.demo) {
    await seeder.seed(DemoSeeder);
    // Tests seed only the accounts, and make the reports (and funding, training...) they need themselves.
    if (options.demoReports !== false) await seeder.seed(DemoReportsSeeder, DemoImpactSeeder);
    return { seededDemo: true };
  }
  return { seededDemo: false };
}

export interface Database {
  orm: MikroORM;
  url: string;
  /** Set when we started the embedded PostgreSQL (and so must stop it). */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded PostgreSQL under the data dir. */
export async function connectDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'statementTimeoutMs'>): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    logger.info('starting embedded PostgreSQL', { dataDir: config.dataDir });
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
  }
  try {
    const orm = await openOrm(url, { statementTimeoutMs: config.statementTimeoutMs });
    return {
      orm,
      url,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
