/**
 * Regressions for what the schema fuzzer (fuzz.test.ts) found: each answer here was once an HTTP
 * 500, an internal error for the caller's own mistake, or a schema hint in production.
 */
import { Role } from '../src/policy/roles';
import { LIMITS } from '../src/app';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server';

let prod: TestServer;
beforeAll(async () => {
  prod = await startTestServer({ nodeEnv: 'production', isProduction: true });
});
afterAll(() => prod.close());

async function post(body: unknown, token?: string): Promise<GraphQLResponse> {
  const res = await fetch(prod.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { ...((await res.json()) as object), status: res.status };
}

describe('a malformed document', () => {
  it.each([
    ['a stray brace', '{ me { id } } {'],
    ['an unclosed selection', 'query { me { id }'],
    ['a lone surrogate escape', '{ me(id: "\\uD800") { id } }'],
    ['500 stray braces', `{ me { id } } ${'{'.repeat(500)}`],
  ])('with %s is HTTP 400 BAD_USER_INPUT, not 500', async (_what, query) => {
    const res = await post({ query }, await prod.tokenFor(Role.ADMIN));
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/^Syntax Error/);
  });

  it('over the token limit is HTTP 400 too, and does not tell the limit', async () => {
    const query = `{ me { ${Array.from({ length: LIMITS.maxTokens }, () => 'id').join(' ')} } }`;
    const res = await post({ query }, await prod.tokenFor(Role.ADMIN));
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/too many tokens/);
    expect(res.errors![0].message).not.toContain(String(LIMITS.maxTokens));
  });
});

describe('in production, no "did you mean" about the schema', () => {
  it.each([
    ['an enum variable', 'query ($o: SortOrder) { forces(sortOrder: $o) { totalCount } }', { o: 'desc' }],
    ['an enum inside an input variable', 'query ($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { policeConsent: 'ALL' } }],
    ['an enum literal', '{ forces(sortOrder: desc) { totalCount } }', {}],
  ])('for %s', async (_what, query, variables) => {
    const res = await post({ query, variables }, await prod.tokenFor(Role.CASE_WORKER));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).not.toMatch(/[Dd]id you mean|"DESC"|"ASC"|ANONYMOUS_INTELLIGENCE/);
  });
});

describe("graphql-js's own refusals are the caller's mistake, not internal errors", () => {
  it('too many invalid variable values to list them all', async () => {
    const res = await post({ query: 'query ($f: ForceFilter) { forces(filter: $f) { totalCount } }', variables: { f: { ids: Array.from({ length: 60 }, () => 1.5) } } }, await prod.tokenFor(Role.ADMIN));
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(new Set(codesOf(res))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('a subscription (the schema has none)', async () => {
    const res = await post({ query: 'subscription { me { id } }' }, await prod.tokenFor(Role.ADMIN));
    expect(res.data ?? null).toBeNull();
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('report list filters', () => {
  it.each([
    ['incidentFrom', '2026-02-30'],
    ['incidentTo', '0000-00-00'],
    ['incidentTo', '2026-13-01'],
  ])('refuse an impossible date in %s (%s) as BAD_USER_INPUT naming it, not an internal error', async (field, value) => {
    for (const role of [Role.CASE_WORKER, Role.MEMBER, 'POLICE_KENT'] as const) {
      const res = await post({ query: 'query ($f: ReportFilter) { reports(filter: $f) { totalCount nodes { id } } }', variables: { f: { [field]: value } } }, await prod.tokenFor(role));
      expect({ role, codes: codesOf(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ role, codes: ['BAD_USER_INPUT'], field });
    }
  });
});

describe('a NUL character in any argument', () => {
  it.each([
    ['a filter, as a variable', Role.CASE_WORKER, 'query ($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { q: 'LN\u0000' } }, 'filter.q'],
    ['a filter, as a GraphQL escape', Role.CASE_WORKER, '{ forces(filter: { q: "Kent\\u0000" }) { totalCount } }', {}, 'filter.q'],
    ['an e-mail at sign-in', 'ANONYMOUS', 'mutation ($e: String!) { login(email: $e, password: "x") { token } }', { e: 'admin@example.org\u0000' }, 'email'],
    ['a mutation input', Role.MANAGER, 'mutation ($i: FunderInput!) { createFunder(input: $i) { id } }', { i: { kind: 'CHARITY', name: 'Fund\u0000' } }, 'input.name'],
    ['an id in a list', Role.CASE_WORKER, 'query ($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { ids: ['x', 'y\u0000'] } }, 'filter.ids.1'],
  ] as const)('in %s is BAD_USER_INPUT naming it (PostgreSQL cannot hold it; it was a 503 "outage")', async (_what, role, query, variables, field) => {
    const res = await post({ query, variables }, role === 'ANONYMOUS' ? undefined : await prod.tokenFor(role));
    expect(res.status).toBeLessThan(500);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
  });

  it.each([
    ['a trainer name (jsonb)', Role.MANAGER, 'mutation ($i: TrainingSessionInput!) { createTrainingSession(input: $i) { id } }', { i: { date: '2025-05-01', forceIds: [], format: 'ONLINE', programme: 'P', trainers: [{ name: 'Sam\uD800' }], officersAttending: 3 } }, 'input.trainers.0.name'],
    ['an identifier to check', Role.MEMBER, 'query ($v: String!) { checkIdentifier(kind: EMAIL, value: $v) { value } }', { v: '\uDFFFsomeone@example.org' }, 'value'],
    ['a filter', Role.CASE_WORKER, 'query ($f: MemberFilter) { members(filter: $f) { totalCount } }', { f: { q: 'Sky\uD800' } }, 'filter.q'],
  ] as const)('an unpaired surrogate in %s is BAD_USER_INPUT naming it (no Unicode text: refused in jsonb as an internal error, turned into U+FFFD in text)', async (_what, role, query, variables, field) => {
    const res = await post({ query, variables }, await prod.tokenFor(role));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
  });

  it('while a whole surrogate pair (an emoji, an astral character) is text like any other', async () => {
    const res = await post({ query: 'query ($f: ReportFilter) { reports(filter: $f) { totalCount } }', variables: { f: { q: 'LN-\uD83D\uDE00-\uD835\uDD4F' } } }, await prod.tokenFor(Role.CASE_WORKER));
    expect(res.errors).toBeUndefined();
  });

  it('is refused only after the policy: a caller who may not run the field is told FORBIDDEN', async () => {
    const res = await post({ query: 'mutation ($i: FunderInput!) { createFunder(input: $i) { id } }', variables: { i: { kind: 'CHARITY', name: 'Fund\u0000' } } }, await prod.tokenFor(Role.MEMBER));
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
  });
});
