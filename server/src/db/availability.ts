import type { ApolloServerPlugin } from '@apollo/server';
import { ServiceUnavailableError } from '../common/errors';

/**
 * Telling "the database cannot be reached right now" apart from every other failure. Such a
 * failure is not the caller's fault and not a bug: the client should try again shortly (the
 * server answers SERVICE_UNAVAILABLE, HTTP 503), and nothing about it is worth a stack trace.
 *
 * The ORM's pool (knex + tarn) recovers by itself once PostgreSQL is back: a connection that
 * errors or ends is marked disposed and dropped at its next checkout, and a connection that
 * cannot be made fails the request at once instead of waiting (test/db-failure.test.ts).
 */

/** Socket-level failures on the way to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that mean "not now": class 08 (connection exception) except 08P01 protocol_violation
 * (a malformed message, e.g. a NUL in a value: the request's fault, not an outage), 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down),
 * 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = /^(08(?!P01)...|57P0[123]|53300)$/;

/**
 * node-postgres' own messages for a connection that died under it (they carry no code; knex puts
 * the SQL in front of them).
 */
const LOST_CONNECTION = /(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Connection ended unexpectedly)$/;

/**
 * knex hands out a transaction whose BEGIN failed (its connection died) as already completed, and
 * swallows the real error: the transaction's first query then fails with this message. BEGIN
 * fails on nothing but a broken connection, and the ORM never queries a finished transaction.
 */
const BEGIN_FAILED = /Transaction query already complete, run with DEBUG=knex:tx/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/** True when `err` (or what it wraps) says PostgreSQL cannot be reached or is not accepting work. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)) return true;
  // knex: no connection could be had from the pool in time (every one busy or failing).
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && (LOST_CONNECTION.test(e.message) || BEGIN_FAILED.test(e.message))) return true;
  // GraphQL wraps resolver errors (originalError); Node and the ORM chain causes; a failed
  // connect to a host name with several addresses is an AggregateError.
  const inner = [e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => i !== err && isDatabaseUnavailable(i, depth + 1));
}

/**
 * A GraphQL response carrying SERVICE_UNAVAILABLE (formatError maps database outages to it) goes
 * out as HTTP 503 with Retry-After, as TOO_MANY_REQUESTS goes out as 429: load balancers, proxies
 * and clients see at once that trying again later is the answer.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(ServiceUnavailableError.RETRY_AFTER_SECONDS));
      },
    };
  },
};
