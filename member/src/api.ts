/**
 * The one way the page talks to the server: POST /graphql on this origin, with plain fetch.
 * The sign-in token is the only thing kept in the browser (sessionStorage: gone when the tab
 * closes); nothing else about the member is stored or logged.
 */

const TOKEN = 'lantern.member.token';
const EXPIRES_AT = 'lantern.member.expiresAt';

export interface Session {
  token: string;
  expiresAt: string;
}

export function readSession(): Session | null {
  try {
    const token = sessionStorage.getItem(TOKEN);
    const expiresAt = sessionStorage.getItem(EXPIRES_AT);
    if (!token || !expiresAt) return null;
    if (Date.parse(expiresAt) <= Date.now()) {
      clearSession();
      return null;
    }
    return { token, expiresAt };
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(TOKEN, session.token);
  sessionStorage.setItem(EXPIRES_AT, session.expiresAt);
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(EXPIRES_AT);
  } catch {
    // storage switched off: nothing was kept
  }
}

/**
 * Ends the session on the server too (every token of this account stops working at once), then
 * forgets it here. Fire and forget: `keepalive` lets the request finish while the page is left,
 * so "Quick exit" never waits for the network.
 */
export function endSession(): void {
  const session = readSession();
  clearSession();
  if (!session) return;
  try {
    void fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      keepalive: true,
    }).catch(() => undefined);
  } catch {
    // offline: the token still expires on its own within the hour
  }
}

/** An error from the server, in words a member can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when the server says the session is over (expired or revoked). */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string };
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const session = readSession();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      // application/json also satisfies the server's CSRF prevention.
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError('We could not reach Lantern. Check your connection and try again.', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError('Something went wrong on our side. Please try again in a moment.', 'INTERNAL');
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL';
    if (code === 'UNAUTHENTICATED' && session) {
      clearSession();
      onSignedOut();
    }
    throw new ApiError(friendly(code, error.message), code, error.extensions?.field);
  }
  if (!body.data) throw new ApiError('Something went wrong on our side. Please try again in a moment.', 'INTERNAL');
  return body.data;
}

function friendly(code: string, message: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'That did not work. Check your e-mail and password, or sign in again.';
    case 'NOT_FOUND':
      return 'We could not find that.';
    case 'CONFLICT':
      return message;
    case 'FORBIDDEN':
      // The server's own words for limits (e.g. the daily number of checks) are written for people.
      return /^You /.test(message) ? message : 'You cannot do that from this account.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many tries. Please wait a few minutes and try again.';
    case 'SERVICE_UNAVAILABLE':
      // The database is down or restarting (HTTP 503).
      return 'Lantern is not available for a moment. Please try again in a minute. If you are in danger, call 999.';
    case 'BAD_USER_INPUT':
      return message.replace(/^Invalid input: /, '');
    default:
      return 'Something went wrong on our side. Please try again in a moment.';
  }
}
