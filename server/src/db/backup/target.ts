import type { Config } from '../../config';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '../embedded-postgres';
import { BackupError } from './archive';

export interface BackupTarget {
  url: string;
  /** For messages: which database this is (never the URL, which holds a password). */
  label: string;
  close(): Promise<void>;
}

/**
 * The database the backup scripts work on, chosen as the server chooses it: DATABASE_URL, or the
 * embedded PostgreSQL under LANTERN_DATA_DIR: the one already running there (a backup may be taken
 * while Lantern serves), else one started for the occasion and stopped afterwards. A restore
 * refuses a running embedded server: Lantern must be stopped while its database is replaced.
 */
export async function openBackupTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>, purpose: 'backup' | 'restore'): Promise<BackupTarget> {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return { url: config.databaseUrl, label: `database "${decodeURIComponent(u.pathname.slice(1))}" on ${u.hostname}:${u.port || 5432} (DATABASE_URL)`, close: async () => undefined };
  }
  const running = runningEmbeddedPostgres(config.dataDir);
  const label = `the embedded database in ${config.dataDir}`;
  if (running) {
    if (purpose === 'restore') {
      throw new BackupError(`${label} is running (is Lantern started?): stop Lantern first, then restore.`);
    }
    return { url: running.url, label, close: async () => undefined };
  }
  const started = await startEmbeddedPostgres(config.dataDir);
  return { url: started.url, label, close: () => started.stop() };
}
