import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM for personal data at rest. The record's id is bound in as associated data, so a
 * ciphertext copied onto another row does not decrypt. Format: `v1:<iv>:<tag>:<ciphertext>` (base64).
 */
export function encrypt(plaintext: string, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decrypt(stored: string, key: Buffer, aad: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Keys derived for keyedHash, by purpose (recomputed only when the master key object changes). */
const derived = new Map<string, { from: Buffer; key: Buffer }>();

/**
 * A keyed hash (hex HMAC-SHA-256) of a value that must not be stored in clear, under a key derived
 * from `key` for one `purpose` (HMAC of the purpose), so hashes made for one purpose say nothing
 * about another's. The derived key is computed once per key and purpose, not on every call.
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  let entry = derived.get(purpose);
  if (entry?.from !== key) derived.set(purpose, (entry = { from: key, key: createHmac('sha256', key).update(purpose).digest() }));
  return createHmac('sha256', entry.key).update(value).digest('hex');
}
