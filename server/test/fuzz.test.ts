/**
 * Schema-driven fuzzing (issue 9): 10,000 operations generated from the server's own GraphQLSchema
 * (valid and invalid arguments, odd unicode, huge strings, deep selections, aliases, fragments,
 * variables and literals, real and random ids, broken documents and requests), each sent over real
 * HTTP as one of ADMIN, MANAGER, CASE_WORKER, POLICE_PARTNER of Kent and of Avon, two members, an
 * anonymous caller and a bad token, to one server with production error handling. Every response
 * is checked by test/fuzz/oracle.ts: no 5xx, a well-formed GraphQL response, known error codes and
 * nothing internal in them, and nothing the access policy keeps from that viewer.
 *
 * Deterministic: FUZZ_SEED (default below) and FUZZ_RUNS (default 10,000) are printed on failure.
 * FUZZ_COLLECT=1 runs every operation and reports all problems grouped; FUZZ_SHRINK=1 lets
 * fast-check shrink a failure (slow: the database keeps changing under it); FUZZ_TRACE=<root field>
 * prints every operation on that field with its answer; FUZZ_LOG=<file> logs every operation.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { buildLanternSchema } from '../src/schema';
import { generateOperation, VIEWERS, type Operation, type ViewerKey } from './fuzz/generate';
import { checkCanaries, checkErrors, checkPolicy, checkShape, collect, viewerFacts, type HttpResult, type Problem } from './fuzz/oracle';
import { Rand } from './fuzz/random';
import { createWorld, type World } from './fuzz/world';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const COLLECT = process.env.FUZZ_COLLECT === '1';
const SHRINK = process.env.FUZZ_SHRINK === '1';
/** FUZZ_TRACE=createReport prints every operation on that root field with its answer (to tune the generator). */
const TRACE = process.env.FUZZ_TRACE;
/** FUZZ_LOG=<file> appends one line per operation and what each root field answered (to compare two runs). */
const LOG = process.env.FUZZ_LOG;

jest.setTimeout(15 * 60_000);

let world: World;
let schema: GraphQLSchema;
beforeAll(async () => {
  world = await createWorld();
  schema = buildLanternSchema();
});
afterAll(async () => {
  await world?.close();
});

async function send(op: Operation): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (op.viewer === 'BAD_TOKEN') headers.authorization = op.badAuthorization!;
  else if (world.tokens[op.viewer]) headers.authorization = `Bearer ${world.tokens[op.viewer]}`;
  const url = world.server.url;
  let res: Response;
  if (op.transport.kind === 'raw') {
    res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': op.transport.contentType }, body: op.transport.body });
  } else if (op.transport.kind === 'get' && getUrl(op).length < 8000) {
    // (Longer URLs meet Node's 16 KB header limit: HTTP 431 before the application sees them.)
    res = await fetch(getUrl(op), { headers: { ...headers, 'apollo-require-preflight': 'true' } });
  } else {
    res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables, operationName: op.operationName }) });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

function getUrl(op: Operation): string {
  const u = new URL(world.server.url);
  u.searchParams.set('query', op.query);
  if (Object.keys(op.variables).length) u.searchParams.set('variables', JSON.stringify(op.variables));
  if (op.operationName) u.searchParams.set('operationName', op.operationName);
  return u.toString();
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

function describeFailure(run: number, op: Operation, res: HttpResult, problems: Problem[]): string {
  const vars = JSON.stringify(op.variables, (_k, v) => (typeof v === 'string' ? cut(v, 200) : v));
  return [
    `fuzz run ${run} (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS}) as ${op.viewer}${op.broken ? `, broken on purpose: ${op.broken}` : ''}${op.transport.kind !== 'json' ? `, transport: ${op.transport.kind === 'raw' ? op.transport.what : op.transport.kind}` : ''}`,
    ...problems.map((p) => `  ${p.kind}: ${p.detail}`),
    `query: ${cut(op.query, 3000)}`,
    `variables: ${cut(vars, 3000)}`,
    `operationName: ${op.operationName ?? '-'}`,
    `response: HTTP ${res.status} ${cut(res.text, 3000)}`,
  ].join('\n');
}

interface Stats {
  byViewer: Record<string, { ops: number; data: number; statuses: Record<number, number>; codes: Record<string, number> }>;
  rootFields: Record<string, { ops: number; data: number }>;
  /** viewer -> type -> objects received. */
  objects: Record<string, Record<string, number>>;
  huge: number;
  broken: number;
  raw: number;
  deep: number;
  healed: number;
  ms: { generate: number; send: number; check: number };
  slowest: [number, string][];
}

describe('fuzzing the GraphQL API from its schema', () => {
  it(`answers ${RUNS} generated operations, as every role, without a 5xx, a leak or a policy breach`, async () => {
    const stats: Stats = { byViewer: {}, rootFields: {}, objects: {}, huge: 0, broken: 0, raw: 0, deep: 0, healed: 0, ms: { generate: 0, send: 0, check: 0 }, slowest: [] };
    const collected: string[] = [];
    const digest = createHash('sha256');
    let run = 0;

    const property = fc.asyncProperty(fc.gen(), async (g) => {
      run++;
      const t0 = Date.now();
      const op = generateOperation(new Rand(g), schema, world.pools);
      const t1 = Date.now();
      const res = await send(op);
      const t2 = Date.now();
      stats.ms.generate += t1 - t0;
      stats.ms.send += t2 - t1;
      stats.slowest.push([t2 - t1, `${op.viewer} ${op.roots.map((r) => r.field).join('+')}`]);
      if (stats.slowest.length > 20) stats.slowest = stats.slowest.sort((a, b) => b[0] - a[0]).slice(0, 5);
      const account = op.viewer === 'ANONYMOUS' || op.viewer === 'BAD_TOKEN' ? undefined : world.accounts[op.viewer];
      const viewer = await viewerFacts(world.db, op.viewer, account?.id);
      const objects = (stats.objects[op.viewer] ??= {});
      const problems = [
        ...checkShape(res),
        ...checkErrors(res, op),
        ...(await checkPolicy(world.db, viewer, op, res, (f) => {
          objects[f.type] = (objects[f.type] ?? 0) + 1;
        })),
        ...(await checkCanaries(world.db, viewer, res, world.canaryReports, world.memberIds)),
      ];
      record(stats, op, res);
      // The same seed makes the same operations, printed as a digest to compare runs. Strings count
      // by their length only: ids and cursors are the database's, and differ from run to run.
      const line = `${op.viewer} ${op.query.replace(/"(?:[^"\\]|\\.)*"/g, (m) => `"${m.length}"`)} ${JSON.stringify(op.variables, (_k, v) => (typeof v === 'string' ? v.length : v))}`;
      digest.update(line);
      if (LOG) {
        const body = res.body as { data?: Record<string, unknown> | null; errors?: { path?: unknown[]; extensions?: { code?: string } }[] } | undefined;
        const summary = op.roots.map((r) => `${r.key}:${body?.data?.[r.key] == null ? 'null' : 'data'}:${(body?.errors ?? []).filter((e) => e.path?.[0] === r.key).map((e) => e.extensions?.code).sort().join('/')}`).join(' ');
        appendFileSync(LOG, `${run} ${op.viewer} ${JSON.stringify(op.query).slice(0, 200)} => ${res.status} ${summary}\n`);
      }
      if (TRACE && op.roots.some((r) => r.field === TRACE)) console.log(describeFailure(run, op, res, []));
      harvest(op, res);
      if (op.kind === 'mutation' || op.transport.kind !== 'json') stats.healed += (await world.heal()).length;
      if (run % 1000 === 0) await world.pools.refresh();
      stats.ms.check += Date.now() - t2;
      if (problems.length) {
        const message = describeFailure(run, op, res, problems);
        if (!COLLECT) throw new Error(message);
        collected.push(message);
      }
    });

    const started = Date.now();
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: !SHRINK, verbose: 0 });
    printStats(stats, Date.now() - started, digest.digest('hex').slice(0, 16));
    if (collected.length) {
      const file = path.join(os.tmpdir(), `lantern-fuzz-${SEED}.txt`);
      writeFileSync(file, collected.join('\n\n'));
      throw new Error(`${collected.length} of ${RUNS} operations broke a property (FUZZ_SEED=${SEED}; every one in ${file}):\n\n${summarise(collected)}`);
    }

    if (RUNS >= 5000) {
      // The generator must actually reach the surface, or the properties above prove little.
      const roots = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
      expect(roots.filter((f) => !stats.rootFields[f])).toEqual([]);
      // (Anonymous callers get data only by signing in or registering, both rate-limited.)
      for (const v of VIEWERS.filter((x) => x !== 'BAD_TOKEN')) expect({ v, data: stats.byViewer[v].data > (v === 'ANONYMOUS' ? 0 : 20) }).toEqual({ v, data: true });
      for (const v of ['POLICE_KENT', 'POLICE_AVON', 'MEMBER', 'MEMBER_RIVER', 'CASE_WORKER', 'MANAGER'] as ViewerKey[]) expect({ v, reports: (stats.objects[v]?.Report ?? 0) > 0 }).toEqual({ v, reports: true });
      expect(stats.objects.CASE_WORKER?.Member ?? 0).toBeGreaterThan(0);
      expect(stats.objects.POLICE_KENT?.FundingRecord ?? 0).toBeGreaterThan(0);
      expect(stats.huge).toBeGreaterThan(20);
      expect(stats.broken + stats.raw).toBeGreaterThan(100);
      expect(stats.deep).toBeGreaterThan(100);
    }
  });
});

function record(stats: Stats, op: Operation, res: HttpResult): void {
  const v = (stats.byViewer[op.viewer] ??= { ops: 0, data: 0, statuses: {}, codes: {} });
  v.ops++;
  v.statuses[res.status] = (v.statuses[res.status] ?? 0) + 1;
  const body = res.body as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | undefined;
  const hasData = !!body?.data && Object.values(body.data).some((x) => x !== null);
  if (hasData) v.data++;
  for (const e of body?.errors ?? []) {
    const code = String(e?.extensions?.code);
    v.codes[code] = (v.codes[code] ?? 0) + 1;
  }
  for (const root of op.roots) {
    const r = (stats.rootFields[root.field] ??= { ops: 0, data: 0 });
    r.ops++;
    const own = (body?.errors ?? []).filter((e) => (e as { path?: unknown[] }).path?.[0] === root.key).map((e) => e.extensions?.code);
    const answered = body?.data?.[root.key] !== null && body?.data?.[root.key] !== undefined;
    if (answered) r.data++;
    // The generator learns which fields this viewer gets past the policy on (data, or an error about
    // the input), and asks them more often: deep paths need real answers. (When a non-null root
    // field fails, the whole answer is null and only the first root to fail reports its error: which
    // one is a race, so such answers teach nothing, or runs with one seed would differ.)
    const settled = op.roots.length === 1 || (body?.data !== null && body?.data !== undefined);
    if (answered || (settled && own.length && !own.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED' || String(c).startsWith('TWO_FACTOR')))) world.pools.hit(op.viewer, root.field);
  }
  if (op.sent.some((s) => s.length >= 100 * 1024)) stats.huge++;
  if (op.broken) stats.broken++;
  if (op.transport.kind !== 'json') stats.raw++;
  if (op.deep) stats.deep++;
}

/** New records made by the operations become ids the next ones use; cursors and finding codes too. */
function harvest(op: Operation, res: HttpResult): void {
  const data = (res.body as { data?: Record<string, unknown> | null } | undefined)?.data;
  if (!data || op.transport.kind === 'raw') return;
  for (const f of collect(op.roots, data)) {
    if (op.kind === 'mutation' && f.id && !f.path.includes('.')) world.pools.add(f.type, f.id);
    for (const s of f.sels) {
      const value = f.obj[s.key];
      if (typeof value !== 'string') continue;
      if (s.field === 'endCursor') world.pools.addString('cursor', value);
      if (f.type === 'AlertFinding' && s.field === 'code') world.pools.addString('findingCode', value);
    }
  }
}

function printStats(stats: Stats, ms: number, digest: string): void {
  const lines = [`fuzz: ${RUNS} operations in ${(ms / 1000).toFixed(0)} s (seed ${SEED}, operations digest ${digest}); huge strings ${stats.huge}, broken documents ${stats.broken}, raw requests ${stats.raw}, deep ${stats.deep}, accounts healed ${stats.healed}; time generating ${(stats.ms.generate / 1000).toFixed(0)} s, in requests ${(stats.ms.send / 1000).toFixed(0)} s, checking ${(stats.ms.check / 1000).toFixed(0)} s`];
  for (const [v, s] of Object.entries(stats.byViewer)) {
    const top = Object.entries(s.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    const seen = Object.entries(stats.objects[v] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, n]) => `${t} ${n}`).join(', ');
    lines.push(`  ${v.padEnd(12)} ${String(s.ops).padStart(5)} ops, ${String(s.data).padStart(5)} with data; HTTP ${JSON.stringify(s.statuses)}; errors: ${top}; objects: ${seen}`);
  }
  lines.push(`  slowest requests: ${stats.slowest.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([ms, what]) => `${what} ${ms} ms`).join(', ')}`);
  const fields = Object.entries(stats.rootFields).sort((a, b) => a[0].localeCompare(b[0]));
  lines.push(`  root fields (ops/with data): ${fields.map(([f, s]) => `${f} ${s.ops}/${s.data}`).join(', ')}`);
  console.log(lines.join('\n'));
}

/** Groups collected failures by their first problem, with one example each. */
function summarise(messages: string[]): string {
  const groups = new Map<string, string[]>();
  for (const m of messages) {
    const key = (m.split('\n')[1] ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\$v\d+|\[\d+\]|\d{4,}/g, 'N').slice(0, 160);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.entries()].map(([k, ms]) => `${ms.length} x ${k.trim()}\n${cut(ms[0], 4000)}`).join('\n\n');
}
