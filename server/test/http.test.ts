/**
 * POST /graphql has two routes: plain JSON requests skip express (common/graphql-http.ts), every
 * other request goes through express.json. Both must answer alike, byte for byte.
 */
import type http from 'node:http';
import { BODY_LIMIT, isPlainGraphQLPost, plainPostCount } from '../src/common/graphql-http';
import { Role } from '../src/policy/roles';
import { startTestServer, type TestServer } from './helpers/test-server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ corsOrigins: ['https://partner.example.org'] });
});
afterAll(() => s.close());

const request = (headers: Record<string, string | undefined>, method = 'POST', url = '/graphql') => ({ method, url, headers }) as unknown as http.IncomingMessage;

describe('which requests take the plain route', () => {
  const json = { 'content-type': 'application/json', 'content-length': '20' };
  it.each([
    ['application/json with a length', json, true],
    ['charset utf-8', { ...json, 'content-type': 'application/json; charset=UTF-8' }, true],
    ['identity encoding', { ...json, 'content-encoding': 'identity' }, true],
    ['exactly the limit', { ...json, 'content-length': String(BODY_LIMIT) }, true],
    ['over the limit', { ...json, 'content-length': String(BODY_LIMIT + 1) }, false],
    ['another charset', { ...json, 'content-type': 'application/json; charset=latin1' }, false],
    ['another parameter', { ...json, 'content-type': 'application/json; x=1' }, false],
    ['text/plain', { ...json, 'content-type': 'text/plain' }, false],
    ['no content type', { 'content-length': '20' }, false],
    ['gzip', { ...json, 'content-encoding': 'gzip' }, false],
    ['chunked', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, false],
    ['no length', { 'content-type': 'application/json' }, false],
    ['a length that is not a number', { ...json, 'content-length': '2e3' }, false],
  ])('%s', (_what, headers, plain) => {
    expect(isPlainGraphQLPost(request(headers))).toBe(plain);
  });

  it('only POST /graphql itself', () => {
    expect(isPlainGraphQLPost(request(json, 'GET'))).toBe(false);
    expect(isPlainGraphQLPost(request(json, 'POST', '/graphql?x=1'))).toBe(false);
    expect(isPlainGraphQLPost(request(json, 'POST', '/graphql/'))).toBe(false);
    expect(isPlainGraphQLPost(request(json, 'POST', '/'))).toBe(false);
  });
});

describe('both routes answer alike', () => {
  const HEADERS = [
    'content-type', 'content-length', 'etag', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy',
    'permissions-policy', 'access-control-allow-origin', 'vary', 'x-powered-by',
  ];
  async function send(body: string, contentType: string, extra: Record<string, string>) {
    const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': contentType, ...extra }, body });
    return { status: res.status, headers: Object.fromEntries(HEADERS.map((h) => [h, res.headers.get(h)])), body: await res.text() };
  }

  it.each([
    ['a query', JSON.stringify({ query: '{ me { name role } }' }), true],
    ['a query refused by the policy', JSON.stringify({ query: '{ users(perPage: 1) { totalCount } }' }), true],
    ['a syntax error', JSON.stringify({ query: '{ me { id }' }), true],
    ['anonymous', JSON.stringify({ query: '{ me { id } }' }), false],
    ['invalid JSON', '{"query": "{ me { id } ', true],
    ['a JSON string', '"{ me { id } }"', true],
    ['null', 'null', true],
    ['an empty body', '', true],
    ['blank, then an object', ' \n\t{"query":"{ me { role } }"}', true],
    ['a batch (not allowed)', JSON.stringify([{ query: '{ me { id } }' }]), true],
    ['no query', JSON.stringify({ variables: {} }), true],
    ['prototype keys', '{"query":"{ me { role } }","__proto__":{"polluted":1}}', true],
  ])('%s', async (_what, body, signedIn) => {
    const extra: Record<string, string> = { origin: 'https://partner.example.org' };
    if (signedIn) extra.authorization = `Bearer ${await s.tokenFor(Role.CASE_WORKER)}`;
    const before = plainPostCount();
    const plain = await send(body, 'application/json', extra);
    expect(plainPostCount()).toBe(before + 1);
    const viaExpress = await send(body, 'application/json; x=1', extra);
    expect(plainPostCount()).toBe(before + 1);
    expect(plain).toEqual(viaExpress);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['access-control-allow-origin']).toBe('https://partner.example.org');
    expect(plain.headers.etag).toBeNull();
    expect(plain.status).not.toBe(500);
  });

  it('a body over the limit is HTTP 413 (through express)', async () => {
    const res = await send(JSON.stringify({ query: `{ me { id } }${' '.repeat(BODY_LIMIT)}` }), 'application/json', {});
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('no CORS header for an origin that is not configured', async () => {
    const res = await send(JSON.stringify({ query: '{ __typename }' }), 'application/json', { origin: 'https://evil.example.net' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeNull();
  });
});
