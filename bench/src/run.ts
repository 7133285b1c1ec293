/**
 * `pnpm bench` (1M reports) and `pnpm bench --quick` (100k, short runs): Lantern side by side
 * with PostGraphile v4 and a raw-SQL server on the same embedded PostgreSQL, as in issue 8.
 *
 *  1. a fresh embedded PostgreSQL in a 0755 folder under the OS temp dir; Lantern's migrations,
 *     forces and demo accounts; the generated data (generate.ts); PostGraphile's helper schema;
 *  2. counting phase: the three servers behind a PostgreSQL wire-protocol proxy each (pg-proxy.ts):
 *     every query is checked for equal answers across the servers, then sent 20 times in a row
 *     and the statements counted; the SQL Lantern sends for Q1 and Q3 is EXPLAINed;
 *  3. load phase: the servers again, connected directly; autocannon at 1, 10 and 50 connections,
 *     warm-up then measured, servers interleaved, repeated in rounds;
 *  4. the publishing target (100k subscribers) through Lantern's API, then the start-up target;
 *  5. results as JSON in bench/results/ and as bench/RESULTS.md; everything stopped and removed.
 *
 * Options: --quick, --reports N, --rounds N, --warmup S, --duration S, --connections 1,10,50,
 * --queries Q1,Q3, --members N, --no-targets, --no-startup, --no-write (print, do not write files),
 * --lantern-dist DIR, --lantern-label TEXT (another build of the server, e.g. of a commit; default server/dist),
 * --serve (generate, start the three servers and keep them up for exploring by hand until Ctrl-C).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { generate, type GeneratedData } from './generate';
import { DEFAULT_SERVER_DIST, lanternModules, REPO_ROOT, type EmbeddedDatabase } from './lantern';
import { measure, Rotation, type Measurement } from './load';
import { startPgProxy, type PgProxy } from './pg-proxy';
import { cleanUp, onCleanup, spawnTracked, spawnTs, stopChild, waitForHttp, type Spawned } from './procs';
import { buildCall, floorCall, normalise, QUERIES, QUERY_TITLES, ROTATED, SERVERS, sizeOf, type QueryContext, type QueryName, type ServerName } from './queries';
import { renderResults, type BenchResults, type Explain, type StatementCount } from './report';
import { PGL_SCHEMA, RAW_SQL } from './sql';
import { publishToSubscribers, timeStartup, type PublishResult, type StartupResult } from './targets';

interface Options {
  mode: 'quick' | 'full';
  reports: number;
  checkMembers: number;
  alertMembers: number;
  rounds: number;
  warmupS: number;
  durationS: number;
  connections: number[];
  queries: QueryName[];
  targets: boolean;
  startup: boolean;
  write: boolean;
  serve: boolean;
  /** The Lantern build to run (its migrations, token signing and main.js). */
  lanternDist: string;
  /** What that build is, for the results (default: the commit, and whether server/ has local changes). */
  lanternLabel: string;
  countRequests: number;
}

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  };
  const quick = flag('quick');
  const num = (name: string, fallback: number) => (value(name) !== undefined ? Number(value(name)) : fallback);
  const options: Options = {
    mode: quick ? 'quick' : 'full',
    reports: num('reports', quick ? 100_000 : 1_000_000),
    checkMembers: num('members', quick ? 20_000 : 50_000),
    alertMembers: 100_000,
    rounds: num('rounds', quick ? 2 : 3),
    warmupS: num('warmup', quick ? 0.3 : 2),
    durationS: num('duration', quick ? 1 : 5),
    connections: (value('connections') ?? '1,10,50').split(',').map(Number),
    queries: (value('queries') ?? QUERIES.join(',')).split(',').map((q) => q.trim().toUpperCase()) as QueryName[],
    targets: !flag('no-targets'),
    startup: !flag('no-startup'),
    write: !flag('no-write'),
    serve: flag('serve'),
    lanternDist: path.resolve(value('lantern-dist') ?? DEFAULT_SERVER_DIST),
    lanternLabel: value('lantern-label') ?? workingTreeLabel(),
    countRequests: 20,
  };
  for (const q of options.queries) if (!QUERIES.includes(q)) throw new Error(`unknown query ${q}`);
  return options;
}

/** The commit of the checkout, and how many files under server/src differ from it. */
function workingTreeLabel(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const changed = git(['status', '--porcelain', '--', 'server/src']).split('\n').filter(Boolean).length;
    return `server/dist built from ${git(['rev-parse', '--short', 'HEAD'])}${changed ? ` + ${changed} uncommitted file(s) under server/src` : ''}`;
  } catch {
    return 'server/dist';
  }
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface RunningServer {
  name: ServerName;
  url: string;
  spawned: Spawned;
}

interface Secrets {
  jwtSecret: string;
  encryptionKey: string;
}

async function startServers(dbUrlFor: (s: ServerName) => string, secrets: Secrets, freePort: () => Promise<number>, lanternDist: string): Promise<RunningServer[]> {
  const base = { ...process.env };
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'LANTERN_DATA_DIR', 'LANTERN_DEMO', 'PORT', 'HOST', 'SMTP_URL', 'LANTERN_SUBGRAPH']) delete base[name];
  const servers: RunningServer[] = [];
  for (const name of SERVERS) {
    const port = await freePort();
    const env = { ...base, NODE_ENV: 'production', DATABASE_URL: dbUrlFor(name), PORT: String(port), HOST: '127.0.0.1' };
    const spawned =
      name === 'lantern'
        ? spawnTracked(process.execPath, [path.join(lanternDist, 'main.js')], {
            env: { ...env, JWT_SECRET: secrets.jwtSecret, LANTERN_ENCRYPTION_KEY: secrets.encryptionKey, LANTERN_DEMO: '0' },
            name,
          })
        : spawnTs(`servers/${name}.ts`, env, name);
    servers.push({ name, url: `http://127.0.0.1:${port}/graphql`, spawned });
  }
  await Promise.all(servers.map((s) => waitForHttp(s.url.replace('/graphql', '/readyz'), s.spawned)));
  return servers;
}

async function post(url: string, call: { body: string; headers: Record<string, string> }): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: call.headers, body: call.body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 600)}`);
  return text;
}

/** Asks every server the same question and fails loudly when the answers differ. */
async function verify(servers: RunningServer[], ctx: QueryContext, queries: QueryName[], rotations: Record<QueryName, Rotation>) {
  const checked: { query: QueryName; samples: number; rows: number; error?: string }[] = [];
  for (const q of queries) {
    const samples = ROTATED.has(q) ? 5 : 1;
    try {
      const rows = await compare(servers, ctx, q, samples, rotations[q]);
      checked.push({ query: q, samples, rows });
      log(`  ${q}: the three servers agree (${samples} request${samples > 1 ? 's' : ''}, ${rows} rows)`);
    } catch (err) {
      // Loud, but the other queries are still measured; the run exits with an error at the end.
      const message = (err as Error).message;
      checked.push({ query: q, samples, rows: 0, error: message });
      log(`  ${q}: FAILED, not measured:\n${message.replace(/^/gm, '    ')}`);
    }
  }
  return checked;
}

async function compare(servers: RunningServer[], ctx: QueryContext, q: QueryName, samples: number, rotation: Rotation): Promise<number> {
  let rows = 0;
  for (let s = 0; s < samples; s++) {
    const i = rotation.next();
    const answers = await Promise.all(
      servers.map(async (srv) => {
        const text = await post(srv.url, buildCall(q, srv.name, ctx, i));
        try {
          return { srv: srv.name, data: normalise(q, srv.name, text) };
        } catch (err) {
          throw new Error(`${(err as Error).message}\n--- ${srv.name}'s last output:\n${srv.spawned.tail().slice(-3000)}`);
        }
      }),
    );
    const [first, ...rest] = answers;
    for (const other of rest) {
      const a = JSON.stringify(first.data);
      const b = JSON.stringify(other.data);
      if (a !== b) {
        const at = [...a].findIndex((ch, k) => ch !== b[k]);
        throw new Error(
          `${q}: ${first.srv} and ${other.srv} answer different data (request ${i}). First difference at character ${at}:\n` +
            `  ${first.srv}: ...${a.slice(Math.max(0, at - 200), at + 200)}\n  ${other.srv}: ...${b.slice(Math.max(0, at - 200), at + 200)}`,
        );
      }
    }
    rows += sizeOf(first.data);
  }
  if (rows === 0 && q !== 'Q6') throw new Error(`${q}: every server answered no rows; the check would prove nothing`);
  return rows;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  log(`Lantern benchmark (${options.mode}): ${options.reports.toLocaleString('en-GB')} reports, ${options.rounds} rounds of ${options.durationS} s (+${options.warmupS} s warm-up), connections ${options.connections.join('/')}`);
  const L = lanternModules(options.lanternDist);
  if (options.lanternDist !== DEFAULT_SERVER_DIST) log(`Lantern build: ${options.lanternDist}`);

  // A 0755 folder: the embedded PostgreSQL runs as the postgres user and must traverse it.
  const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  chmodSync(tmpRoot, 0o755);
  onCleanup(() => rmSync(tmpRoot, { recursive: true, force: true }));
  const dataDir = path.join(tmpRoot, 'db');
  mkdirSync(dataDir, { mode: 0o755 });

  let t = performance.now();
  let db: EmbeddedDatabase = await L.startEmbeddedPostgres(dataDir, { database: 'lantern_bench' });
  {
    // Settings for a server with this much memory (the defaults are for a 128 MB machine); they
    // apply to all three servers alike.
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(`alter system set shared_buffers = '1GB'`);
    await c.query(`alter system set effective_cache_size = '4GB'`);
    await c.query(`alter system set max_wal_size = '4GB'`);
    await c.query(`alter system set work_mem = '16MB'`);
    await c.end();
    await db.stop();
    db = await L.startEmbeddedPostgres(dataDir, { database: 'lantern_bench' });
  }
  let dbStopped = false;
  const stopDb = async () => {
    if (dbStopped) return;
    dbStopped = true;
    await db.stop();
  };
  onCleanup(stopDb);
  log(`PostgreSQL started in ${secs(performance.now() - t)} (${dataDir})`);

  t = performance.now();
  const orm = await L.openOrm(db.url);
  await L.prepareDatabase(orm, { demo: true, demoReports: false });
  await orm.close(true);
  log(`Lantern migrations + forces + demo accounts in ${secs(performance.now() - t)}`);

  const client = new Client({ connectionString: db.url });
  // PostgreSQL going away at clean-up must not crash the clean-up.
  client.on('error', (err) => process.stderr.write(`database connection: ${err.message}\n`));
  await client.connect();
  onCleanup(() => client.end());
  log(`Generating data...`);
  const gen: GeneratedData = await generate(client, { reports: options.reports, checkMembers: options.checkMembers, alertMembers: options.alertMembers, log });
  log(`Data generated in ${secs(gen.timings.total)}: ${JSON.stringify(gen.counts)}`);
  await client.query(PGL_SCHEMA);
  // Production requires two-factor sign-in of admins and police partners. The benchmark signs its
  // tokens itself and never signs in, so their accounts are marked enrolled (the secret is never read).
  await client.query(`update app_user set two_factor_enabled_at = now(), totp_secret_encrypted = 'bench: never read' where role in ('ADMIN', 'POLICE_PARTNER')`);

  const secrets: Secrets = { jwtSecret: randomBytes(48).toString('base64url'), encryptionKey: randomBytes(32).toString('base64') };
  const ttl = 12 * 3600;
  const sign = async (sub: string) => (await L.signToken({ sub, tv: 0 }, secrets.jwtSecret, ttl)).token;
  t = performance.now();
  const tokens = {
    caseWorker: await sign(gen.accounts.caseWorker),
    manager: await sign(gen.accounts.manager),
    secondManager: await sign(gen.accounts.secondManager),
    policeAvon: await sign(gen.accounts.policeAvon),
    members: await Promise.all(gen.checkMemberUserIds.map(sign)),
  };
  log(`Signed ${tokens.members.length + 4} tokens in ${secs(performance.now() - t)}`);
  const ctx: QueryContext = {
    avon: gen.forces.avon,
    status: 'TRIAGED',
    financialYear: gen.financialYear,
    financialYearBounds: gen.financialYearBounds,
    reportIds: gen.reportIds,
    checkValues: gen.checkValues,
    tokens,
  };
  if (options.serve) {
    // Keep a data set and the three servers up for exploring by hand, until Ctrl-C.
    const running = await startServers(() => db.url, secrets, L.freePort, options.lanternDist);
    const file = path.join(tmpRoot, 'serve.json');
    writeFileSync(file, JSON.stringify({ databaseUrl: db.url, servers: Object.fromEntries(running.map((s) => [s.name, s.url])), tokens: { ...tokens, members: tokens.members.slice(0, 50) }, avon: gen.forces.avon, reportIds: gen.reportIds.slice(0, 10), checkValues: gen.checkValues.slice(0, 10) }, null, 1));
    log(`\nServing until Ctrl-C; URLs and tokens in ${file}`);
    await new Promise(() => undefined);
  }
  const rotations = Object.fromEntries(QUERIES.map((q) => [q, new Rotation()])) as Record<QueryName, Rotation>;
  const dbUrl = new URL(db.url);

  // ---- Counting phase: each server behind its own counting proxy --------------------------
  log(`\nCounting phase (each server behind a PostgreSQL protocol proxy)`);
  const proxies = {} as Record<ServerName, PgProxy>;
  for (const s of SERVERS) proxies[s] = await startPgProxy({ host: dbUrl.hostname, port: Number(dbUrl.port) });
  onCleanup(() => Promise.all(SERVERS.map((s) => proxies[s].close())).then(() => undefined));
  const viaProxy = (s: ServerName) => {
    const u = new URL(db.url);
    u.port = String(proxies[s].port);
    return u.toString();
  };
  let servers = await startServers(viaProxy, secrets, L.freePort, options.lanternDist);
  const verification = await verify(servers, ctx, options.queries, rotations);
  const failed = new Set(verification.filter((v) => v.error).map((v) => v.query));
  const measured = () => options.queries.filter((q) => !failed.has(q));
  const statements: StatementCount[] = [];
  const explains: Explain[] = [];
  const lanternStatements: Record<string, string[]> = {};
  for (const q of measured()) {
    for (const srv of servers) {
      const proxy = proxies[srv.name];
      // One request with the statements logged (for EXPLAIN), then N counted.
      if (srv.name === 'lantern') {
        proxy.reset({ logStatements: true });
        await post(srv.url, buildCall(q, srv.name, ctx, rotations[q].next()));
        await new Promise((r) => setTimeout(r, 100));
        lanternStatements[q] = proxy.log.map((st) => (st.text.length > 400 ? `${st.text.slice(0, 400)}...` : st.text));
        const reportSelects = q === 'Q1' || q === 'Q3' ? proxy.log.filter((s) => /^\s*select/i.test(s.text) && /"report"|\breport\b/.test(s.text)) : [];
        for (const st of reportSelects) {
          const plan = await client.query(`explain (analyze, buffers) ${st.text}`, st.params);
          explains.push({ query: q, server: srv.name, sql: st.text, params: st.params, plan: plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') });
        }
      }
      await new Promise((r) => setTimeout(r, 100));
      proxy.reset();
      for (let k = 0; k < options.countRequests; k++) await post(srv.url, buildCall(q, srv.name, ctx, rotations[q].next()));
      await new Promise((r) => setTimeout(r, 200));
      const c = { ...proxy.counts };
      statements.push({ query: q, server: srv.name, requests: options.countRequests, simple: c.simple, execute: c.execute, perRequest: c.total / options.countRequests });
      log(`  ${q} ${srv.name.padEnd(12)} ${(c.total / options.countRequests).toFixed(2)} statements/request (${c.simple} simple + ${c.execute} extended over ${options.countRequests} requests)`);
    }
  }
  // The raw server's plans, for comparison with Lantern's.
  for (const q of ['Q1', 'Q3'] as const) {
    if (!measured().includes(q)) continue;
    const params = q === 'Q1' ? [ctx.avon, ctx.status] : [ctx.avon];
    const plan = await client.query(`explain (analyze, buffers) ${RAW_SQL[q].text}`, params);
    explains.push({ query: q, server: 'raw', sql: RAW_SQL[q].text, params, plan: plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') });
  }
  await Promise.all(servers.map((s) => stopChild(s.spawned.child)));

  // ---- Load phase: direct connections ------------------------------------------------------
  log(`\nLoad phase`);
  servers = await startServers(() => db.url, secrets, L.freePort, options.lanternDist);
  for (const v of await verify(servers, ctx, measured(), rotations)) {
    if (v.error) {
      failed.add(v.query);
      verification.push(v);
    }
  }
  const measurements: Measurement[] = [];
  // After a run: the statements of requests autocannon abandoned at the end are given 2 s to
  // finish, then cancelled (their answers would go nowhere, and they would slow the next run
  // down); then the server must answer its readiness probe (its event loop is free again).
  let cancelledStatements = 0;
  const settle = async (srv: RunningServer): Promise<number> => {
    const t0 = performance.now();
    const busy = `from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    // A server may hold a queue of abandoned requests and keep sending statements: idle means
    // idle for 3 polls in a row (150 ms), within at most 2 minutes.
    for (let idle = 0; idle < 3; ) {
      const { n } = (await client.query<{ n: number }>(`select count(*)::int as n ${busy}`)).rows[0];
      idle = n === 0 ? idle + 1 : 0;
      if (performance.now() - t0 > 120_000) break;
      if (performance.now() - t0 > 2_000) {
        const { c } = (await client.query<{ c: number }>(`select count(*) filter (where pg_cancel_backend(pid))::int as c ${busy}`)).rows[0];
        cancelledStatements += c;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await fetch(srv.url.replace('/graphql', '/readyz')).catch(() => undefined);
    return performance.now() - t0;
  };
  const loadSamples: { at: string; loadavg: number[] }[] = [];
  const floor: Measurement[] = [];
  const floorRotation = new Rotation();
  const tLoad = performance.now();
  for (let round = 1; round <= options.rounds; round++) {
    for (const [qi, q] of measured().entries()) {
      for (const [ci, connections] of options.connections.entries()) {
        // Interleaved: the order of the servers turns with every run.
        const shift = (round + qi + ci) % servers.length;
        const order = [...servers.slice(shift), ...servers.slice(0, shift)];
        for (const srv of order) {
          const m = await measure(
            { url: srv.url, call: (i) => buildCall(q, srv.name, ctx, i), rotated: ROTATED.has(q) },
            { query: q, server: srv.name, connections, round, warmupS: options.warmupS, durationS: options.durationS, rotation: rotations[q], settle: () => settle(srv) },
          );
          measurements.push(m);
          const errs = m.non2xx + m.errors + m.timeouts + m.bodyErrors;
          log(
            `  r${round} ${q} c${String(connections).padEnd(3)} ${srv.name.padEnd(12)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.latency.p50} p90 ${m.latency.p90} p99 ${m.latency.p99} ms` +
              (m.settleMs && m.settleMs > 500 ? `  (database busy ${secs(m.settleMs)} after)` : '') +
              (errs ? `  ERRORS ${errs}: ${m.firstError ?? ''}`.slice(0, 300) : ''),
          );
        }
        loadSamples.push({ at: new Date().toISOString(), loadavg: os.loadavg() });
      }
    }
    // Q6's floor, once a round at 10 connections: the cheapest signed-in request (see floorCall).
    const lantern = servers.find((s) => s.name === 'lantern');
    if (lantern && measured().includes('Q6') && options.connections.includes(10)) {
      const m = await measure(
        { url: lantern.url, call: (i) => floorCall(ctx, i), rotated: true },
        { query: 'floor', server: 'lantern', connections: 10, round, warmupS: options.warmupS, durationS: options.durationS, rotation: floorRotation, settle: () => settle(lantern) },
      );
      floor.push(m);
      log(`  r${round} floor c10  lantern      ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.latency.p50} p90 ${m.latency.p90} p99 ${m.latency.p99} ms  ({ me { id } } by members)`);
    }
  }
  log(`Load phase took ${secs(performance.now() - tLoad)}`);

  // ---- The other targets ---------------------------------------------------------------------
  let publish: PublishResult | undefined;
  if (options.targets) {
    log(`\nPublishing an alert to ${options.alertMembers.toLocaleString('en-GB')} subscribers through Lantern`);
    const lantern = servers.find((s) => s.name === 'lantern')!;
    publish = await publishToSubscribers(lantern.url, client, {
      caseWorkerToken: tokens.caseWorker,
      managerToken: tokens.manager,
      secondManagerToken: tokens.secondManager,
      alertArea: gen.forces.alertArea,
      sourceReportId: gen.alertSourceReportId,
    });
    log(`  publishAlert took ${secs(publish.publishMs)}; ${publish.deliveries.toLocaleString('en-GB')} deliveries for ${publish.subscribers.toLocaleString('en-GB')} subscribers`);
  }
  const pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
  const accessEvents = (await client.query<{ n: number }>('select count(*)::int as n from access_event')).rows[0].n;
  await Promise.all(servers.map((s) => stopChild(s.spawned.child)));
  await client.end();
  await stopDb();

  let startup: StartupResult | undefined;
  if (options.startup) {
    log(`\npnpm start on an empty data dir`);
    startup = await timeStartup(tmpRoot, await L.freePort(), log);
    log(`  ready in ${secs(startup.readyMs)}`);
  }

  const results: BenchResults = {
    version: 1,
    mode: options.mode,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      ramGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      loadavgAtStart: loadAtStart,
    },
    versions: versions(pgVersion),
    options: { ...options },
    dataset: { reports: gen.reports, counts: gen.counts, generationTimings: gen.timings, financialYear: gen.financialYear },
    queries: Object.fromEntries(options.queries.map((q) => [q, QUERY_TITLES[q]])),
    verification,
    statements,
    explains,
    lanternStatements,
    measurements,
    floor,
    loadSamples,
    accessEventsWritten: accessEvents,
    cancelledStatements,
    q6ChecksSent: rotations.Q6.used,
    targets: { publish, startup },
  };
  const stamp = started.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const markdown = renderResults(results);
  if (options.write) {
    const dir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${stamp}-${options.mode}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(path.join(REPO_ROOT, 'bench', 'RESULTS.md'), markdown);
    log(`\nResults: ${path.relative(REPO_ROOT, file)} and bench/RESULTS.md`);
  } else {
    log(markdown);
  }
  if (failed.size) throw new Error(`the servers did not agree on ${[...failed].join(', ')} (not measured; see above and RESULTS.md)`);
}

const loadAtStart = os.loadavg();

function versions(postgres: string): Record<string, string> {
  // The installed package.json of a dependency (some packages do not export it: read the file).
  const pkg = (dir: string, name: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  const server = path.join(REPO_ROOT, 'server');
  const bench = path.join(REPO_ROOT, 'bench');
  return {
    node: process.versions.node,
    postgres,
    postgraphile: pkg(bench, 'postgraphile'),
    autocannon: pkg(bench, 'autocannon'),
    pg: pkg(bench, 'pg'),
    '@apollo/server': pkg(server, '@apollo/server'),
    graphql: pkg(server, 'graphql'),
    '@mikro-orm/core': pkg(server, '@mikro-orm/core'),
    'type-graphql': pkg(server, 'type-graphql'),
    'graphql-shield': pkg(server, 'graphql-shield'),
  };
}

main()
  .then(() => cleanUp())
  .catch(async (err: unknown) => {
    process.stderr.write(`\nBenchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    await cleanUp();
    process.exit(1);
  });
