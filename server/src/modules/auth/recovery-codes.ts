import { createHash, randomInt } from 'node:crypto';

/** How many recovery codes an account gets at once. */
export const RECOVERY_CODE_COUNT = 10;
/** base32's letters and digits: no 0, 1, 8 or 9 to confuse with O, I, L or B. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 16 characters of 5 bits: 80 random bits per code, far beyond guessing (and beyond reversing its hash). */
const LENGTH = 16;

/** A new code, shown once as `abcd-efgh-ijkl-mnop`. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** What a person typed, as it is hashed: lower case, without spaces or dashes; null if it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]+/g, '');
  return clean.length === LENGTH && [...clean].every((c) => ALPHABET.includes(c)) ? clean : null;
}

/** SHA-256 of the account id and the normalised code: the only form a recovery code is kept in. */
export function recoveryCodeHash(userId: string, normalised: string): string {
  return createHash('sha256').update(`lantern-recovery:${userId}:${normalised}`).digest('hex');
}
