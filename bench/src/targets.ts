/**
 * The two targets of issue 8 that are not request rates:
 *  - publishing an alert to 100k subscribed members enqueues every delivery in < 10 s, through
 *    Lantern's API (createAlert, submitAlertForReview, approveAlert by a second manager,
 *    publishAlert timed), the deliveries counted in SQL;
 *  - `pnpm start` ready in < 15 s on an empty data dir (node scripts/start.mjs, fresh 0755 data
 *    dir, a free port, timed until /readyz answers 200).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import { REPO_ROOT } from './lantern';
import { spawnTracked, stopChild, waitForHttp } from './procs';

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (body.errors) throw new Error(`${query.split('(')[0].trim()}: ${JSON.stringify(body.errors).slice(0, 800)}`);
  return body.data;
}

export interface PublishResult {
  subscribers: number;
  deliveries: number;
  publishMs: number;
  /** The whole flow (create, submit, approve, publish). */
  flowMs: number;
}

export async function publishToSubscribers(
  url: string,
  db: Client,
  p: { caseWorkerToken: string; managerToken: string; secondManagerToken: string; alertArea: string; sourceReportId: string },
): Promise<PublishResult> {
  const { n: subscribers } = (
    await db.query<{ n: number }>(
      `select count(*)::int as n from member m where m.email_alerts and exists (select 1 from member_alert_area a where a.member_id = m.id and a.force_id = $1)`,
      [p.alertArea],
    )
  ).rows[0];
  const t0 = performance.now();
  const created = await graphql(url, p.caseWorkerToken, `mutation ($input: AlertInput!) { createAlert(input: $input) { id findings { code } } }`, {
    input: {
      title: 'Benchmark: a client to avoid',
      body: 'A member reports a client who became violent at a hotel. Please take care and meet new clients in safe places.',
      incidentTypes: ['VIOLENCE'],
      targetAreaIds: [p.alertArea],
      sourceReportIds: [p.sourceReportId],
      shownIdentifiers: [],
    },
  });
  const id: string = created.createAlert.id;
  const overrides = (created.createAlert.findings ?? []).map((f: { code: string }) => ({ code: f.code, reason: 'Checked by hand for the benchmark' }));
  await graphql(url, p.caseWorkerToken, `mutation ($id: ID!, $o: [OverrideInput!]!) { submitAlertForReview(id: $id, overrides: $o) { id status } }`, { id, o: overrides });
  await graphql(url, p.secondManagerToken, `mutation ($id: ID!) { approveAlert(id: $id) { id } }`, { id });
  const tp = performance.now();
  await graphql(url, p.managerToken, `mutation ($id: ID!) { publishAlert(id: $id) { id status } }`, { id });
  const publishMs = performance.now() - tp;
  const flowMs = performance.now() - t0;
  const { n: deliveries } = (await db.query<{ n: number }>(`select count(*)::int as n from alert_delivery where alert_id = $1`, [id])).rows[0];
  return { subscribers, deliveries, publishMs, flowMs };
}

export interface StartupResult {
  readyMs: number;
  /** How long the builds check (start.mjs's own, all fresh) took before the timed start. */
  buildCheckMs: number;
}

/**
 * `pnpm start` on an empty data dir. start.mjs first rebuilds whatever is older than its sources;
 * to time the start and not a build, it is run once before with an invalid PORT, so that it
 * builds what is stale (its own rule) and then stops at the configuration check.
 */
export async function timeStartup(tmpRoot: string, port: number, log: (s: string) => void): Promise<StartupResult> {
  // What a developer's `pnpm start` sees: none of the benchmark's production settings.
  const env = { ...process.env };
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'LANTERN_DEMO', 'JWT_SECRET', 'LANTERN_ENCRYPTION_KEY', 'LANTERN_DATA_DIR', 'PORT', 'HOST']) delete env[name];
  const tb = performance.now();
  const build = spawnTracked(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], { env: { ...env, PORT: 'not-a-port' }, name: 'start.mjs (build check)' });
  await new Promise<void>((resolve) => build.child.once('exit', () => resolve()));
  const buildCheckMs = performance.now() - tb;
  if (!/PORT/.test(build.tail())) throw new Error(`start.mjs build check did not reach the configuration check:\n${build.tail()}`);
  log(`  builds fresh (checked in ${(buildCheckMs / 1000).toFixed(1)} s)`);

  const dataDir = path.join(tmpRoot, 'start-data');
  mkdirSync(dataDir, { mode: 0o755 });
  const t0 = performance.now();
  const start = spawnTracked(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], {
    env: { ...env, LANTERN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    name: 'pnpm start',
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, start, 120_000, 50);
    return { readyMs: performance.now() - t0, buildCheckMs };
  } finally {
    // SIGTERM: the server stops its embedded PostgreSQL before exiting.
    await stopChild(start.child, 30_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
