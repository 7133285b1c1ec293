import { looksLikeTotp, matchingStep, newTotpSecret, otpauthUri, qrCodeDataUrl, stepAt, totpCodeAt } from './totp';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below); 6-digit codes are the
// last 6 digits of the RFC's 8-digit ones.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (otplib, as authenticator apps use it)', () => {
  it.each(VECTORS)('matches RFC 6238 at t=%i', (t, code) => {
    expect(totpCodeAt(RFC_SECRET, t * 1000)).toBe(code);
    expect(matchingStep(RFC_SECRET, code, t * 1000)).toBe(stepAt(t * 1000));
  });

  it('accepts the current step and one either side, nothing further, and says which step matched', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    const at = (s: number) => totpCodeAt(RFC_SECRET, s * 30_000);
    expect(matchingStep(RFC_SECRET, at(step), now)).toBe(step);
    expect(matchingStep(RFC_SECRET, at(step - 1), now)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, at(step + 1), now)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, at(step - 2), now)).toBeNull();
    expect(matchingStep(RFC_SECRET, at(step + 2), now)).toBeNull();
    expect(matchingStep(RFC_SECRET, 'abcdef', now)).toBeNull();
    expect(matchingStep(RFC_SECRET, '', now)).toBeNull();
  });

  it('accepts a code typed with a space in the middle, as apps show it', () => {
    const now = 1_700_000_000_000;
    const code = totpCodeAt(RFC_SECRET, now);
    expect(matchingStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(stepAt(now));
    expect(looksLikeTotp(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
    expect(looksLikeTotp('abcd-efgh-ijkl-mnop')).toBe(false);
  });

  it('makes 160-bit base32 secrets, different every time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('writes an otpauth URI with the issuer Lantern and the e-mail as the label, and its QR code', async () => {
    const uri = otpauthUri('officer@kent.police.uk', RFC_SECRET);
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Lantern:officer@kent.police.uk');
    expect(url.searchParams.get('issuer')).toBe('Lantern');
    expect(url.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(await qrCodeDataUrl(uri)).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
  });
});
