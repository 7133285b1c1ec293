import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** The largest request body /graphql accepts, in bytes (express.json's `200kb`). */
export const BODY_LIMIT = 200 * 1024;

/**
 * Whether a request is a plain GraphQL POST: `/graphql` exactly, `application/json` in UTF-8, no
 * content encoding, a declared length within the limit. That is every request the dashboard, the
 * members' page and API clients send. `handlePlainGraphQLPost` answers these without express's
 * router and body parser (about a tenth of the server's CPU time on a small request); anything
 * else (another path or method, another content type or charset, a compressed, chunked or
 * oversized body) goes through express as before, whose body parser gives its own answer.
 */
export function isPlainGraphQLPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const type = req.headers['content-type']?.toLowerCase().replace(/[ \t]+/g, '');
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = req.headers['content-length'];
  if (length === undefined || req.headers['transfer-encoding'] !== undefined || !/^\d{1,7}$/.test(length)) return false;
  return Number(length) <= BODY_LIMIT;
}

/** What the handler needs of the application: the same headers, CORS and context as express's route. */
export interface PlainGraphQLRoute<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** Sets the headers every answer carries (security headers, CORS). */
  headers(req: http.IncomingMessage, res: http.ServerResponse): void;
  context(req: http.IncomingMessage): Promise<C>;
  /** Answers a request that failed outside GraphQL, as express's error handler does. */
  fail(res: http.ServerResponse, status: 400 | 500, err?: unknown): void;
}

/**
 * Answers a request `isPlainGraphQLPost` accepted, exactly as express.json and Apollo's express
 * integration would: the body parsed as strict JSON (an object or array; empty is `{}`), a
 * malformed body is HTTP 400 BAD_USER_INPUT, and Apollo's answer is written as it gives it.
 */
export async function handlePlainGraphQLPost<C extends BaseContext>(route: PlainGraphQLRoute<C>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  handled++;
  route.headers(req, res);
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    res.destroy(); // the client went away mid-body: there is no one to answer
    return;
  }
  let body: unknown;
  try {
    body = parseStrictJson(text);
  } catch {
    route.fail(res, 400);
    return;
  }
  try {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await route.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: () => route.context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (err) {
    if (res.headersSent) res.destroy();
    else route.fail(res, 500, err);
  }
}

let handled = 0;

/** How many requests took the plain route (for tests). */
export function plainPostCount(): number {
  return handled;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

/** body-parser's strict JSON: empty is `{}`; otherwise the first non-blank character opens an object or an array. */
function parseStrictJson(text: string): unknown {
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
  return JSON.parse(text);
}
