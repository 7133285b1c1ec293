import { hash, verify } from '@node-rs/argon2';

/** The argon2 calls, behind one object so that a test can count them (equal work for every failure). */
export const argon2id = { hash, verify };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** argon2id (algorithm 2) at OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2id.hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2id.verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for an unknown e-mail or a locked account,
 * so that response times do not tell which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('lantern-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
