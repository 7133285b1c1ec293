import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Connection details of the one embedded PostgreSQL a jest run shares (set by global-setup). */
export interface TestDatabaseInfo {
  /** A URL with `__DB__` where the database name goes. */
  urlPattern: string;
  template: string;
  dataDir: string;
}

export const ENV_KEY = 'LANTERN_TEST_DATABASE';
export const TEMPLATE_DATABASE = 'lantern_template';

export function testDatabaseInfo(): TestDatabaseInfo {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error('The test database is not running: integration tests need jest globalSetup');
  return JSON.parse(raw) as TestDatabaseInfo;
}

/**
 * A fresh folder for an embedded PostgreSQL. It runs as the `postgres` user when we are root, so
 * every folder above it must be traversable: a 0755 folder under the system temp dir, never the
 * checkout (CI clones into a folder we do not choose) and never a bare mkdtemp (0700).
 */
export function makeReachableTempDir(prefix: string): string {
  const root = path.join(os.tmpdir(), 'lantern-test');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const dir = mkdtempSync(path.join(root, `${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}
