/**
 * Restores a backup made by `pnpm db:backup` into an EMPTY database:
 *   pnpm db:restore FILE [--force]                   (development, from the checkout)
 *   node server/dist/scripts/db-restore.js FILE      (a production build)
 * Uses DATABASE_URL, or the embedded PostgreSQL under LANTERN_DATA_DIR (Lantern must be stopped;
 * a new data dir is created when missing). The file is checked whole before anything is written,
 * and the restore runs in one transaction: it succeeds entirely or changes nothing. LANTERN_ENCRYPTION_KEY
 * (outside production: the data dir's secrets.json) must be the key of the server the backup came
 * from. `--force` replaces whatever the database holds.
 */
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { BackupError } from '../db/backup/archive';
import { restoreDatabase } from '../db/backup/restore';
import { openBackupTarget } from '../db/backup/target';
import { DataDirError } from '../db/embedded-postgres';

const USAGE = `Usage: pnpm db:restore FILE [--force]
  FILE      a file written by pnpm db:backup (encrypted or not)
  --force   replace the contents of a database that is not empty`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const config = loadConfig();
  const target = await openBackupTarget(config, 'restore');
  try {
    const manifest = await restoreDatabase(target.url, file, { encryptionKey: config.encryptionKey, force: values.force });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    process.stderr.write(
      `Restored ${file} (made ${manifest.createdAt}) into ${target.label}: ${manifest.tables.length} tables, ${rows} rows, ` +
        `migration ${manifest.migrations[manifest.migrations.length - 1]}. Start Lantern to apply any later migrations.\n`,
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
    process.stderr.write(`\n${known ? (err as Error).message : `Restore failed: ${err instanceof Error ? err.message : String(err)}`}\n\n`);
    process.exit(1);
  },
);
