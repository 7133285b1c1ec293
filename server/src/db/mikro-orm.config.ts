import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { entities } from './entities';
import { DERIVED_TABLES } from './derived-tables';
import { migrationsList } from './migrations';

/** The ORM configuration for a PostgreSQL URL. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator, SeedManager],
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Listed explicitly so that compiled builds and ts-jest load exactly the same migrations.
      migrationsList,
      path: 'src/db/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // Kept by triggers, mapped by no entity: never a table to drop (derived-tables.ts).
    schemaGenerator: { skipTables: [...DERIVED_TABLES] },
    // Never log queries: their parameters can carry personal data.
    debug: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    ...overrides,
  });
}
