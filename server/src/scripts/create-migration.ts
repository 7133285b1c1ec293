/**
 * Writes a new migration from the difference between the entities and the migrated schema, on a
 * throwaway embedded PostgreSQL, and registers it in db/migrations/index.ts.
 *   pnpm --filter @lantern/server migration:create
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { ormConfig } from '../db/mikro-orm.config';

async function main() {
  const root = path.join(os.tmpdir(), 'lantern-migrations');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const dir = path.join(root, String(process.pid));
  const db = await startEmbeddedPostgres(dir);
  try {
    const orm = await MikroORM.init(ormConfig(db.url));
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(path.resolve(__dirname, '../db/migrations'));
    await orm.close();
    if (!result.fileName) {
      console.log('No changes: no migration written.');
      return;
    }
    const name = result.fileName.replace(/\.ts$/, '');
    const className = name;
    const index = path.resolve(__dirname, '../db/migrations/index.ts');
    let text = readFileSync(index, 'utf8');
    text = text.replace(
      /(import .*\n)(?!import)/,
      `$1import { ${className} } from './${name}';\n`,
    );
    text = text.replace(/\];\s*$/, `  { name: '${name}', class: ${className} },\n];\n`);
    writeFileSync(index, text);
    console.log(`Wrote ${result.fileName} and registered it in db/migrations/index.ts`);
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
