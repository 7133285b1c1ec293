import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makeDataDir, signalServer, startServer } from '../support/server';

const LOGIN = 'mutation { login(email: "admin@example.org", password: "demo-password-1") { token } }';

async function gql(url: string, query: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: any; errors?: any[] };
}

describe('pnpm start', () => {
  const dataDir = makeDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API, the dashboard and health on one port, stops cleanly on SIGTERM and keeps its data', async () => {
    const first = await startServer(dataDir);
    try {
      expect(first.output()).toContain('Demo accounts (password "demo-password-1")');
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // A client-side route of the dashboard is served the same page.
      expect((await fetch(`${first.url}/users`, { headers: { accept: 'text/html' } })).status).toBe(200);
      expect((await gql(first.url, LOGIN)).data.login.token).toEqual(expect.any(String));
    } finally {
      expect(await signalServer(first, 'SIGTERM')).toBe(0);
    }
    // PostgreSQL was shut down, not abandoned: no postmaster.pid is left behind.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // A second start reuses the same database and secrets: the same account signs in.
    const second = await startServer(dataDir);
    try {
      expect((await gql(second.url, LOGIN)).data.login.token).toEqual(expect.any(String));
    } finally {
      expect(await signalServer(second, 'SIGINT')).toBe(0);
    }
  });
});
