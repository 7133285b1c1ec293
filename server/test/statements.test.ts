import { RawQueryFragment } from '@mikro-orm/core';
import fc from 'fast-check';
import { Client } from 'pg';
import { MAX_PREPARED, preparedCount, queryPrepared } from '../src/db/prepared';
import { Role } from '../src/policy/roles';
import { createReport, forceId, registerMember } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * SQL statements per request, counted (not timed): every query the server's PostgreSQL clients
 * send during one HTTP request. Lists must not grow with the page (no N+1), and the benchmark's
 * list queries (Q1-Q3 in bench/) stay within a fixed, small number of statements.
 */
let server: TestServer;
let statements: string[] = [];
let configs: { name?: string; text: string; values?: unknown[] }[] = [];
const original = Client.prototype.query;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 12; i++) {
    const r = await createReport(server, {
      incidentTypes: i % 2 ? ['VIOLENCE'] : ['RAPE', 'ROBBERY'],
      identifiers: [{ kind: 'PHONE', value: `07700 900 ${String(100 + i)}` }, { kind: 'VEHICLE', value: `AB${10 + i} CDE` }],
      consent: { police: i % 3 ? 'ANONYMOUS_INTELLIGENCE' : 'NONE', alerts: false },
    });
    if (i % 2) {
      await server.gql('mutation ($id: ID!) { openCase(reportId: $id, assigneeId: null) { id } }', { id: r.id }, await server.tokenFor(Role.CASE_WORKER));
    }
  }
  (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    statements.push(typeof q === 'string' ? q : (q?.text ?? '?'));
    configs.push(typeof q === 'string' ? { text: q } : (q as { name?: string; text: string; values?: unknown[] }));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
});
afterAll(async () => {
  (Client.prototype as { query: unknown }).query = original;
  await server.close();
});

async function count(query: string, token: string, variables: Record<string, unknown> = {}): Promise<{ n: number; sql: string[] }> {
  statements = [];
  const res = await server.gql(query, variables, token);
  expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.detail ?? e.message, ...(e.extensions?.stacktrace ?? []).slice(1, 6)])).toBeUndefined();
  const sql = statements;
  statements = [];
  return { n: sql.length, sql };
}

const Q1 = `{ reports(perPage: 50, filter: { status: NEW }) { nodes { id reference receivedAt incidentTypes status identifiers { kind value } case { assignee { name } } } } }`;
const Q2 = `{ reports(perPage: 50, filter: { status: NEW }) { totalCount nodes { id reference receivedAt incidentTypes status identifiers { kind value } case { assignee { name } } } } }`;
const Q3 = `{ reports(perPage: 50) { nodes { reference receivedAt incidentDate incidentTypes policeSummary identifiers { kind value } consent { police } } } }`;

describe('SQL statements per request', () => {
  it('Q1, the case worker’s list with identifiers and assignees: at most 2 (the caller, the page)', async () => {
    const { n, sql } = await count(Q1, await server.tokenFor(Role.CASE_WORKER));
    if (n > 2) throw new Error(`${n} statements:\n${sql.join('\n---\n')}`);
    expect(n).toBeLessThanOrEqual(2);
  });

  it('Q5, one report with identifiers and its case: at most 2 (the caller, the report)', async () => {
    const id = (await server.gql('{ reports(perPage: 1) { nodes { id } } }', {}, await server.tokenFor(Role.CASE_WORKER))).data!.reports.nodes[0].id;
    const { n, sql } = await count('query ($id: ID!) { report(id: $id) { id reference narrative identifiers { kind value } case { status assignee { name } } } }', await server.tokenFor(Role.CASE_WORKER), { id });
    if (n > 2) throw new Error(`${n} statements:\n${sql.join('\n---\n')}`);
    expect(n).toBeLessThanOrEqual(2);
  });

  it('Q2, the same with totalCount: at most 3', async () => {
    const { n } = await count(Q2, await server.tokenFor(Role.CASE_WORKER));
    expect(n).toBeLessThanOrEqual(3);
  });

  it('Q3, the police list with its access-log write: at most 3 (the caller, the page, one insert)', async () => {
    const { n, sql } = await count(Q3, await server.tokenFor('POLICE_AVON'));
    if (n > 3) throw new Error(`${n} statements:\n${sql.join('\n---\n')}`);
    expect(sql.filter((s) => /insert into "?access_event"?/.test(s))).toHaveLength(1);
    expect(n).toBeLessThanOrEqual(3);
  });
});

describe('the fast list path (plain views) answers exactly as the ORM path', () => {
  const FIELDS = `id createdAt updatedAt reference receivedAt incidentDate channel status incidentTypes policeSummary narrative location
    perpetratorDescription caseStatus forceArea { id code name nation region } identifiers { id kind value createdAt }
    consent { id police alerts statistics method recordedAt withdrawnAt recordedByName } case { id status openedAt allowedTransitions assignee { id name } }`;
  // `policeReads` is not a view field, so adding it sends the same request down the ORM path.
  const fast = `{ reports(perPage: 100) { totalCount endCursor nodes { ${FIELDS} } } }`;
  const slow = `{ reports(perPage: 100) { totalCount endCursor nodes { ${FIELDS} policeReads { at } } } }`;
  const strip = (res: { data?: any; errors?: { path?: (string | number)[]; message: string; extensions?: Record<string, unknown> }[] }) => ({
    data: { ...res.data, reports: res.data?.reports && { ...res.data.reports, nodes: res.data.reports.nodes.map(({ policeReads: _, ...n }: Record<string, unknown>) => n) } },
    errors: (res.errors ?? []).filter((e) => e.path?.[3] !== 'policeReads').map((e) => [e.path?.join('.'), e.extensions?.code]),
  });

  it.each([Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, 'POLICE_AVON', 'POLICE_KENT'] as const)('for %s', async (who) => {
    if (who === 'POLICE_KENT') {
      // A report shared with Kent: the police rule reads the view's shares.
      const list = (await server.gql('{ reports(perPage: 100) { nodes { id consent { police } } } }', {}, await server.tokenFor(Role.CASE_WORKER))).data!.reports.nodes;
      const shareable = list.find((r: { consent: { police: string } }) => r.consent.police !== 'NONE');
      const shared = await server.gql('mutation ($r: ID!, $f: ID!) { shareReportWithForce(reportId: $r, forceId: $f) { id } }', { r: shareable.id, f: await forceId(server, 'kent') }, await server.tokenFor(Role.CASE_WORKER));
      expect(shared.errors).toBeUndefined();
    }
    const token = await server.tokenFor(who);
    const a = strip(await server.gql(fast, {}, token));
    const b = strip(await server.gql(slow, {}, token));
    expect(a).toEqual(b);
    if (who !== Role.ADMIN) expect(a.data.reports.nodes.length).toBeGreaterThan(0);
  });

  it('for a member, on their own reports', async () => {
    const { token } = await registerMember(server, 'views.member@example.org');
    await server.gql('mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id } }', {
      input: { forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-01-10', incidentTypes: ['THREATS'], narrative: 'A threat by text.', identifiers: [{ kind: 'PHONE', value: '07700 900 999' }], consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true } },
    }, token);
    const a = strip(await server.gql(fast.replace('{ reports', '{ reports: myReports'), {}, token));
    const b = strip(await server.gql(slow.replace('{ reports', '{ reports: myReports'), {}, token));
    expect(a.data.reports.nodes).toHaveLength(1);
    expect(a).toEqual(b);
  });
});

describe('report(id) read as a view', () => {
  const FIELDS = `id reference receivedAt incidentDate incidentTypes status narrative policeSummary forceArea { name }
    identifiers { kind value } consent { police alerts } case { status assignee { name } }`;
  it.each([Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, 'POLICE_AVON', 'POLICE_KENT'] as const)('answers as the ORM path for %s, hidden and missing alike', async (who) => {
    const token = await server.tokenFor(who);
    const ids = (await server.gql('{ reports(perPage: 100) { nodes { id } } }', {}, await server.tokenFor(Role.CASE_WORKER))).data!.reports.nodes.map((n: { id: string }) => n.id);
    for (const id of [...ids.slice(0, 6), '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const fast = await server.gql(`query ($id: ID!) { report(id: $id) { ${FIELDS} } }`, { id }, token);
      const slow = await server.gql(`query ($id: ID!) { report(id: $id) { ${FIELDS} policeReads { at } } }`, { id }, token);
      const strip = (r: typeof fast) => ({
        data: r.data?.report ? { ...r.data.report, policeReads: undefined } : r.data,
        errors: (r.errors ?? []).filter((e) => e.path?.[1] !== 'policeReads').map((e) => [e.path?.join('.'), e.extensions?.code, e.message]),
      });
      expect(strip(fast)).toEqual(strip(slow));
    }
  });
});

/**
 * A view reads only the fields a request selected (plus what the access rules read), so the
 * fast path must answer any selection as the ORM path does: random selections of the view
 * fields, with aliases, inline fragments and a field asked twice with different sub-selections,
 * for every role.
 */
describe('any selection of view fields answers as the ORM path', () => {
  type Tree = { [field: string]: Tree | null };
  const USER: Tree = { id: null, name: null, email: null, role: null, active: null, deactivatedAt: null, lastLoginAt: null, createdAt: null, updatedAt: null };
  const REPORT: Tree = {
    id: null, createdAt: null, updatedAt: null, reference: null, receivedAt: null, incidentDate: null, channel: null, status: null, incidentTypes: null,
    policeSummary: null, narrative: null, location: null, perpetratorDescription: null, caseStatus: null,
    forceArea: { id: null, code: null, name: null, nation: null, region: null, createdAt: null, updatedAt: null },
    identifiers: { id: null, kind: null, value: null, createdAt: null, updatedAt: null },
    consent: { id: null, police: null, alerts: null, statistics: null, method: null, recordedAt: null, withdrawnAt: null, createdAt: null, updatedAt: null, recordedByName: null },
    case: { id: null, status: null, outcome: null, openedAt: null, closedAt: null, createdAt: null, updatedAt: null, allowedTransitions: null, assignee: USER },
  };

  /** A selection of `tree` as GraphQL text: a random non-empty subset, some fields aliased, some in an inline fragment, some asked twice. */
  const selection = (tree: Tree, type: string, depth = 0): fc.Arbitrary<string> =>
    fc
      .subarray(Object.keys(tree), { minLength: 1 })
      .chain((fields) =>
        fc.tuple(
          fc.tuple(...fields.map((f) =>
            fc.tuple(fc.constantFrom('', '', '', `a_${f}: `), tree[f] ? selection(tree[f]!, f, depth + 1) : fc.constant(''), tree[f] && depth === 0 ? fc.option(selection(tree[f]!, f, depth + 1), { freq: 3 }) : fc.constant(null)).map(
              ([alias, sub, again]) => `${alias}${f}${sub ? ` { ${sub} }` : ''}${again ? ` ${alias}${f} { ${again} }` : ''}`,
            ),
          )),
          fc.boolean(),
        ),
      )
      .map(([parts, fragment]) => {
        const list = parts as string[];
        if (!fragment || list.length < 2) return list.join(' ');
        const half = Math.ceil(list.length / 2);
        return `${list.slice(0, half).join(' ')} ... on ${type === 'report' ? 'Report' : TYPE_NAMES[type]} { ${list.slice(half).join(' ')} }`;
      });
  const TYPE_NAMES: Record<string, string> = { forceArea: 'Force', identifiers: 'Identifier', consent: 'Consent', case: 'Case', assignee: 'User' };
  const stripErrors = (errors: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
    (errors ?? []).filter((e) => !e.path?.includes('zzPoliceReads')).map((e) => [e.path?.join('.'), e.extensions?.code]);
  const withoutPoliceReads = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutPoliceReads)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'zzPoliceReads').map(([k, v]) => [k, withoutPoliceReads(v)]))
        : value;

  /** A document refused as a whole (too costly: a large random selection asked twice) is no comparison. */
  const refused = (res: { data?: unknown; errors?: { path?: unknown }[] }) => !res.data && !!res.errors?.some((e) => !e.path);

  beforeAll(async () => {
    // Something shared with Kent, so that a Kent officer's list is not empty.
    const list = (await server.gql('{ reports(perPage: 100) { nodes { id consent { police } } } }', {}, await server.tokenFor(Role.CASE_WORKER))).data!.reports.nodes;
    const shareable = list.filter((r: { consent: { police: string } }) => r.consent.police !== 'NONE').at(-1);
    const shared = await server.gql('mutation ($r: ID!, $f: ID!) { shareReportWithForce(reportId: $r, forceId: $f) { id } }', { r: shareable.id, f: await forceId(server, 'kent') }, await server.tokenFor(Role.CASE_WORKER));
    expect(shared.errors).toBeUndefined();
  });

  it.each([Role.CASE_WORKER, Role.MANAGER, 'POLICE_AVON', 'POLICE_KENT'] as const)('lists for %s', async (who) => {
    const token = await server.tokenFor(who);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(selection(REPORT, 'report'), fc.boolean(), async (nodes, extra) => {
        const list = (more: string) => `{ reports(perPage: 8) { ${extra ? 'totalCount endCursor' : ''} nodes { ${nodes} ${more} } } }`;
        const fast = await server.gql(list(''), {}, token);
        const slow = await server.gql(list('zzPoliceReads: policeReads { at }'), {}, token);
        if (refused(slow)) return;
        compared++;
        expect({ data: withoutPoliceReads(fast.data), errors: stripErrors(fast.errors) }).toEqual({ data: withoutPoliceReads(slow.data), errors: stripErrors(slow.errors) });
        expect(fast.data?.reports?.nodes?.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 20261129 },
    );
    expect(compared).toBeGreaterThan(15);
  });

  it('one report, for each role', async () => {
    const ids = (await server.gql('{ reports(perPage: 100) { nodes { id } } }', {}, await server.tokenFor(Role.CASE_WORKER))).data!.reports.nodes.map((n: { id: string }) => n.id);
    const tokens = await Promise.all(([Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, 'POLICE_AVON', 'POLICE_KENT'] as const).map((who) => server.tokenFor(who)));
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(selection(REPORT, 'report'), fc.constantFrom(...ids.slice(0, 8)), fc.constantFrom(...tokens), async (fields, id, token) => {
        const one = (more: string) => `query ($id: ID!) { report(id: $id) { ${fields} ${more} } }`;
        const fast = await server.gql(one(''), { id }, token);
        const slow = await server.gql(one('zzPoliceReads: policeReads { at }'), { id }, token);
        if (refused(slow)) return;
        compared++;
        expect({ data: withoutPoliceReads(fast.data), errors: stripErrors(fast.errors) }).toEqual({ data: withoutPoliceReads(slow.data), errors: stripErrors(slow.errors) });
      }),
      { numRuns: 40, seed: 20261129 },
    );
    expect(compared).toBeGreaterThan(25);
  });
});

describe('hot reads are prepared statements, values apart from the text', () => {
  it('the caller, the page and the police access log: named, parameterised, the text free of values', async () => {
    const police = await server.tokenFor('POLICE_AVON');
    const avon = await forceId(server, 'avon-and-somerset');
    configs = [];
    const res = await server.gql(`query ($f: ID!) { reports(perPage: 5, filter: { forceAreaId: $f }) { nodes { reference policeSummary } } }`, { f: avon }, police);
    expect(res.errors).toBeUndefined();
    const sent = configs;
    configs = [];
    expect(sent.length).toBe(3);
    for (const config of sent) {
      expect(config.name).toMatch(/^lantern_[0-9a-f]{32}$/);
      expect(config.text).not.toContain(avon);
    }
    expect(sent[1].values).toContain(avon);
    expect(sent[2].text).toMatch(/insert into access_event/);
  });

  it('totalCount: a named count statement, values apart, its number the same as counting the whole list', async () => {
    const avon = await forceId(server, 'avon-and-somerset');
    for (const [token, filter] of [
      [await server.tokenFor('POLICE_AVON'), {}],
      [await server.tokenFor('POLICE_AVON'), { forceAreaId: avon }],
      [await server.tokenFor(Role.CASE_WORKER), { forceAreaId: avon, status: 'NEW' }],
      [await server.tokenFor(Role.CASE_WORKER), { incidentType: 'VIOLENCE' }],
    ] as const) {
      configs = [];
      const res = await server.gql('query ($f: ReportFilter) { reports(perPage: 1, filter: $f) { totalCount } }', { f: filter }, token);
      expect(res.errors).toBeUndefined();
      // A staff count by force area and status is summed from report_tally (report-tally.test.ts).
      const count = configs.find((c) => /count\(|from report_tally/.test(c.text))!;
      configs = [];
      expect(count.name).toMatch(/^lantern_[0-9a-f]{32}$/);
      expect(count.text).not.toContain(avon);
      let listed = 0;
      for (let page = 1; ; page++) {
        const all = await server.gql('query ($f: ReportFilter, $p: Int!) { reports(page: $p, perPage: 100, filter: $f) { nodes { id } } }', { f: filter, p: page }, token);
        listed += all.data!.reports.nodes.length;
        if (all.data!.reports.nodes.length < 100) break;
      }
      expect(listed).toBeGreaterThan(0);
      expect(res.data!.reports.totalCount).toBe(listed);
    }
  });

  it('the page size is in the text (so PostgreSQL can keep one generic plan per size); the offset is a parameter', async () => {
    const avon = await forceId(server, 'avon-and-somerset');
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const page = async (n: number) => {
      configs = [];
      const res = await server.gql(`query ($f: ID!, $p: Int!) { reports(page: $p, perPage: 3, filter: { forceAreaId: $f }) { nodes { id } } }`, { f: avon, p: n }, cw);
      expect(res.errors).toBeUndefined();
      const statement = configs.find((c) => /json_agg\(t order by/.test(c.text))!;
      configs = [];
      return statement;
    };
    const first = await page(1);
    expect(first.text).toMatch(/ limit 3\)/);
    expect(first.text).not.toMatch(/offset/);
    const third = await page(3);
    expect(third.text).toMatch(/ limit 3 offset \$\d+\)/);
    expect(third.values).toContain(6);
    expect(third.name).not.toBe(first.name);
  });

  it('past MAX_PREPARED distinct texts, statements still run, unnamed', async () => {
    const em = server.orm.em.fork();
    const before = preparedCount();
    configs = [];
    for (let i = 0; i <= MAX_PREPARED - before + 2; i++) {
      const [row] = await queryPrepared<{ n: number }>(em, `select ?::int + ${i} as n`, [1]);
      expect(row.n).toBe(1 + i);
    }
    expect(preparedCount()).toBe(MAX_PREPARED);
    const sent = configs.filter((c) => c.text.startsWith('select $1::int +'));
    configs = [];
    expect(sent.at(-1)!.name).toBeUndefined();
    expect(sent[0].name).toBeDefined();
  });

  it("placeholders follow knex's rules: `\\?` is a literal `?`, `??` is refused, values never become text", async () => {
    const em = server.orm.em.fork();
    configs = [];
    const [row] = await queryPrepared<{ a: string; b: boolean; c: string }>(em, "select ?::text as a, '{\"k\": 1}'::jsonb \\? 'k' as b, ?::text as c", ["O'Brien; drop table report", 'x?y']);
    expect(row).toEqual({ a: "O'Brien; drop table report", b: true, c: 'x?y' });
    expect(configs.at(-1)!.text).toBe("select $1::text as a, '{\"k\": 1}'::jsonb ? 'k' as b, $2::text as c");
    await expect(queryPrepared(em, 'select ?? from report', ['id'])).rejects.toThrow(/not supported/);
  });

  it('gives every connection back to the pool, after an error too', async () => {
    const em = server.orm.em.fork();
    const pool = (em.getKnex().client as unknown as { pool: { numUsed(): number } }).pool;
    const used = pool.numUsed();
    for (let i = 0; i < 30; i++) {
      await expect(queryPrepared(em, 'select 1 / ?::int as n', [0])).rejects.toMatchObject({ code: '22012' });
      await queryPrepared(em, 'select 1 as n', []);
    }
    expect(pool.numUsed()).toBe(used);
  });

  it('inside a transaction, on its connection', async () => {
    await server.orm.em.fork().transactional(async (em) => {
      await queryPrepared(em, 'create temporary table prepared_probe (n int) on commit drop', []);
      await queryPrepared(em, 'insert into prepared_probe values (?)', [7]);
      const [row] = await queryPrepared<{ n: number }>(em, 'select n from prepared_probe', []);
      expect(row.n).toBe(7);
    });
  });
});

describe('the police scope’s raw SQL fragment', () => {
  it('is consumed by every query that builds it: none left behind, refused filters included', async () => {
    const police = await server.tokenFor('POLICE_AVON');
    const avon = await forceId(server, 'avon-and-somerset');
    const some = (await server.gql('{ reports(perPage: 1) { nodes { id } } }', {}, police)).data!.reports.nodes[0].id;
    const before = RawQueryFragment.checkCacheSize();
    const requests: [string, Record<string, unknown>][] = [
      ['query ($f: ID!) { reports(perPage: 5, filter: { forceAreaId: $f }) { totalCount nodes { id } } }', { f: avon }],
      ['{ reports(perPage: 5) { totalCount nodes { id policeReads { at } } } }', {}],
      ['query ($id: ID!) { report(id: $id) { id } }', { id: some }],
      ['query ($id: ID!) { report(id: $id) { id policeReads { at } } }', { id: some }],
      // Refused while the filter is built (BAD_USER_INPUT).
      ['{ reports(perPage: 5, filter: { incidentFrom: "2026-02-30" }) { nodes { id } } }', {}],
      ['{ reports(perPage: 5, filter: { identifierValue: "07700 900 100" }) { nodes { id } } }', {}],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [query, variables] of requests) {
        const res = await server.gql(query.replace('perPage: 5', `perPage: ${5 + round}`), variables, police);
        expect(res.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? []).toEqual([]);
      }
    }
    expect(RawQueryFragment.checkCacheSize()).toBe(before);
  });
});
