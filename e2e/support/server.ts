import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');
export const ENV_KEY = 'LANTERN_E2E_BASE_URL';

export function baseUrl(): string {
  const url = process.env[ENV_KEY];
  if (!url) throw new Error('The e2e server is not running (jest globalSetup starts it)');
  return url;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
  output: () => string;
}

/**
 * Starts the product exactly as `pnpm start` does (node scripts/start.mjs), on a free port and a
 * throwaway data dir under a 0755 folder (the embedded PostgreSQL runs as the postgres user).
 */
export function makeDataDir(): string {
  const root = path.join(os.tmpdir(), 'lantern-e2e');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const dataDir = mkdtempSync(path.join(root, 'data-'));
  chmodSync(dataDir, 0o755);
  return dataDir;
}

export async function startServer(dataDir = makeDataDir()): Promise<RunningServer> {
  const port = await freePort();
  // The server's output goes to a file (kept with the screenshots), not a pipe: a pipe would be
  // held open by PostgreSQL's processes and keep jest waiting after the run.
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `server-${port}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, LANTERN_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8');
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not become ready in time:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!output().includes(`Lantern is running at http://localhost:${port}/`)) {
    throw new Error(`the server did not print its URL:\n${output()}`);
  }
  return { url, child, dataDir, output };
}

/** SIGTERM, as a service manager would; returns the exit code (null if it had to be killed). */
export async function signalServer(server: { child: ChildProcess }, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
  server.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 20_000)));
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (code === 'timeout') {
    server.child.kill('SIGKILL');
    return null;
  }
  return code;
}

export async function stopServer(server: { child: ChildProcess; dataDir: string }): Promise<void> {
  await signalServer(server);
  rmSync(server.dataDir, { recursive: true, force: true });
}
