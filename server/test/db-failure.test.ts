import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createApp, type App } from '../src/app';
import type { Config } from '../src/config';
import { ServiceUnavailableError } from '../src/common/errors';
import { logger } from '../src/common/logger';
import { openOrm, prepareDatabase } from '../src/db/database';
import { DEMO_PASSWORD } from '../src/db/seeders/demo.seeder';
import { deliveryEvents } from '../src/modules/delivery/outbox';
import { DELIVERY_QUEUE, startDeliveryQueue, type DeliveryQueue } from '../src/modules/delivery/queue';
import { startPostgresProcess, type PostgresProcess } from './helpers/postgres-process';
import { testConfig } from './helpers/test-server';
import { makeReachableTempDir } from './setup/test-database';

/**
 * A database failure under load (issue 9, item 5). Six clients (three members with `submitReport`,
 * three case workers with `createReport`) submit reports while the embedded PostgreSQL is stopped
 * and started again on the same data dir and port. Like real clients, they resend a report with the
 * SAME idempotency key until it is acknowledged, and now and then they "lose" an acknowledgement
 * and resend anyway. The server process and its ORM are never restarted.
 *
 * Afterwards: every acknowledged report is in the database exactly once (one row per
 * (creator, idempotency key)); every failure the clients saw was a clean SERVICE_UNAVAILABLE (HTTP
 * 503), never a hang, a dropped connection or a leaked driver message; /readyz reported the outage
 * and recovered; /healthz answered throughout; the pg-boss queue did not bring the process down.
 *
 * Nothing here measures time: every wait is for a condition, with a generous limit.
 */

const DATABASE = 'lantern';
const REPORT_FIELDS = 'id reference';
const SUBMIT = `mutation ($input: SubmitReportInput!) { submitReport(input: $input) { ${REPORT_FIELDS} } }`;
const CREATE = `mutation ($input: CreateReportInput!) { createReport(input: $input) { ${REPORT_FIELDS} } }`;
/** A client gives up on one report after this many attempts (the test then fails): bounded loops. */
const MAX_ATTEMPTS_PER_REPORT = 2_000;
/** A member may submit 20 reports an hour (rate limit); stay well below it. */
const MAX_REPORTS_PER_MEMBER = 10;
const MAX_REPORTS_PER_CASE_WORKER = 60;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `condition` holds, polling; fails with `what` after `limitMs` (generous, never a measurement). */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    const odd = clients.flatMap((c) => c.failures).find((f) => f.status !== 503 || f.code !== 'SERVICE_UNAVAILABLE');
    if (odd) throw new Error(`a client was answered with something other than SERVICE_UNAVAILABLE while waiting for ${what}: ${JSON.stringify(odd)}`);
    await sleep(25);
  }
}

interface Outcome {
  /** HTTP status, or 'no-response' when the request failed or never finished. */
  status: number | 'no-response';
  code?: string;
  message?: string;
}

interface Ack {
  key: string;
  id: string;
  reference: string;
  userId: string;
  attempts: number;
}

/** One client: submits reports one after another, resending each until it is acknowledged. */
class ReportClient {
  readonly acks: Ack[] = [];
  readonly failures: Outcome[] = [];
  /** Acknowledgements the client pretended not to receive (it resent the report, same key). */
  lostAcks = 0;
  /** Reports given up on (never acknowledged). */
  readonly abandoned: string[] = [];
  private triesSinceStop = 0;
  /** Reports acknowledged after `markRecovered()`. */
  acksAfterRecovery = 0;
  private recovered = false;
  private stopped = false;
  finished?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly kind: 'member' | 'case-worker',
    private readonly graphqlUrl: string,
    private readonly token: string,
    readonly userId: string,
    private readonly forceAreaId: string,
  ) {}

  start(): void {
    this.finished = this.run();
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.finished!;
  }

  markRecovered(): void {
    this.recovered = true;
  }

  private async run(): Promise<void> {
    const max = this.kind === 'member' ? MAX_REPORTS_PER_MEMBER : MAX_REPORTS_PER_CASE_WORKER;
    for (let n = 0; n < max && !this.stopped; n++) {
      const key = `${this.name}-${n}-${randomUUID()}`;
      // Every third report, the first acknowledgement is "lost" (a phone drops off the network
      // just as the answer arrives): the client must resend it with the same key.
      let loseNextAck = n % 3 === 1;
      for (let attempt = 1; ; attempt++) {
        // Bounded: a report still refused after this many tries (or 20 more once told to stop) is
        // abandoned, and the test fails on it.
        if (attempt > MAX_ATTEMPTS_PER_REPORT || (this.stopped && ++this.triesSinceStop > 20)) {
          this.abandoned.push(key);
          return;
        }
        const outcome = await this.send(key, n);
        if ('ack' in outcome) {
          if (loseNextAck) {
            loseNextAck = false;
            this.lostAcks++;
            continue;
          }
          this.acks.push({ key, id: outcome.ack.id, reference: outcome.ack.reference, userId: this.userId, attempts: attempt });
          if (this.recovered) this.acksAfterRecovery++;
          break;
        }
        this.failures.push(outcome);
        await sleep(Math.min(400, 25 * 2 ** Math.min(attempt, 5)));
      }
      await sleep(50);
    }
  }

  private async send(key: string, n: number): Promise<{ ack: { id: string; reference: string } } | Outcome> {
    const common = {
      idempotencyKey: key,
      forceAreaId: this.forceAreaId,
      incidentDate: '2026-03-01',
      incidentTypes: ['THREATS'],
      // One text per report (not per attempt): a report stored twice shows even without its key.
      narrative: `Outage drill report ${n} from ${this.name}.`,
      consent: { police: 'NONE', alerts: false },
    };
    const [query, input] = this.kind === 'member' ? [SUBMIT, common] : [CREATE, { ...common, channel: 'PHONE' }];
    let res: Response;
    let body: { data?: Record<string, { id: string; reference: string } | null> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      res = await fetch(this.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables: { input } }),
        // Generous: a request the server lets hang would end here, and count as a failure kind of its own.
        signal: AbortSignal.timeout(60_000),
      });
      body = (await res.json()) as typeof body;
    } catch (err) {
      return { status: 'no-response', message: String((err as Error).name) };
    }
    const made = body.data?.[this.kind === 'member' ? 'submitReport' : 'createReport'];
    if (res.status === 200 && made && !body.errors) return { ack: made };
    const first = body.errors?.[0];
    return { status: res.status, code: first?.extensions?.code, message: first?.message };
  }
}

/** Polls an endpoint until stopped, keeping every status it saw. */
class Poller {
  readonly statuses: (number | 'no-response')[] = [];
  private stopped = false;
  private done: Promise<void>;

  constructor(private readonly url: string) {
    this.done = this.run();
  }

  get last() {
    return this.statuses[this.statuses.length - 1];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const res = await fetch(this.url, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        this.statuses.push(res.status);
      } catch {
        this.statuses.push('no-response');
      }
      await sleep(25);
    }
  }
}

let dataDir: string;
let pg: PostgresProcess;
let port: number;
let orm: MikroORM;
let app: App;
let queue: DeliveryQueue;
let config: Config;
let base: string;
let clients: ReportClient[] = [];

beforeAll(async () => {
  logger.silence();
  dataDir = makeReachableTempDir('outage');
  pg = await startPostgresProcess(dataDir, DATABASE);
  port = pg.port;
  config = testConfig();
  orm = await openOrm(pg.url, { statementTimeoutMs: config.statementTimeoutMs });
  await prepareDatabase(orm, { demo: true, demoReports: false });
  // The alert e-mail queue runs on the same PostgreSQL, as in `pnpm start` with SMTP_URL set.
  queue = await startDeliveryQueue(orm, config, pg.url, async () => undefined);
  app = createApp({ orm, config });
  base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await queue?.stop();
  await orm?.close(true);
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`set-up request failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const login = async (email: string, password = DEMO_PASSWORD) =>
  (await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }', { e: email, p: password })).login as { token: string; user: { id: string } };

/** Three members (registered through the API) and three case workers (made by the admin). */
async function makeClients(): Promise<ReportClient[]> {
  const admin = (await login('admin@example.org')).token;
  const forces = (await gql('{ forces(perPage: 100) { nodes { id code } } }', {}, admin)).forces.nodes as { id: string; code: string }[];
  const kent = forces.find((f) => f.code === 'kent')!.id;
  const made: ReportClient[] = [];
  for (let i = 1; i <= 3; i++) {
    const reg = (
      await gql('mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token user { id } } }', {
        input: { email: `outage.member${i}@example.org`, password: 'member-password-1', pseudonym: `Member ${i}`, alertAreaIds: [kent], workSetting: 'ONLINE' },
      })
    ).registerMember;
    made.push(new ReportClient(`member${i}`, 'member', `${base}/graphql`, reg.token, reg.user.id, kent));
  }
  for (let i = 1; i <= 3; i++) {
    const email = `outage.caseworker${i}@example.org`;
    await gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: `Case worker ${i}`, password: 'case-worker-password-1', role: 'CASE_WORKER' } }, admin);
    const signedIn = await login(email, 'case-worker-password-1');
    made.push(new ReportClient(`caseworker${i}`, 'case-worker', `${base}/graphql`, signedIn.token, signedIn.user.id, kent));
  }
  return made;
}

it('reports submitted while PostgreSQL stops and starts again are all kept, none twice, and the same server recovers by itself', async () => {
  clients = await makeClients();
  const healthz = new Poller(`${base}/healthz`);
  const readyz = new Poller(`${base}/readyz`);
  try {
    await waitFor('/readyz to say ready before the drill', () => readyz.last === 200);
    clients.forEach((c) => c.start());
    await waitFor('every client to have two reports acknowledged', () => clients.every((c) => c.acks.length >= 2));

    // The outage: PostgreSQL stops (a fast shutdown, as pg_ctl stop -m fast: every session is cut).
    await pg.stop();
    const readyBefore = readyz.statuses.length;
    await waitFor('/readyz to report the outage', () => readyz.statuses.slice(readyBefore).some((s) => s === 503));
    const failuresBefore = clients.map((c) => c.failures.length);
    await waitFor('every client to see its submissions refused during the outage', () => clients.every((c, i) => c.failures.length >= failuresBefore[i] + 3));

    // The same data dir comes back on the same port; nothing in the server is restarted.
    pg = await startPostgresProcess(dataDir, DATABASE, port);
    const readyAfter = readyz.statuses.length;
    await waitFor('/readyz to recover', () => readyz.statuses.slice(readyAfter).some((s) => s === 200));
    clients.forEach((c) => c.markRecovered());
    await waitFor('every client to have two more reports acknowledged after the outage', () => clients.every((c) => c.acksAfterRecovery >= 2));
    await expectQueueWorking();
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    await healthz.stop();
    await readyz.stop();
  }

  const failures = clients.flatMap((c) => c.failures);
  const acks = clients.flatMap((c) => c.acks);
  expect(clients.flatMap((c) => c.abandoned)).toEqual([]);

  // Every failure a client saw was a clean, coded "try again later" (no hang, no 500, no driver text).
  expect(failures.length).toBeGreaterThan(0);
  expect(summarise(failures)).toEqual({ [`503 SERVICE_UNAVAILABLE ${new ServiceUnavailableError().message}`]: failures.length });
  // Acknowledgements were lost and the reports resent: the idempotency keys were put to work.
  expect(clients.reduce((n, c) => n + c.lostAcks, 0)).toBeGreaterThan(0);
  // Liveness never wavered; readiness went down and came back.
  expect(healthz.statuses.length).toBeGreaterThan(10);
  expect(new Set(healthz.statuses)).toEqual(new Set([200]));
  expect(readyz.statuses).toContain(503);
  expect(readyz.last).toBe(200);

  // Every acknowledged report is in the database, once.
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; reference: string; created_by_id: string; idempotency_key: string }>(
      "select id, reference, created_by_id, idempotency_key from report where narrative like 'Outage drill report %'",
    );
    // No report is there twice: by its text (one per report, whatever its key) and by its key.
    const { rows: sameText } = await db.query("select narrative, count(*)::int as n from report where narrative like 'Outage drill report %' group by narrative having count(*) > 1");
    expect(sameText).toEqual([]);
    const { rows: sameKey } = await db.query('select created_by_id, idempotency_key from report where idempotency_key is not null group by 1, 2 having count(*) > 1');
    expect(sameKey).toEqual([]);
    const stored = new Map(rows.map((r) => [`${r.created_by_id}|${r.idempotency_key}`, r]));
    for (const ack of acks) {
      expect(stored.get(`${ack.userId}|${ack.key}`)).toMatchObject({ id: ack.id, reference: ack.reference });
    }
    // ... and the database holds nothing the clients were not told about: each key they sent was acknowledged once.
    expect(rows.length).toBe(acks.length);
    expect(new Set(acks.map((a) => `${a.userId}|${a.key}`)).size).toBe(acks.length);
  } finally {
    await db.end();
  }
}, 300_000);

/** The alert e-mail queue (pg-boss) takes and finishes a job again: its worker survived the outage. */
async function expectQueueWorking(): Promise<void> {
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  try {
    const { rows: [{ now }] } = await db.query<{ now: Date }>('select now()');
    deliveryEvents.emit('enqueued');
    await waitFor('the delivery queue to finish a job sent after the outage', async () => {
      const { rows } = await db.query("select 1 from pgboss.job where name = $1 and state = 'completed' and created_on > $2", [DELIVERY_QUEUE, now]);
      return rows.length > 0;
    });
  } finally {
    await db.end();
  }
}

function summarise(items: { status: unknown; code?: string; message?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) {
    const k = `${i.status} ${i.code ?? ''} ${i.message ?? ''}`.trim();
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
