import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openOrm, prepareDatabase } from '../src/db/database';
import { ArchiveWriter, readArchive, verifyArchive, type Manifest } from '../src/db/backup/archive';
import { backupDatabase, MIGRATIONS_TABLE } from '../src/db/backup/backup';
import { DERIVED_TABLES } from '../src/db/derived-tables';
import { restoreDatabase } from '../src/db/backup/restore';
import { migrationsList } from '../src/db/migrations';
import { Role } from '../src/policy/roles';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createReport, registerMember } from './helpers/fixtures';
import { startPostgresProcess } from './helpers/postgres-process';
import { startTestServer, type TestServer } from './helpers/test-server';
import { makeReachableTempDir, testDatabaseInfo } from './setup/test-database';

/**
 * Backups (issue 9, item 7): `pnpm db:backup` / `pnpm db:restore`. A backup taken from a database
 * with real data restores into a fresh database with every table's contents identical to the
 * moment of the backup (not to later changes); a restore refuses a database that is not empty;
 * a damaged archive, a wrong key or a failure half-way through leaves the target as it was.
 */

let server: TestServer;
let dir: string;
const admin = () => new Client({ connectionString: testDatabaseInfo().urlPattern.replace('__DB__', 'postgres') });
const created: string[] = [];

/** A new, empty database (no tables at all) on the test cluster. */
async function emptyDatabase(): Promise<string> {
  const name = `restore_${randomBytes(5).toString('hex')}`;
  const c = admin();
  await c.connect();
  try {
    await c.query(`create database "${name}"`);
  } finally {
    await c.end();
  }
  created.push(name);
  return testDatabaseInfo().urlPattern.replace('__DB__', name);
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Every table of the schema (the migrations table included) as a row count and an md5 of its rows
 * in a stable order, and every sequence's state: equal snapshots mean equal contents.
 */
async function snapshot(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    const { rows: tables } = await c.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    );
    for (const { name } of tables) {
      const fields = name === MIGRATIONS_TABLE ? 't.name' : 't::text'; // executed_at differs, rightly
      const { rows: [r] } = await c.query<{ n: string; md5: string }>(
        `select count(*)::text as n, md5(coalesce(string_agg(${fields}, E'\\n' order by ${fields}), '')) as md5 from "public"."${name}" t`,
      );
      out[name] = `${r.n} rows ${r.md5}`;
    }
    const { rows: seqs } = await c.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' and c.relname not like 'mikro_orm%' order by 1`,
    );
    for (const { name } of seqs) {
      const { rows: [s] } = await c.query<{ v: string }>(`select last_value || '/' || is_called as v from "public"."${name}"`);
      out[`sequence ${name}`] = s.v;
    }
    return out;
  });
}

/** How many tables, views or sequences a database has outside the system schemas. */
async function relationCount(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const { rows: [r] } = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and c.relkind in ('r','p','v','m','S','f')`,
    );
    return r.n;
  });
}

beforeAll(async () => {
  server = await startTestServer();
  dir = makeReachableTempDir('backup');
  // Data in most tables: members with encrypted contact details, reports with identifiers and
  // consent (and history), a consent change, a case with a note, an odd narrative.
  const { token } = await registerMember(server, 'backup.member@example.org', { contactPhone: '07700 900555', contactEmail: 'safe@example.org' });
  await server.gql('mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id } }', {
    input: { forceAreaId: (await createReport(server)).forceArea.id, incidentDate: '2026-01-02', incidentTypes: ['THREATS'], narrative: 'Tabs\tnewlines\nback\\slashes, quotes "\' and ünïcødé 🕯', consent: { police: 'NONE', alerts: false } },
  }, token);
  for (let i = 0; i < 5; i++) {
    const r = await createReport(server, { identifiers: [{ kind: 'PHONE', value: `07700 90011${i}` }], consent: { police: i % 2 ? 'FULL' : 'NONE', alerts: true } });
    if (i === 0) {
      const cw = await server.tokenFor(Role.CASE_WORKER);
      await server.gql('mutation ($id: ID!) { setReportConsent(reportId: $id, police: NONE, alerts: false) { id } }', { id: r.id }, cw);
      const opened = await server.gql<{ openCase: { id: string } }>('mutation ($id: ID!) { openCase(reportId: $id) { id } }', { id: r.id }, cw);
      await server.gql('mutation ($id: ID!) { addCaseNote(caseId: $id, body: "Called back; safe now.") { id } }', { id: opened.data!.openCase.id }, cw);
    }
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  const c = admin();
  await c.connect();
  for (const name of created) await c.query(`drop database if exists "${name}" with (force)`);
  await c.end();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const key = () => server.config.encryptionKey;

describe('backup and restore', () => {
  let file: string;
  let atBackup: Record<string, string>;
  let manifest: Manifest;

  beforeAll(async () => {
    atBackup = await snapshot(server.dbUrl);
    file = path.join(dir, 'lantern.backup');
    manifest = await backupDatabase(server.dbUrl, file, { encryptionKey: key() });
    // Later changes (an insert and a delete) must not be in what the backup restores.
    await createReport(server);
    await withClient(server.dbUrl, (c) => c.query('delete from rate_limit_bucket'));
  });

  it('writes one file readable only by its owner, with a manifest of the migrations and every table', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(manifest.migrations).toEqual(migrationsList.map((m) => m.name));
    expect(manifest.postgres).toMatch(/^18\./);
    const tables = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect(tables).toMatchObject({ report: 7, case_note: 1, consent_event: 8 });
    // Every table but the migrations table (a restore rebuilds it by migrating) and the tables
    // triggers derive (a restore's COPY refills them), each with its rows.
    const counted = Object.entries(atBackup).filter(([t]) => !t.startsWith('sequence ') && t !== MIGRATIONS_TABLE && !DERIVED_TABLES.includes(t));
    expect(Object.keys(atBackup)).toEqual(expect.arrayContaining(DERIVED_TABLES));
    expect(tables).toEqual(Object.fromEntries(counted.map(([t, v]) => [t, Number(v.split(' ')[0])])));
    // Parents before children: a report after its force, a note after its case.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('force')).toBeLessThan(order.indexOf('report'));
    expect(order.indexOf('case_file') === -1 || order.indexOf('case_file') < order.indexOf('case_note')).toBe(true);
    expect(await verifyArchive(file, key())).toEqual(manifest);
  });

  it('restores into a fresh database exactly what was there at the time of the backup', async () => {
    const target = await emptyDatabase();
    await restoreDatabase(target, file, { encryptionKey: key() });
    expect(await snapshot(target)).toEqual(atBackup);
    expect(await snapshot(server.dbUrl)).not.toEqual(atBackup); // the source did change since
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const before = await snapshot(server.dbUrl);
    await expect(restoreDatabase(server.dbUrl, file, { encryptionKey: key() })).rejects.toThrow(/not empty.*--force/s);
    expect(await snapshot(server.dbUrl)).toEqual(before);
  });

  it('with force, replaces what a database holds', async () => {
    const target = await emptyDatabase();
    await restoreDatabase(target, file, { encryptionKey: key() });
    await withClient(target, (c) => c.query("update force set name = name || ' (changed)'"));
    await restoreDatabase(target, file, { encryptionKey: key(), force: true });
    expect(await snapshot(target)).toEqual(atBackup);
  });

  it('a damaged file is refused before the database is touched', async () => {
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0x40;
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.8));
    for (const [name, content] of [['flipped', flipped], ['truncated', truncated], ['not a backup', Buffer.from('hello')]] as const) {
      const damaged = path.join(dir, `${name}.backup`);
      writeFileSync(damaged, content);
      const target = await emptyDatabase();
      await expect(restoreDatabase(target, damaged, { encryptionKey: key() })).rejects.toThrow(/damaged|incomplete|not a Lantern backup/);
      expect(await relationCount(target)).toBe(0);
    }
  });

  it('a restore that fails half-way (a row breaks a foreign key) is rolled back whole: the target stays empty', async () => {
    // A well-formed archive with correct checksums, whose last table refers to a force that does not exist.
    const bad = path.join(dir, 'bad-row.backup');
    await rewriteArchive(file, bad, (table, columns, line) => {
      if (table !== 'report' || !line) return line;
      const cells = line.split('\t');
      cells[columns.indexOf('force_area_id')] = randomUUID();
      return cells.join('\t');
    });
    expect((await verifyArchive(bad, key())).tables.map((t) => t.rows)).toEqual(manifest.tables.map((t) => t.rows));
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, bad, { encryptionKey: key() })).rejects.toThrow(/rolled back/);
    expect(await relationCount(target)).toBe(0);
  });

  it('refuses a backup made under another LANTERN_ENCRYPTION_KEY (its contact details would be unreadable)', async () => {
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, file, { encryptionKey: randomBytes(32) })).rejects.toThrow(/another LANTERN_ENCRYPTION_KEY/);
    expect(await relationCount(target)).toBe(0);
  });

  it('--encrypt: nothing readable in the file; restores with the key, refused without it', async () => {
    const encrypted = path.join(dir, 'lantern.backup.enc');
    await backupDatabase(server.dbUrl, encrypted, { encryptionKey: key(), encrypt: true });
    const bytes = readFileSync(encrypted);
    expect(bytes.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(false); // not even gzip
    expect(bytes.includes(Buffer.from('LANTERN BACKUP 1'))).toBe(false);
    const target = await emptyDatabase();
    await restoreDatabase(target, encrypted, { encryptionKey: key() });
    expect(await snapshot(target)).toEqual(await snapshot(server.dbUrl));
    const other = await emptyDatabase();
    await expect(restoreDatabase(other, encrypted, { encryptionKey: randomBytes(32) })).rejects.toThrow(/cannot be decrypted/);
    expect(await relationCount(other)).toBe(0);
  });

  it('never leaves a partial file behind, and never overwrites one', async () => {
    const empty = await emptyDatabase();
    const out = path.join(dir, 'nothing.backup');
    await expect(backupDatabase(empty, out, { encryptionKey: key() })).rejects.toThrow(/no Lantern schema/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    await expect(backupDatabase(server.dbUrl, file, { encryptionKey: key() })).rejects.toThrow(/already exists/);
  });
});

/** Copies an archive, passing each data line through `edit`, with checksums made anew. */
async function rewriteArchive(from: string, to: string, edit: (table: string, columns: string[], line: string) => string): Promise<void> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(to));
  const writer = new ArchiveWriter(gzip);
  await writer.start();
  let table = '';
  let columns: string[] = [];
  for await (const event of readArchive(from, key())) {
    if (event.kind === 'table') {
      table = event.name;
      columns = event.columns;
      await writer.beginTable(table, columns);
    } else if (event.kind === 'rows') {
      const lines = event.data.toString('utf8').split('\n');
      await writer.rows(Buffer.from(lines.map((l) => edit(table, columns, l)).join('\n')));
    } else if (event.kind === 'end-table') {
      await writer.endTable();
    } else {
      const { tables: _t, sha256: _s, ...rest } = event.manifest;
      await writer.finish(rest);
    }
  }
  await written;
}

describe('pnpm db:backup / db:restore on the embedded database', () => {
  /** Runs a script as `pnpm db:backup` would (tsx), with only these LANTERN_ variables. */
  const run = (script: string, args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'src', 'scripts', script), ...args], {
        cwd: path.join(__dirname, '..'),
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('backs up a running embedded database, and restores into a new data dir (given the same key)', async () => {
    const source = path.join(dir, 'source-data');
    const pg = await startPostgresProcess(source, 'lantern');
    let atBackup: Record<string, string>;
    const out = path.join(dir, 'embedded.backup');
    try {
      const orm = await openOrm(pg.url);
      try {
        await prepareDatabase(orm, { demo: true, demoReports: false });
      } finally {
        await orm.close(true);
      }
      atBackup = await snapshot(pg.url);
      const backup = await run('db-backup.ts', ['--out', out], { LANTERN_DATA_DIR: source });
      expect(backup).toMatchObject({ code: 0, stderr: expect.stringMatching(/Backed up the embedded database/) });
      expect(statSync(out).mode & 0o777).toBe(0o600);
    } finally {
      await pg.stop();
    }

    // A new machine: the backup, and the secrets of the old data dir (the key of its contact details).
    const restored = path.join(dir, 'restored-data');
    const withoutKey = await run('db-restore.ts', [out], { LANTERN_DATA_DIR: restored });
    expect(withoutKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/another LANTERN_ENCRYPTION_KEY/) });
    copyFileSync(path.join(source, 'secrets.json'), path.join(restored, 'secrets.json'));
    const restore = await run('db-restore.ts', [out], { LANTERN_DATA_DIR: restored });
    expect(restore).toMatchObject({ code: 0, stderr: expect.stringMatching(/Restored .* into the embedded database/) });
    const again = await run('db-restore.ts', [out], { LANTERN_DATA_DIR: restored });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/not empty/) });

    const pg2 = await startPostgresProcess(restored, 'lantern');
    try {
      expect(await snapshot(pg2.url)).toEqual(atBackup!);
    } finally {
      await pg2.stop();
    }
  }, 120_000);
});
