import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { isDatabaseUnavailable } from '../db/availability';
import { ServiceUnavailableError } from './errors';
import { logger } from './logger';

/** Codes that reach clients as they are; anything else is an internal error. */
const PUBLIC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE', 'TWO_FACTOR_REQUIRED', 'TWO_FACTOR_ENROLMENT_REQUIRED']);
/** The request itself was malformed or refused before running (parse, validation, armor limits). */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** graphql-js's token limit names the limit; limits are never told to the caller. */
const TOO_MANY_TOKENS = /Document contains more th\w+ \d+ tokens\. Parsing aborted\./; // (sic: "more that" in graphql 16)
/** "Did you mean ...?" (enum values, fields, arguments): hints that map the schema for attackers. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A message fit for any caller: no limits, and in production no schema hints. */
function publicMessage(message: string, isProduction: boolean): string {
  const m = message.replace(TOO_MANY_TOKENS, 'Query refused: too many tokens');
  return isProduction ? m.replace(SUGGESTION, '') : m;
}

interface FieldProblem {
  field: string;
  messages: string[];
}

/** Flattens class-validator errors (nested inputs included) into `field: messages`. */
function problemsOf(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...problemsOf(e.children ?? [], field)];
  });
}

/** `Variable "$input" got invalid value "KING" at "input.role"` -> `role`. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (at) return at.split('.').pop();
  const field = /[Ff]ield "(?:[A-Za-z]+\.)?([A-Za-z_]+)"/.exec(message)?.[1];
  if (field) return field;
  return /^Variable "\$([A-Za-z_]+)"/.exec(message)?.[1];
}

export interface FormatErrorOptions {
  isProduction: boolean;
}

/**
 * The one place errors are shaped for clients: stable codes, the offending field named, and
 * nothing internal (no stack, SQL or driver message) outside development.
 */
export function createFormatError({ isProduction }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown>; name?: string; stack?: string; message?: string } | undefined;
    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    const base = { locations: formatted.locations, path: formatted.path };

    const validationErrors = original?.extensions?.validationErrors as ValidationError[] | undefined;
    if (code === 'BAD_USER_INPUT' && validationErrors) {
      // Full paths inside an input (`consent.police`, `identifiers.0.value`), so a form can mark the input.
      const problems = problemsOf(validationErrors);
      const fields = problems.map((p) => p.field);
      return {
        ...base,
        message: `Invalid input: ${problems.map((p) => `${p.field} ${p.messages.join(', ')}`).join('; ')}`,
        extensions: { code, field: fields[0], fields },
      };
    }

    if (PUBLIC_CODES.has(code)) {
      const field = (formatted.extensions?.field as string | undefined) ?? (code === 'BAD_USER_INPUT' ? fieldFromMessage(formatted.message) : undefined);
      const retryAfterSeconds = formatted.extensions?.retryAfterSeconds as number | undefined;
      // (graphql-js suggests enum values when coercing variables, which armor's blockFieldSuggestion does not see.)
      return { ...base, message: publicMessage(formatted.message, isProduction), extensions: { code, ...(field ? { field } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } };
    }

    if (REQUEST_CODES.has(code)) {
      // A malformed or over-limit request: the caller's fault, and nothing internal to hide.
      const field = fieldFromMessage(formatted.message);
      return { ...base, message: publicMessage(formatted.message, isProduction), extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
    }

    if (error instanceof GraphQLError && !error.originalError && !error.path) {
      // graphql-js refusing the request itself, without a code: too many invalid variables to list
      // them all, or an operation type the schema does not have (subscription). The caller's fault.
      return { ...base, message: publicMessage(formatted.message, isProduction), extensions: { code: 'BAD_USER_INPUT' } };
    }

    if (isDatabaseUnavailable(error)) {
      // PostgreSQL is down or restarting: not a bug, and the client should simply try again.
      logger.warn('database unavailable', { error: original?.name ?? 'Error', path: formatted.path?.join('.') });
      return { ...base, message: new ServiceUnavailableError().message, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: ServiceUnavailableError.RETRY_AFTER_SECONDS } };
    }

    // Unexpected: log what helps a developer (the error class and the stack frames), never the
    // message in production, since driver messages can quote the SQL and its values.
    const frames = original?.stack?.split('\n').slice(1, 8).join('\n');
    logger.error('internal error', {
      error: original?.name ?? 'Error',
      ...(isProduction ? {} : { message: original?.message }),
      stack: frames,
      path: formatted.path?.join('.'),
    });
    return {
      ...base,
      message: 'Internal server error',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(isProduction ? {} : { detail: original?.message, stacktrace: formatted.extensions?.stacktrace }),
      },
    };
  };
}
