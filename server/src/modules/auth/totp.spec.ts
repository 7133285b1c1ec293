import { base32Decode, totpAt, verifyTotp } from './totp';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits.
const SECRET = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP', () => {
  it.each(VECTORS)('matches RFC 6238 at t=%i', (t, code) => {
    expect(totpAt(SECRET, Math.floor(t / 30), 8)).toBe(code);
  });

  it('decodes base32', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString()).toBe('12345678901234567890');
  });

  it('accepts the current step and one either side, nothing further', () => {
    const b32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30000);
    expect(verifyTotp(b32, totpAt(SECRET, step), now)).toBe(true);
    expect(verifyTotp(b32, totpAt(SECRET, step - 1), now)).toBe(true);
    expect(verifyTotp(b32, totpAt(SECRET, step + 1), now)).toBe(true);
    expect(verifyTotp(b32, totpAt(SECRET, step - 3), now)).toBe(false);
    expect(verifyTotp(b32, 'abcdef', now)).toBe(false);
  });
});
