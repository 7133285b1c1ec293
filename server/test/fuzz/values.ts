import type { Rand } from './random';

/** The server's JSON body limit (app.ts: express.json({ limit: '200kb' })). */
export const BODY_LIMIT_BYTES = 200 * 1024;

/** Characters that break naive code: direction marks, zero-width, astral, lone surrogates, NUL, controls. */
export const ODD_UNITS = [
  '\u200F', // right-to-left mark
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte-order mark
  '\u0000', // NUL
  '\u0001',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '\uD800', // lone high surrogate (JSON can carry it, escaped)
  '\uDFFF', // lone low surrogate
  '\uD83D\uDE00', // astral: emoji
  '\uD835\uDD4F', // astral: mathematical X
  '\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67', // a ZWJ family
  'e\u0301', // combining accent
  'ﷺ', // one very wide Arabic ligature
  'שלום',
  'مرحبا',
  '𒀱',
  'İ', // case mapping changes length
  'ß',
  '\t',
  '\r\n',
  '\\',
  '"',
  "'",
  '`',
  '%',
  '_',
  '$',
  '{',
  '}',
] as const;

/** Strings aimed at the layers below: SQL, LIKE, templates, paths, markup, formats. */
export const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; drop table report; --",
  '"); select pg_sleep(10); --',
  '%',
  '_',
  '%_%\\',
  '\\',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '__proto__',
  'constructor',
  '[object Object]',
  '=cmd|" /C calc"!A0',
  '@example.org',
  'a@b',
  '+',
  '00000000-0000-0000-0000-000000000000',
  'LN-2026-000001',
  '2020/21',
  '2026-02-30',
  ' ',
  '',
] as const;

/** Free text: mostly ordinary, often odd, sometimes very long. */
export function text(r: Rand, noise = 1): string {
  return r.weighted<string>([
    [40, () => r.words(8)],
    [12, () => r.string({ unit: 'grapheme', maxLength: 40 })],
    [20, () => oddString(r)],
    [10, () => r.pick(NASTY_STRINGS)],
    [5, () => r.string({ unit: 'binary', maxLength: 30 })],
    [6 * noise, () => r.pick(['', ' ', '\n', '\u200B', '\u0000'])],
    [5 * noise, () => repeatTo(r, r.int(1_000, 25_000))],
  ]);
}

/** A short string mixing plain letters with the odd units. */
export function oddString(r: Rand): string {
  const parts: string[] = [];
  const n = r.int(1, 8);
  for (let i = 0; i < n; i++) parts.push(r.chance(0.5) ? r.pick(ODD_UNITS) : r.words(2));
  return parts.join('');
}

/** A string of about `length` UTF-16 units, from a short random pattern. */
export function repeatTo(r: Rand, length: number): string {
  const unit = r.chance(0.7) ? `${r.words(3)} ` : oddString(r) || 'x';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * At least 100 KB: mostly under the 200 KB body limit (the request is parsed and must be refused
 * or handled with a coded error), sometimes over it (HTTP 413 before GraphQL runs).
 */
export function hugeString(r: Rand): string {
  const over = r.chance(0.25);
  const length = over ? r.int(BODY_LIMIT_BYTES + 1_000, BODY_LIMIT_BYTES + 60_000) : r.int(100 * 1024, 180 * 1024);
  // ASCII, so that length in bytes is about length in characters.
  const unit = `${r.words(4)} `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function validDate(r: Rand): string {
  return `${r.int(2019, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
}

export function date(r: Rand, noise = 1): string {
  return r.weighted<string>([
    [80, () => validDate(r)],
    [20 * noise, () => r.pick(['2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-1-1', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', 'yesterday', '', '2100-01-01', '1900-01-01', '2026-02-29', '2024-02-29'])],
  ]);
}

export function dateTime(r: Rand, noise = 1): string {
  return r.weighted<string>([
    [80, () => `${validDate(r)}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.${pad(r.int(0, 999), 3)}Z`],
    [20 * noise, () => r.pick(['2026-13-45T99:99:99Z', '2026-01-01', 'now', '', '0', '2026-01-01T00:00:00+25:00', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2026-01-01T00:00:00'])],
  ]);
}

export function financialYear(r: Rand, noise = 1): string {
  return r.weighted<string>([
    [75, () => {
      const y = r.int(2015, 2027);
      return `${y}/${pad((y + 1) % 100)}`;
    }],
    [25 * noise, () => r.pick(['2020/22', '1999/00', '2099/00', '2020-21', 'abcd/ef', '2020/2021', '2020', '', '0000/01'])],
  ]);
}

export function email(r: Rand, demoEmails: readonly string[], noise = 1): string {
  return r.weighted<string>([
    [30, () => r.pick(demoEmails)],
    [45, () => `fuzz.${r.int(0, 1_000_000)}@example.org`],
    [10, () => ` ${r.pick(demoEmails).toUpperCase()} `],
    [15 * noise, () => r.pick(['not-an-email', '@example.org', 'a@', 'a@b', `${'x'.repeat(400)}@example.org`, 'ünï@exämple.org', 'a"b@example.org', 'a@example.org\u0000', ''])],
  ]);
}

export function phone(r: Rand, noise = 1): string {
  return r.weighted<string>([
    [60, () => `07700 900 ${pad(r.int(0, 999), 3)}`],
    [15, () => `+447700900${pad(r.int(0, 999), 3)}`],
    [25 * noise, () => r.pick(['123', '+1 202 555 0100', '07700', '+44', 'phone', '0'.repeat(60), '+447700900123\u0000', '٠٧٧٠٠٩٠٠١٢٣', ''])],
  ]);
}

/** A value for an identifier of a given kind (or of any kind, when it is not known). */
export function identifierValue(r: Rand, kind?: string, noise = 1): string {
  const k = kind ?? r.pick(['PHONE', 'EMAIL', 'VEHICLE', 'HANDLE', 'NAME']);
  return r.weighted<string>([
    [75, () => {
      switch (k) {
        case 'PHONE':
          return phone(r, noise);
        case 'EMAIL':
          return `someone${r.int(0, 99)}@example.com`;
        case 'VEHICLE':
          return r.pick(['AB12 CDE', 'ab12cde', 'CAP123', 'X', '12345678901234567890']);
        case 'HANDLE':
          return r.pick(['@punter', 'punter_99', '@', '@@x']);
        default:
          return r.words(2);
      }
    }],
    [25 * noise, () => text(r, noise)],
  ]);
}
