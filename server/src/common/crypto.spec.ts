import { createHmac, randomBytes } from 'node:crypto';
import { decrypt, encrypt, keyedHash } from './crypto';

describe('at-rest encryption', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV each time', () => {
    const a = encrypt('+447700900123', key, 'm1:contactPhone');
    const b = encrypt('+447700900123', key, 'm1:contactPhone');
    expect(a).not.toBe(b);
    expect(a).not.toContain('7700900123');
    expect(decrypt(a, key, 'm1:contactPhone')).toBe('+447700900123');
  });

  it('refuses a ciphertext moved to another record or field, tampered, or under another key', () => {
    const c = encrypt('secret', key, 'm1:contactEmail');
    expect(() => decrypt(c, key, 'm2:contactEmail')).toThrow();
    expect(() => decrypt(c, key, 'm1:contactPhone')).toThrow();
    expect(() => decrypt(c, randomBytes(32), 'm1:contactEmail')).toThrow();
    const parts = c.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => decrypt(parts.join(':'), key, 'm1:contactEmail')).toThrow();
  });
});

describe('keyed hashes', () => {
  it('are HMAC-SHA-256 under a key derived for the purpose, apart by purpose and by key', () => {
    const key = randomBytes(32);
    const derived = createHmac('sha256', key).update('rate-limit').digest();
    expect(keyedHash(key, 'rate-limit', 'a@example.org')).toBe(createHmac('sha256', derived).update('a@example.org').digest('hex'));
    expect(keyedHash(key, 'identifier-check', 'a@example.org')).not.toBe(keyedHash(key, 'rate-limit', 'a@example.org'));
    const other = randomBytes(32);
    expect(keyedHash(other, 'rate-limit', 'a@example.org')).toBe(createHmac('sha256', createHmac('sha256', other).update('rate-limit').digest()).update('a@example.org').digest('hex'));
    expect(keyedHash(key, 'rate-limit', 'a@example.org')).toBe(createHmac('sha256', derived).update('a@example.org').digest('hex'));
  });
});
