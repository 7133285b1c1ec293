import { HttpError } from 'react-admin';

/**
 * One place that turns what the API answers (GraphQL errors with `extensions.code`, or an HTTP
 * failure) into the HttpError react-admin understands:
 * - `message`: the server's own words, so notifications show them;
 * - `status`: 401/403/400/404/409 from the code, so authProvider.checkError can tell a dead
 *   session (UNAUTHENTICATED) from a refusal;
 * - `body.errors`: for BAD_USER_INPUT/CONFLICT naming a field, react-admin's server-side
 *   validation shape, so the form marks that input and notifies `root.serverError`.
 */
export interface ApiError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface ApiErrorBody {
  code?: string;
  field?: string;
  errors?: Record<string, unknown>;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export const NETWORK_ERROR_MESSAGE = 'lantern.errors.network';

const normalised = new WeakSet<object>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The GraphQL errors carried by an ApolloError, or by ra-data-graphql's HttpError around one. */
export function apiErrorsOf(error: unknown): ApiError[] {
  if (!isObject(error)) return [];
  if (Array.isArray(error.graphQLErrors) && error.graphQLErrors.length > 0) {
    return error.graphQLErrors as ApiError[];
  }
  if (isObject(error.body)) return apiErrorsOf(error.body);
  return [];
}

function httpStatusOf(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  if (isObject(error.networkError) && typeof error.networkError.statusCode === 'number') {
    return error.networkError.statusCode;
  }
  if (error instanceof HttpError && typeof error.status === 'number' && error.status !== 200) {
    return error.status;
  }
  return undefined;
}

function isNetworkFailure(error: unknown): boolean {
  if (!isObject(error)) return false;
  if (isObject(error.networkError)) return true;
  // ra-data-graphql wraps an Apollo network error as HttpError(message, statusCode) with no body
  return error instanceof HttpError && error.body == null && httpStatusOf(error) === undefined;
}

/** The code of an error from the API, if it has one (for authProvider.checkError). */
export function errorCode(error: unknown): string | undefined {
  if (isObject(error) && isObject(error.body) && typeof error.body.code === 'string') {
    return error.body.code;
  }
  const code = apiErrorsOf(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `forceId` -> `force.id`: the path of the form input that edits an input field. */
export function formPathOf(field: string): string {
  const name = field.replace(/^input\./, '');
  return /^[a-z][A-Za-z0-9]*Id$/.test(name) ? `${name.slice(0, -2)}.id` : name;
}

/**
 * `forceId` -> `force`, `lastLoginAt` -> `last login at`, `identifiers.0.value` -> `identifier 1
 * value`: a field name a person can read.
 */
function readableField(field: string): string {
  return field
    .replace(/^input\./, '')
    .replace(/Ids?$/, '')
    .replace(/([A-Za-z]+?)s?\.(\d+)\./g, (_, list: string, index: string) => `${list} ${Number(index) + 1} `)
    .replace(/\./g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The server words bad input as `<field>: <problem>`; under the input itself, the problem is enough. */
function withoutFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

export function toHttpError(error: unknown): HttpError {
  if (isObject(error) && normalised.has(error)) return error as unknown as HttpError;
  if (isObject(error) && error.name === 'AbortError') throw error;

  const apiErrors = apiErrorsOf(error);
  let result: HttpError;
  if (apiErrors.length > 0) {
    const first = apiErrors[0];
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
    const field = typeof first.extensions?.field === 'string' ? first.extensions.field : undefined;
    let message = [...new Set(apiErrors.map((e) => e.message))].join('\n');
    if (field) {
      const readable = readableField(field);
      const label = `${readable.charAt(0).toUpperCase()}${readable.slice(1)}`;
      const lower = message.toLowerCase();
      if (message.startsWith(`${field}: `)) {
        message = `${label}: ${withoutFieldPrefix(message, field)}`;
      } else if (!lower.includes(readable) && !lower.includes(field.toLowerCase())) {
        message = `${label}: ${message}`;
      }
    }
    const body: ApiErrorBody = { code, field };
    if (field && (code === 'BAD_USER_INPUT' || code === 'CONFLICT')) {
      body.errors = { [formPathOf(field)]: withoutFieldPrefix(first.message, field), root: { serverError: message } };
    }
    const status = (code && STATUS_BY_CODE[code]) || httpStatusOf(error) || 500;
    result = new HttpError(message, status, body);
  } else if (isNetworkFailure(error)) {
    const status = httpStatusOf(error);
    const body: ApiErrorBody = status === 401 ? { code: 'UNAUTHENTICATED' } : {};
    result = status
      ? new HttpError(status === 401 ? 'ra.notification.logged_out' : 'lantern.errors.server', status, body)
      : new HttpError(NETWORK_ERROR_MESSAGE, 0, body);
  } else {
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
    result = new HttpError(message, httpStatusOf(error) ?? 500, {});
  }
  normalised.add(result);
  return result;
}
