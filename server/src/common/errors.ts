import { GraphQLError } from 'graphql';

/** The stable error codes clients and partner integrations rely on (DESIGN.md). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'TWO_FACTOR_REQUIRED'
  | 'TWO_FACTOR_ENROLMENT_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You must be signed in') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this', field?: string) {
    super('FORBIDDEN', message, field ? { field } : {});
  }
}

/** A record that does not exist and one the caller may not see answer exactly alike. */
export class NotFoundError extends AppError {
  /** `field`: the argument that named the record, when it is not simply `id`. */
  constructor(type: string, field?: string) {
    super('NOT_FOUND', `${type} not found`, field ? { field } : {});
  }
}

/** Bad input: always names the offending field. */
export class BadUserInputError extends AppError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export class ConflictError extends AppError {
  constructor(field: string, message: string) {
    super('CONFLICT', `${field}: ${message}`, { field });
  }
}

/**
 * The database cannot be reached for a moment (restarting, failing over, overloaded). The request
 * may be sent again: a report with the same idempotency key, so that a retry never makes a second
 * one. HTTP 503 with Retry-After.
 */
export class ServiceUnavailableError extends AppError {
  static readonly RETRY_AFTER_SECONDS = 5;
  constructor() {
    const retryAfterSeconds = ServiceUnavailableError.RETRY_AFTER_SECONDS;
    super('SERVICE_UNAVAILABLE', 'Lantern is unavailable for a moment; please try again shortly', {
      retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/** Past a rate limit: says when to try again (seconds), in the error and as HTTP 429 Retry-After. */
export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many attempts; please try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * Sign-in: the password was right and the account uses two-factor sign-in, but no code came with
 * it. Only ever answered after a correct password, so it tells nothing to someone without it.
 */
export class TwoFactorRequiredError extends AppError {
  constructor() {
    super('TWO_FACTOR_REQUIRED', 'Enter the 6-digit code from your authenticator app, or a recovery code');
  }
}

/**
 * The account's role requires two-factor sign-in and it is not on yet: until it is, the session
 * may only turn it on (and read `me`, and sign out).
 */
export class TwoFactorEnrolmentRequiredError extends AppError {
  constructor() {
    super('TWO_FACTOR_ENROLMENT_REQUIRED', 'Turn on two-factor sign-in for your account first');
  }
}
