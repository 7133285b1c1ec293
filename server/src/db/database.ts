import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { User } from '../modules/user/user.entity';
import { ormConfig } from './mikro-orm.config';
import { DemoSeeder } from './seeders/demo.seeder';
import { ReferenceSeeder } from './seeders/reference.seeder';

export async function openOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url));
}

/**
 * Brings a database up to date: runs pending migrations, adds missing reference data, and on an
 * empty database (no accounts yet) seeds the demo data when the configuration allows it.
 */
export async function prepareDatabase(orm: MikroORM, options: Pick<Config, 'demo'>): Promise<{ seededDemo: boolean }> {
  await orm.getMigrator().up();
  const seeder = orm.getSeeder();
  await seeder.seed(ReferenceSeeder);
  const empty = (await orm.em.fork().count(User, {})) === 0;
  if (empty && options.demo) {
    await seeder.seed(DemoSeeder);
    return { seededDemo: true };
  }
  return { seededDemo: false };
}
