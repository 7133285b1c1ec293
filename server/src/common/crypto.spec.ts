import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from './crypto';

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
