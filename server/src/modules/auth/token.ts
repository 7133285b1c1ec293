import { SignJWT, jwtVerify, errors } from 'jose';

const ISSUER = 'lantern';
const AUDIENCE = 'lantern-api';

export interface TokenClaims {
  /** The user's id. */
  sub: string;
  /** The user's token version: a deactivation or password reset bumps it and so revokes the token. */
  tv: number;
}

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signToken(claims: TokenClaims, secret: string, ttlSeconds: number, now = new Date()): Promise<SignedToken> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ tv: claims.tv })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Tokens whose signature was already checked, with their expiry: checking an HMAC signature
 * through jose is a few percent of a request's CPU, and a session sends the same token again and
 * again. A hit is the same token string under the same secret, still before its expiry; the
 * account behind it is still read from the database on every request (so revocation, which
 * raises the token version, is unaffected). Bounded; the oldest entry goes first.
 */
const verified = new Map<string, { secret: string; claims: Readonly<TokenClaims>; exp: number }>();
const MAX_VERIFIED = 10_000;

/** The claims of a valid token, or null for an expired, tampered or malformed one. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims | null> {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (Date.now() < known.exp * 1000) return { ...known.claims };
    verified.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    const claims = { sub: payload.sub, tv: payload.tv };
    if (typeof payload.exp === 'number') {
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
      verified.set(token, { secret, claims: Object.freeze({ ...claims }), exp: payload.exp });
    }
    return claims;
  } catch (err) {
    if (err instanceof errors.JOSEError) return null;
    throw err;
  }
}

/** How many verified tokens are kept (for tests). */
export function verifiedTokenCount(): number {
  return verified.size;
}
