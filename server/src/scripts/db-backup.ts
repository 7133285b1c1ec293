/**
 * Backs Lantern's database up into one file:
 *   pnpm db:backup [--out FILE] [--encrypt]          (development, from the checkout)
 *   node server/dist/scripts/db-backup.js [...]      (a production build)
 * Uses DATABASE_URL, or the embedded PostgreSQL under LANTERN_DATA_DIR (running or not), like the
 * server. The file (mode 0600) holds the most sensitive data Lantern has: store it encrypted
 * (`--encrypt` uses a key derived from LANTERN_ENCRYPTION_KEY), off this machine.
 * `--out -` writes to standard output. Restore with `pnpm db:restore FILE`.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { BackupError } from '../db/backup/archive';
import { backupDatabase } from '../db/backup/backup';
import { openBackupTarget } from '../db/backup/target';
import { DataDirError } from '../db/embedded-postgres';

const USAGE = `Usage: pnpm db:backup [--out FILE | --out -] [--encrypt]
  --out FILE   where to write (default: <data dir>/backups/lantern-<UTC time>.backup); "-" for standard output
  --encrypt    encrypt the whole file (AES-256-GCM, key derived from LANTERN_ENCRYPTION_KEY)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o' }, encrypt: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const toStdout = values.out === '-';
  let file: string | undefined;
  if (!toStdout) {
    if (values.out) {
      // pnpm runs scripts in the package's folder; a relative path means the caller's folder.
      file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
    } else {
      const dir = path.join(config.dataDir, 'backups');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      file = path.join(dir, `lantern-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.backup`);
    }
  }
  const target = await openBackupTarget(config, 'backup');
  try {
    const manifest = await backupDatabase(target.url, file ?? process.stdout, { encryptionKey: config.encryptionKey, encrypt: values.encrypt });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    process.stderr.write(
      `Backed up ${target.label}: ${manifest.tables.length} tables, ${rows} rows, PostgreSQL ${manifest.postgres}, ` +
        `migration ${manifest.migrations[manifest.migrations.length - 1]}${file ? `\nto ${file} (mode 0600${values.encrypt ? ', encrypted' : ''})` : ''}.\n` +
        (values.encrypt ? '' : 'It is not encrypted: keep it encrypted at rest (or use --encrypt), and never beside the database it came from.\n'),
    );
    return 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof BackupError || err instanceof ConfigError || err instanceof DataDirError;
    process.stderr.write(`\n${known ? (err as Error).message : `Backup failed: ${err instanceof Error ? err.message : String(err)}`}\n\n`);
    process.exit(1);
  },
);
