import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from './helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');
const MEMBER = path.join(ROOT, 'member');
/** The members' page must stay light: all of its script, gzipped, under this. */
const SCRIPT_BUDGET = 150 * 1024;

let server: TestServer;
let work: string;
let memberDir: string;
let base: string;

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lantern-member-'));
  memberDir = path.join(work, 'member');
  // A fresh build of the page's current sources, into a folder of its own (never member/dist,
  // which a running server or another build may be using).
  const vite = path.join(MEMBER, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', memberDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: MEMBER, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the members' page did not build:\n${built.stdout}\n${built.stderr}`);
  // A stand-in dashboard, to show that its fallback never answers under /member/.
  const dashboardDir = path.join(work, 'dashboard');
  mkdirSync(dashboardDir);
  writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>dashboard</title><div id="dashboard"></div>');
  server = await startTestServer({ memberDir, dashboardDir });
  base = server.url.replace(/\/graphql$/, '');
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const html = (url: string) => fetch(`${base}${url}`, { headers: { accept: 'text/html' }, redirect: 'manual' });

describe('the members’ page at /member/', () => {
  it('serves the built page with a strict content security policy and no caching', async () => {
    const res = await html('/member/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const body = await res.text();
    expect(body).toContain('<div id="root"></div>');
    expect(body).toContain('Lantern for members');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('has no inline script or style, and loads its files only from /member/assets/', async () => {
    const body = await (await html('/member/')).text();
    expect(body).not.toMatch(/<style/i);
    const scripts = [...body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/member\/assets\/[^"]+\.js"/);
    const urls = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url).toMatch(/^\/member\/assets\//);
    for (const url of urls) {
      const res = await fetch(`${base}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
    }
  });

  it('answers its client-side routes with the page (SPA fallback), never with the dashboard', async () => {
    const index = await (await html('/member/')).text();
    for (const route of ['/member/sign-in', '/member/report', '/member/reports/6f1c2a8e-0000-4000-8000-000000000000', '/member/anything/else']) {
      const res = await html(route);
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      expect(await res.text()).toBe(index);
    }
    // The dashboard keeps `/` and its own routes.
    expect(await (await html('/')).text()).toContain('id="dashboard"');
    expect(await (await html('/some/dashboard/route')).text()).toContain('id="dashboard"');
    expect(await (await html('/membership')).text()).toContain('id="dashboard"');
  });

  it('redirects /member to /member/, and a missing file is a 404, not the page', async () => {
    const res = await html('/member');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/member/');
    const missing = await fetch(`${base}/member/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
    const notHtml = await fetch(`${base}/member/nothing.json`, { headers: { accept: 'application/json' } });
    expect(notHtml.status).toBe(404);
  });

  it('keeps /graphql and the health checks working beside it', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const res = await server.gql('{ __typename }');
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it(`keeps all of its script under ${SCRIPT_BUDGET / 1024} KB gzipped`, () => {
    const scripts = filesUnder(memberDir).filter((f) => /\.m?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    expect(total).toBeLessThan(SCRIPT_BUDGET);
  });
});

describe('without a built members’ page', () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startTestServer({ memberDir: path.join(os.tmpdir(), 'lantern-no-such-member-dir') });
  });
  afterAll(() => bare?.close());

  it('says how to build it', async () => {
    const res = await fetch(`${bare.url.replace(/\/graphql$/, '')}/member/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/pnpm build/);
  });
});
