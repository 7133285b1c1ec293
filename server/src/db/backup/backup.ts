/**
 * A consistent logical backup of Lantern's database, written by Lantern itself: the embedded
 * PostgreSQL (18) ships no pg_dump, and Debian 12's pg_dump (15) refuses a newer server.
 *
 * One REPEATABLE READ, READ ONLY transaction is the snapshot: the applied migrations, every table
 * of the `public` schema (`COPY ... TO STDOUT`) and the sequences are read from it, while the
 * server keeps serving (readers and writers are not blocked; only DDL waits). pg-boss's schema is
 * left out on purpose: it holds queue bookkeeping that the server rebuilds on start (the alert
 * e-mail outbox itself is the `alert_delivery` table, which is backed up).
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ArchiveWriter, BackupError, encryptingStream, FORMAT, FORMAT_VERSION, keyCheck, type Manifest, type SequenceEntry } from './archive';
import { DERIVED_TABLES } from '../derived-tables';

export const SCHEMA = 'public';
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (name: string) => `${ident(SCHEMA)}.${ident(name)}`;

export interface BackupOptions {
  /** LANTERN_ENCRYPTION_KEY: for the key check, and for `encrypt`. */
  encryptionKey: Buffer;
  /** AES-256-GCM over the whole file, with a key derived from `encryptionKey`. */
  encrypt?: boolean;
}

/**
 * Backs the database at `url` up into `out`: a file path (written as `<file>.partial` with mode
 * 0600 and renamed when complete, so a failed backup leaves no file), or a stream.
 */
export async function backupDatabase(url: string, out: string | Writable, options: BackupOptions): Promise<Manifest> {
  if (typeof out !== 'string') return writeBackup(url, out, options);
  const target = path.resolve(out);
  if (await stat(target).then(() => true, () => false)) throw new BackupError(`${target} already exists; choose another file name`);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  const handle = await open(partial, 'wx', 0o600).catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot write ${partial}: ${err.code ?? err.message}`);
  });
  try {
    await chmod(partial, 0o600); // whatever the umask: only the owner may read a backup
    const manifest = await writeBackup(url, handle.createWriteStream(), options);
    await rename(partial, target);
    return manifest;
  } catch (err) {
    await unlink(partial).catch(() => undefined);
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function writeBackup(url: string, dest: Writable, options: BackupOptions): Promise<Manifest> {
  const gzip = createGzip({ level: 6 });
  const written = options.encrypt ? pipeline(gzip, encryptingStream(options.encryptionKey), dest) : pipeline(gzip, dest);
  // Surfaced by `await written` below; kept from being reported as unhandled meanwhile.
  written.catch(() => undefined);
  const client = new Client({ connectionString: url });
  await client.connect().catch((err: Error) => {
    throw new BackupError(`Cannot connect to the database: ${err.message}`);
  });
  try {
    // The snapshot: everything below is read as of this instant.
    await client.query('begin isolation level repeatable read read only');
    await client.query("set local lock_timeout = '60s'");
    await client.query('set local statement_timeout = 0');
    const found = await client.query<{ ok: string | null }>('select to_regclass($1) as ok', [`${SCHEMA}.${MIGRATIONS_TABLE}`]);
    if (!found.rows[0].ok) throw new BackupError('This database has no Lantern schema (no migrations table): there is nothing to back up');
    const migrations = (await client.query<{ name: string }>(`select name from ${qualified(MIGRATIONS_TABLE)} order by id`)).rows.map((r) => r.name);
    const tables = await tablesInRestoreOrder(client);
    // As pg_dump does: no table can be dropped or altered while it is being read.
    if (tables.length > 0) await client.query(`lock table ${tables.map(qualified).join(', ')} in access share mode`);
    const sequences = await readSequences(client);
    const postgres = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;

    const writer = new ArchiveWriter(gzip);
    await writer.start();
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      await writer.beginTable(table, columns);
      const rows = client.query(copyTo(`copy ${qualified(table)} (${columns.map(ident).join(', ')}) to stdout`));
      for await (const chunk of rows as AsyncIterable<Buffer>) await writer.rows(chunk);
      await writer.endTable();
    }
    await client.query('commit');
    const manifest = await writer.finish({
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      postgres,
      schema: SCHEMA,
      migrations,
      sequences,
      keyCheck: keyCheck(options.encryptionKey),
    });
    await written;
    return manifest;
  } catch (err) {
    gzip.destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The schema's tables (not the migrations table, which a restore rebuilds by migrating, nor the
 * derived tables, which the restore's triggers fill), each
 * after every table it references, so that a restore can load them in this order with every
 * foreign key checked. A table referencing itself is fine (checked at the end of its COPY).
 */
async function tablesInRestoreOrder(client: Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'r' and c.relname <> $2 and c.relname <> all($3::text[]) order by c.relname`,
    [SCHEMA, MIGRATIONS_TABLE, DERIVED_TABLES],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select distinct ch.relname as child, pa.relname as parent
       from pg_constraint co
       join pg_class ch on ch.oid = co.conrelid join pg_namespace chn on chn.oid = ch.relnamespace
       join pg_class pa on pa.oid = co.confrelid join pg_namespace pan on pan.oid = pa.relnamespace
      where co.contype = 'f' and chn.nspname = $1 and pan.nspname = $1 and ch.oid <> pa.oid`,
    [SCHEMA],
  );
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)));
    if (!next) {
      const stuck = names.filter((n) => !placed.has(n));
      throw new BackupError(`Foreign keys form a cycle among ${stuck.join(', ')}: this backup cannot order them for a restore`);
    }
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

/** Stored columns in table order (generated columns are computed again on restore). */
export async function columnsOf(client: Pick<Client, 'query'>, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [qualified(table)],
  );
  return rows.map((r) => r.name);
}

async function readSequences(client: Client): Promise<SequenceEntry[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'S' order by c.relname`,
    [SCHEMA],
  );
  const out: SequenceEntry[] = [];
  for (const { name } of rows) {
    const { rows: [state] } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${qualified(name)}`);
    out.push({ name, lastValue: state.last_value, isCalled: state.is_called });
  }
  return out;
}
