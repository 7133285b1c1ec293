/**
 * Restores a Lantern backup (backup.ts) into an empty database, all or nothing.
 *
 * First the whole archive is read and checked against its manifest (row counts, checksums,
 * format), the encryption key is checked, and the backup's migrations must be this code's own:
 * a damaged file or a wrong key stops here, before the database is touched. Then, in ONE
 * transaction: the database must be empty (or, with `force`, Lantern's schemas are dropped);
 * the migrations run up to the backup's last one; every table is loaded with `COPY ... FROM
 * STDIN` in the backup's order (no table before one it references, every foreign key checked);
 * sequences are set; every table's row count is compared with the manifest. Any failure rolls
 * all of it back: a failed restore leaves the database exactly as it was.
 */
import { MigrationRunner, MigrationStorage, type Migration as RunnableMigration } from '@mikro-orm/migrations';
import { MikroORM, type EntityManager, type Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { migrationsList } from '../migrations';
import { ormConfig } from '../mikro-orm.config';
import { BackupError, keyCheck, readArchive, verifyArchive, type Manifest } from './archive';
import { ident, qualified, SCHEMA } from './backup';

/** The schemas a Lantern database has: its own, and pg-boss's queue. */
const LANTERN_SCHEMAS = [SCHEMA, 'pgboss'];

export interface RestoreOptions {
  /** LANTERN_ENCRYPTION_KEY: decrypts an encrypted backup, and must be the key the data was written with. */
  encryptionKey: Buffer;
  /** Replace whatever is in the target database (Lantern's schemas are dropped first). */
  force?: boolean;
}

export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<Manifest> {
  const manifest = await verifyArchive(file, options.encryptionKey);
  if (manifest.keyCheck !== keyCheck(options.encryptionKey)) {
    throw new BackupError(
      'This backup was made under another LANTERN_ENCRYPTION_KEY: the contact details in it could not be read after a restore. ' +
        'Set LANTERN_ENCRYPTION_KEY (or, outside production, the data dir’s secrets.json) to the key of the server the backup came from.',
    );
  }
  const known = migrationsList.map((m) => m.name);
  const unknown = manifest.migrations.find((name, i) => known[i] !== name);
  if (unknown) {
    throw new BackupError(`This backup was made by another version of Lantern (migration ${unknown} is not this version's); restore it with the version that made it`);
  }

  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 }, ensureDatabase: false }));
  try {
    await orm.em.fork().transactional(async (em) => {
      await emptyTarget(em, options.force ?? false);
      await migrate(orm, em, manifest.migrations.length);
      await load(em, file, options.encryptionKey, manifest);
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The restore failed and was rolled back; the database is as it was. ${(err as Error).message}`);
  } finally {
    await orm.close(true);
  }
  return manifest;
}

/** Refuses a database with anything of Lantern's in it, unless forced (then drops it, in the transaction). */
async function emptyTarget(em: EntityManager, force: boolean): Promise<void> {
  const found = await em.execute<{ schema: string; name: string }[]>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in (${LANTERN_SCHEMAS.map(() => '?').join(', ')}) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by 1, 2`,
    LANTERN_SCHEMAS,
  );
  if (found.length === 0) return;
  if (!force) {
    const some = found.slice(0, 5).map((r) => `${r.schema}.${r.name}`).join(', ');
    throw new BackupError(
      `The target database is not empty (${found.length} tables, sequences or views, e.g. ${some}). ` +
        'Restore into a new, empty database, or pass --force to replace everything in it.',
    );
  }
  for (const schema of LANTERN_SCHEMAS) await em.execute(`drop schema if exists ${ident(schema)} cascade`);
  await em.execute(`create schema ${ident(SCHEMA)}`);
}

/**
 * Runs the first `count` migrations inside the restore's transaction, with MikroORM's own runner
 * and storage (as `migrator.up()` would, but without the separate connection it uses to create
 * the migrations table, which would escape the transaction).
 */
async function migrate(orm: MikroORM, em: EntityManager, count: number): Promise<void> {
  const trx = em.getTransactionContext<Knex.Transaction>()!;
  const driver = orm.em.getDriver();
  const options = orm.config.get('migrations');
  const storage = new MigrationStorage(driver, options);
  const runner = new MigrationRunner(driver, options, orm.config);
  storage.setMasterMigration(trx);
  runner.setMasterMigration(trx);
  await storage.ensureTable();
  for (const { name, class: Migration } of migrationsList.slice(0, count)) {
    await runner.run(new Migration(driver, orm.config) as RunnableMigration, 'up');
    await storage.logMigration({ name, context: null });
  }
}

/** Loads the tables, sets the sequences and checks the counts, on the transaction's own connection. */
async function load(em: EntityManager, file: string, encryptionKey: Buffer, manifest: Manifest): Promise<void> {
  // A migration may write rows of its own (reference data): the backup's rows replace them. Only
  // tables that have rows are emptied (append-only tables refuse TRUNCATE, and start empty).
  const filled: string[] = [];
  for (const t of manifest.tables) {
    const [{ filled: any }] = await em.execute<{ filled: boolean }[]>(`select exists (select 1 from ${qualified(t.name)}) as filled`);
    if (any) filled.push(t.name);
  }
  if (filled.length > 0) await em.execute(`truncate table ${filled.map(qualified).join(', ')}`);
  const trx = em.getTransactionContext<Knex.Transaction>()!;
  const connection = (await trx.client.acquireConnection()) as Client;
  let copy: ReturnType<typeof copyFrom> | undefined;
  for await (const event of readArchive(file, encryptionKey)) {
    if (event.kind === 'table') {
      copy = connection.query(copyFrom(`copy ${qualified(event.name)} (${event.columns.map(ident).join(', ')}) from stdin`));
    } else if (event.kind === 'rows') {
      if (!copy!.write(event.data)) await once(copy!, 'drain');
    } else if (event.kind === 'end-table') {
      copy!.end();
      await finished(copy!);
      copy = undefined;
    }
  }
  for (const s of manifest.sequences) {
    const exists = await em.execute<{ ok: string | null }[]>('select to_regclass(?) as ok', [`${SCHEMA}.${s.name}`]);
    if (exists[0].ok) await em.execute(`select setval(?::regclass, ?::bigint, ?)`, [qualified(s.name), s.lastValue, s.isCalled]);
  }
  for (const t of manifest.tables) {
    const [{ n }] = await em.execute<{ n: string }[]>(`select count(*)::text as n from ${qualified(t.name)}`);
    if (Number(n) !== t.rows) throw new BackupError(`The restore was rolled back: table ${t.name} has ${n} rows, the backup ${t.rows}`);
  }
}
