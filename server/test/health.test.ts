import { createApp } from '../src/app';
import { Role } from '../src/policy/roles';
import { startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const base = () => server.url.replace(/\/graphql$/, '');

describe('health endpoints', () => {
  it('/healthz answers while the process is up', async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database', async () => {
    const res = await fetch(`${base()}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('sends security headers', async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('statement_timeout', () => {
  it('every request connection cancels a statement that runs past the configured limit', async () => {
    const limited = await startTestServer({ statementTimeoutMs: 300 });
    try {
      const conn = limited.orm.em.fork().getConnection();
      expect(await conn.execute('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
      await expect(conn.execute('select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      // The server still answers: the connection was not lost, only the statement.
      expect((await limited.gql('{ forces(perPage: 1) { totalCount } }', {}, await limited.tokenFor(Role.ADMIN))).data!.forces.totalCount).toBe(46);
    } finally {
      await limited.close();
    }
  });
});

describe('HTTP timeouts', () => {
  it('a client cannot hold a connection open by trickling its request', async () => {
    const s = await startTestServer();
    try {
      const app = createApp({ orm: s.orm, config: s.config });
      expect(app.httpServer.headersTimeout).toBe(15_000);
      expect(app.httpServer.requestTimeout).toBe(30_000);
    } finally {
      await s.close();
    }
  });
});

describe('CORS', () => {
  it('answers a browser only from the configured origins (none by default)', async () => {
    const s = await startTestServer({ corsOrigins: ['https://partner.example.org'] });
    try {
      const preflight = (origin: string) =>
        fetch(s.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
      const allowed = await preflight('https://partner.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const other = await preflight('https://evil.example.net');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const post = (origin: string) => fetch(s.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect((await post('https://partner.example.org')).headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
      expect((await post('https://evil.example.net')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.close();
    }
    const byDefault = await startTestServer();
    try {
      const res = await fetch(byDefault.url, { method: 'OPTIONS', headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await byDefault.close();
    }
  });
});
