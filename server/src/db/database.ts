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

export async function openOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url));
}

/**
 * Brings a database up to date: runs pending migrations, adds missing reference data, and on an
 * empty database (no accounts yet) seeds the demo data when the configuration allows it.
 */
export async function prepareDatabase(
  orm: MikroORM,
  options: Pick<Config, 'demo'> & { demoReports?: boolean },
): Promise<{ seededDemo: boolean }> {
  await orm.getMigrator().up();
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
export async function connectDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    logger.info('starting embedded PostgreSQL', { dataDir: config.dataDir });
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
  }
  try {
    const orm = await openOrm(url);
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
