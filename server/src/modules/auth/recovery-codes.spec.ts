import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';

describe('recovery codes', () => {
  it('are 16 base32 characters in groups of four, different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  });

  it('are read in any case, with or without dashes and spaces; anything else is not a code', () => {
    expect(normaliseRecoveryCode('ABCD-efgh ijkl-mnop')).toBe('abcdefghijklmnop');
    expect(normaliseRecoveryCode('abcd-efgh-ijkl')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-ijkl-mno1')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });

  it('are kept only as a hash bound to the account', () => {
    const h = recoveryCodeHash('user-a', 'abcdefghijklmnop');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('abcdefghijklmnop');
    expect(recoveryCodeHash('user-b', 'abcdefghijklmnop')).not.toBe(h);
  });
});
