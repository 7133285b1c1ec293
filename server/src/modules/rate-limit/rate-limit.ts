import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { keyedHash } from '../../common/crypto';
import { TooManyRequestsError } from '../../common/errors';

/** What is limited, how often, per what. Each hit counts, whatever its outcome. */
export const RATE_LIMITS = {
  /** Sign-in attempts on one account (on top of the 5-failure lock-out). */
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /**
   * Sign-in attempts from one network address, on any accounts. Generous: a whole office (or every
   * user behind a reverse proxy that is not trusted for forwarded addresses) shares one address.
   */
  loginPerAddress: { limit: 300, windowSeconds: 15 * 60 },
  /** New member accounts from one network address. */
  registrationPerAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** Starts of two-factor enrolment on one account (each writes a pending secret, draws a QR code). */
  twoFactorStartsPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Reports a member submits. */
  reportsPerMember: { limit: 20, windowSeconds: 60 * 60 },
  /** Reports a case worker records. */
  reportsPerCaseWorker: { limit: 300, windowSeconds: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** A key for a value that must not be stored in clear (an e-mail address, a network address). */
export function hashedKey(config: Pick<Config, 'encryptionKey'>, kind: string, value: string): string {
  return `${kind}:${keyedHash(config.encryptionKey, 'rate-limit', value)}`;
}

/**
 * Counts one hit on `key` and refuses it (TOO_MANY_REQUESTS, with the seconds until the window
 * resets) past the limit. One atomic statement: concurrent hits from several processes cannot
 * slip past it (the row is locked by the upsert). It runs on its own connection, outside any
 * transaction of the request, so a refused or failed operation still counts.
 */
export async function hit(em: EntityManager, name: RateLimitName, key: string): Promise<void> {
  const { limit, windowSeconds } = RATE_LIMITS[name];
  const [row] = await em.fork().getConnection().execute<{ hits: number; retry_after: number }[]>(
    `insert into rate_limit_bucket (key, window_start, hits) values (?, now(), 1)
     on conflict (key) do update set
       window_start = case when rate_limit_bucket.window_start <= now() - make_interval(secs => ?) then now() else rate_limit_bucket.window_start end,
       hits = case when rate_limit_bucket.window_start <= now() - make_interval(secs => ?) then 1 else rate_limit_bucket.hits + 1 end
     returning hits, greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ?) - now()))))::int as retry_after`,
    [`${name}:${key}`, windowSeconds, windowSeconds, windowSeconds],
  );
  if (row.hits > limit) throw new TooManyRequestsError(row.retry_after);
}
