/**
 * The Lantern backup archive: one file, gzip-compressed, optionally encrypted (AES-256-GCM).
 *
 * Inside the gzip stream, line by line:
 *
 *     LANTERN BACKUP 1
 *     {"table":"force","columns":["id","created_at",...]}     a table's header
 *     <the table's rows exactly as COPY ... TO STDOUT wrote them (text format)>
 *     \.                                                      end of the table's rows
 *     ... one header, rows and end marker per table, in an order that restores without breaking
 *     a foreign key ...
 *     {"manifest":{...}}                                      the manifest, last
 *
 * COPY's text format escapes newlines and backslashes inside values, so a row is one line and no
 * row can be the end marker `\.`. The manifest records every table's columns, row count and
 * SHA-256, the SHA-256 of everything before it, the migrations, sequences and PostgreSQL version:
 * a restore checks all of it before it writes anything.
 *
 * Encrypted files start with ENCRYPTED_MAGIC, then a 12-byte nonce, the encrypted gzip stream and
 * the 16-byte GCM tag; the key is derived (HKDF) from LANTERN_ENCRYPTION_KEY, never stored.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable, type Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export const FORMAT = 'lantern-backup';
export const FORMAT_VERSION = 1;
const MAGIC_LINE = Buffer.from('LANTERN BACKUP 1\n');
const END_OF_ROWS = Buffer.from('\\.');
export const ENCRYPTED_MAGIC = Buffer.from('LANTERN BACKUP AES-256-GCM 1\n');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** No line of a sound archive comes near this; a longer one means a damaged file. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  /** bigint as text */
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  /** The server's `server_version`. */
  postgres: string;
  schema: string;
  /** Applied migrations, oldest first (mikro_orm_migrations). */
  migrations: string[];
  /** In restore order (no table before one it references). */
  tables: TableEntry[];
  sequences: SequenceEntry[];
  /**
   * Identifies the LANTERN_ENCRYPTION_KEY that the contact details inside were encrypted with (an
   * HMAC of a constant under that key, which reveals nothing about it): a restore under another
   * key would keep data no one can read, and is refused.
   */
  keyCheck: string;
  /** SHA-256 of every byte before the manifest line. */
  sha256: string;
}

/** A problem the operator can act on; the scripts print its message alone. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function keyCheck(encryptionKey: Buffer): string {
  return createHmac('sha256', encryptionKey).update('lantern-backup-key-check-v1').digest('hex').slice(0, 32);
}

function archiveKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'lantern-backup-archive-v1', 32));
}

/** AES-256-GCM over whatever passes through: header and nonce first, the tag after the end. */
export function encryptingStream(encryptionKey: Buffer): Transform {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', archiveKey(encryptionKey), nonce);
  cipher.setAAD(ENCRYPTED_MAGIC);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!started) {
        started = true;
        this.push(Buffer.concat([ENCRYPTED_MAGIC, nonce]));
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(Buffer.concat([ENCRYPTED_MAGIC, nonce]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/** Writes the archive's content (before gzip), keeping the checksums and counts. */
export class ArchiveWriter {
  private readonly whole: Hash = createHash('sha256');
  private table?: { entry: Omit<TableEntry, 'rows' | 'sha256'>; hash: Hash; rows: number; endsWithNewline: boolean };
  readonly tables: TableEntry[] = [];

  constructor(private readonly out: Writable) {}

  async start(): Promise<void> {
    await this.put(MAGIC_LINE);
  }

  async beginTable(name: string, columns: string[]): Promise<void> {
    if (this.table) throw new Error('a table is still open');
    await this.put(Buffer.from(`${JSON.stringify({ table: name, columns })}\n`));
    this.table = { entry: { name, columns }, hash: createHash('sha256'), rows: 0, endsWithNewline: true };
  }

  /** Rows as COPY TO wrote them; chunks may cut rows anywhere. */
  async rows(chunk: Buffer): Promise<void> {
    const t = this.table;
    if (!t) throw new Error('no table is open');
    if (chunk.length === 0) return;
    t.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) t.rows++;
    t.endsWithNewline = chunk[chunk.length - 1] === 10;
    await this.put(chunk);
  }

  async endTable(): Promise<TableEntry> {
    const t = this.table;
    if (!t) throw new Error('no table is open');
    if (!t.endsWithNewline) throw new Error(`COPY output of ${t.entry.name} did not end with a newline`);
    await this.put(Buffer.from('\\.\n'));
    const entry = { ...t.entry, rows: t.rows, sha256: t.hash.digest('hex') };
    this.tables.push(entry);
    this.table = undefined;
    return entry;
  }

  /** Writes the manifest (completed with the tables and checksum) and ends the stream. */
  async finish(manifest: Omit<Manifest, 'tables' | 'sha256'>): Promise<Manifest> {
    const full: Manifest = { ...manifest, tables: this.tables, sha256: this.whole.digest('hex') };
    const line = Buffer.from(`${JSON.stringify({ manifest: full })}\n`);
    if (!this.out.write(line)) await once(this.out, 'drain');
    this.out.end();
    return full;
  }

  private async put(data: Buffer): Promise<void> {
    this.whole.update(data);
    if (!this.out.write(data)) await once(this.out, 'drain');
  }
}

export type ArchiveEvent =
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'rows'; data: Buffer; rows: number }
  | { kind: 'end-table'; name: string; rows: number; sha256: string }
  | { kind: 'manifest'; manifest: Manifest; sha256: string };

/** The decrypted (when needed) and decompressed content of an archive file. */
async function contentOf(file: string, encryptionKey: Buffer): Promise<Readable> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot read the backup file ${file}: ${err.code ?? err.message}`);
  });
  let size: number;
  const head = Buffer.alloc(ENCRYPTED_MAGIC.length + NONCE_BYTES);
  let tag: Buffer | undefined;
  try {
    size = (await handle.stat()).size;
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) {
      if (size < head.length + TAG_BYTES) throw new BackupError('The backup file is damaged (too short)');
      tag = Buffer.alloc(TAG_BYTES);
      await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
  } finally {
    await handle.close();
  }
  const gunzip = createGunzip();
  if (!tag) {
    if (head[0] !== 0x1f || head[1] !== 0x8b) throw new BackupError('This is not a Lantern backup file');
    const plain = createReadStream(file);
    plain.on('error', (err) => gunzip.destroy(err));
    return plain.pipe(gunzip);
  }
  const decipher = createDecipheriv('aes-256-gcm', archiveKey(encryptionKey), head.subarray(ENCRYPTED_MAGIC.length));
  decipher.setAAD(ENCRYPTED_MAGIC);
  decipher.setAuthTag(tag);
  const source = createReadStream(file, { start: head.length, end: size - TAG_BYTES - 1 });
  source.on('error', (err) => gunzip.destroy(err));
  decipher.on('error', () =>
    gunzip.destroy(new BackupError('The backup file cannot be decrypted: it is damaged, or it was made with another LANTERN_ENCRYPTION_KEY')),
  );
  return source.pipe(decipher).pipe(gunzip);
}

/**
 * Reads an archive as events, checking its structure as it goes (a damaged or truncated file
 * ends in a BackupError). Checksums are computed here and compared by `verifyArchive`.
 */
export async function* readArchive(file: string, encryptionKey: Buffer): AsyncGenerator<ArchiveEvent> {
  const content = await contentOf(file, encryptionKey);
  const whole = createHash('sha256');
  let state: 'magic' | 'header' | 'rows' | 'done' = 'magic';
  let table: { name: string; hash: Hash; rows: number } | undefined;
  let pending = Buffer.alloc(0);
  try {
    for await (const chunk of content as AsyncIterable<Buffer>) {
      const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let pos = 0;
      let batchStart = 0;
      let batchRows = 0;
      for (;;) {
        const nl = buf.indexOf(10, pos);
        if (nl === -1) break;
        const line = buf.subarray(pos, nl);
        if (state === 'rows') {
          if (!line.equals(END_OF_ROWS)) {
            batchRows++;
            pos = nl + 1;
            continue;
          }
          const t = table!;
          if (pos > batchStart) yield* flush(t, buf.subarray(batchStart, pos), batchRows);
          whole.update(buf.subarray(pos, nl + 1));
          yield { kind: 'end-table', name: t.name, rows: t.rows, sha256: t.hash.digest('hex') };
          table = undefined;
          state = 'header';
        } else if (state === 'magic') {
          if (!buf.subarray(pos, nl + 1).equals(MAGIC_LINE)) throw new BackupError('This is not a Lantern backup file (or it is damaged)');
          whole.update(MAGIC_LINE);
          state = 'header';
        } else if (state === 'header') {
          const parsed = parseJsonLine(line);
          if (parsed.manifest) {
            yield { kind: 'manifest', manifest: parsed.manifest as Manifest, sha256: whole.digest('hex') };
            state = 'done';
          } else if (typeof parsed.table === 'string' && Array.isArray(parsed.columns)) {
            whole.update(buf.subarray(pos, nl + 1));
            table = { name: parsed.table, hash: createHash('sha256'), rows: 0 };
            state = 'rows';
            yield { kind: 'table', name: parsed.table, columns: parsed.columns as string[] };
          } else {
            throw new BackupError('The backup file is damaged (an unexpected line)');
          }
        } else {
          throw new BackupError('The backup file is damaged (data after the manifest)');
        }
        pos = nl + 1;
        batchStart = pos;
        batchRows = 0;
      }
      if (state === 'rows' && pos > batchStart) yield* flush(table!, buf.subarray(batchStart, pos), batchRows);
      pending = Buffer.from(buf.subarray(pos));
      if (pending.length > MAX_LINE_BYTES) throw new BackupError('The backup file is damaged (a line without an end)');
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The backup file is damaged or incomplete (${(err as Error).message})`);
  } finally {
    content.destroy();
  }
  if (state !== 'done' || pending.length > 0) throw new BackupError('The backup file is incomplete (it ends before its manifest)');

  function* flush(t: { hash: Hash; rows: number }, data: Buffer, rows: number): Generator<ArchiveEvent> {
    t.hash.update(data);
    whole.update(data);
    t.rows += rows;
    yield { kind: 'rows', data, rows };
  }
}

function parseJsonLine(line: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(line.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new BackupError('The backup file is damaged (a header is not readable)');
}

/**
 * Reads the whole archive once and checks it against its manifest: every table's row count and
 * SHA-256, the checksum of the whole, the format. Returns the manifest. Nothing is written anywhere.
 */
export async function verifyArchive(file: string, encryptionKey: Buffer): Promise<Manifest> {
  const seen: TableEntry[] = [];
  let columns: string[] = [];
  let found: { manifest: Manifest; sha256: string } | undefined;
  for await (const event of readArchive(file, encryptionKey)) {
    if (event.kind === 'table') columns = event.columns;
    else if (event.kind === 'end-table') seen.push({ name: event.name, columns, rows: event.rows, sha256: event.sha256 });
    else if (event.kind === 'manifest') found = event;
  }
  const { manifest, sha256 } = found!;
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new BackupError(`This backup is in a format this version of Lantern does not know (${String(manifest.format)} ${String(manifest.version)})`);
  }
  if (manifest.sha256 !== sha256) throw new BackupError('The backup file is damaged (its checksum does not match)');
  const listed = Array.isArray(manifest.tables) ? manifest.tables : [];
  const same = (a: TableEntry, b: TableEntry | undefined) =>
    !!b && a.name === b.name && a.rows === b.rows && a.sha256 === b.sha256 && JSON.stringify(a.columns) === JSON.stringify(b.columns);
  if (seen.length !== listed.length || !seen.every((t, i) => same(t, listed[i]))) {
    throw new BackupError('The backup file is damaged (its tables do not match its manifest)');
  }
  return manifest;
}
