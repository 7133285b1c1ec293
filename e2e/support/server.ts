import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
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
export async function startServer(): Promise<RunningServer> {
  const root = path.join(os.tmpdir(), 'lantern-e2e');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const dataDir = mkdtempSync(path.join(root, 'data-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, LANTERN_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not become ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!output.includes(`Lantern is running at http://localhost:${port}/`)) {
    throw new Error(`the server did not print its URL:\n${output}`);
  }
  return { url, child, dataDir, output: () => output };
}

export async function stopServer(server: { child: ChildProcess; dataDir: string }): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}
