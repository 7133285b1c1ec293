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

/** The claims of a valid token, or null for an expired, tampered or malformed one. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    return { sub: payload.sub, tv: payload.tv };
  } catch (err) {
    if (err instanceof errors.JOSEError) return null;
    throw err;
  }
}
