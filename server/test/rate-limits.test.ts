import { Client } from 'pg';
import { RATE_LIMITS } from '../src/modules/rate-limit/rate-limit';
import { Role } from '../src/policy/roles';
import { forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Rate limits kept in PostgreSQL: sign-in per account and per address, registration per address,
 * report submission per member. Every hit counts whatever its outcome; past the limit the answer is
 * TOO_MANY_REQUESTS (HTTP 429) with the seconds to wait, and nothing is done.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const sql = async (query: string, params: unknown[] = []) => {
  const client = new Client({ connectionString: server.dbUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows;
  } finally {
    await client.end();
  }
};
/** Starts every window afresh (each test its own budget). */
const resetLimits = () => sql('delete from rate_limit_bucket');
beforeEach(resetLimits);

describe('sign-in', () => {
  it(`refuses the ${RATE_LIMITS.loginPerAccount.limit + 1}th attempt on one account within the window, even with the right password`, async () => {
    const { limit } = RATE_LIMITS.loginPerAccount;
    // A few failures (fewer than the lock-out's 5), then successes: every attempt counts.
    for (let i = 0; i < 3; i++) expect(codesOf(await server.gql(LOGIN, { e: 'admin@example.org', p: 'wrong password!' }))).toEqual(['UNAUTHENTICATED']);
    for (let i = 3; i < limit; i++) expect((await server.gql(LOGIN, { e: 'Admin@Example.org', p: 'demo-password-1' })).data!.login.token).toEqual(expect.any(String));
    const refused = await server.gql(LOGIN, { e: 'admin@example.org', p: 'demo-password-1' });
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.loginPerAccount.windowSeconds);
    expect(refused.data).toBeNull();
    // Another account is not affected by this one's limit.
    expect((await server.gql(LOGIN, { e: 'manager@example.org', p: 'demo-password-1' })).data!.login.token).toEqual(expect.any(String));
  });

  it('counts unknown accounts too, so the limit says nothing about which accounts exist', async () => {
    const { limit } = RATE_LIMITS.loginPerAccount;
    for (let i = 0; i < limit; i++) await server.gql(LOGIN, { e: 'nobody@example.org', p: 'wrong password!' });
    expect(codesOf(await server.gql(LOGIN, { e: 'nobody@example.org', p: 'wrong password!' }))).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('limits one address across many accounts', async () => {
    const { limit } = RATE_LIMITS.loginPerAddress;
    for (let i = 0; i < limit; i++) await server.gql(LOGIN, { e: `someone${i}@example.org`, p: 'wrong password!' });
    expect(codesOf(await server.gql(LOGIN, { e: 'caseworker@example.org', p: 'demo-password-1' }))).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('keeps no e-mail or address in clear, and opens a new window once the old one has passed', async () => {
    await server.gql(LOGIN, { e: 'caseworker@example.org', p: 'wrong password!' });
    const rows = await sql('select key from rate_limit_bucket');
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows)).not.toMatch(/caseworker|example|127\.0\.0\.1|::1/);
    await sql(`update rate_limit_bucket set hits = 1000`);
    expect(codesOf(await server.gql(LOGIN, { e: 'caseworker@example.org', p: 'demo-password-1' }))).toEqual(['TOO_MANY_REQUESTS']);
    await sql(`update rate_limit_bucket set window_start = now() - interval '1 hour'`);
    expect((await server.gql(LOGIN, { e: 'caseworker@example.org', p: 'demo-password-1' })).data!.login.token).toEqual(expect.any(String));
  });

  it('holds under a burst from parallel requests (one atomic counter in PostgreSQL)', async () => {
    const { limit } = RATE_LIMITS.loginPerAccount;
    const results = await Promise.all(Array.from({ length: limit + 10 }, () => server.gql(LOGIN, { e: 'burst@example.org', p: 'wrong password!' })));
    expect(results.filter((r) => codesOf(r)[0] === 'UNAUTHENTICATED')).toHaveLength(limit);
    expect(results.filter((r) => codesOf(r)[0] === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });
});

describe('registration', () => {
  it('limits new member accounts from one address, and a refused one creates nothing', async () => {
    const { limit } = RATE_LIMITS.registrationPerAddress;
    for (let i = 0; i < limit; i++) await registerMember(server, `rate${i}@example.org`);
    const before = (await sql('select count(*)::int as n from app_user'))[0].n;
    const refused = await server.gql('mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token } }', {
      input: { email: 'one.more@example.org', password: 'member-password-1', pseudonym: 'M', alertAreaIds: [], workSetting: 'ONLINE' },
    });
    expect(codesOf(refused)).toEqual(['TOO_MANY_REQUESTS']);
    expect((await sql('select count(*)::int as n from app_user'))[0].n).toBe(before);
  });
});

describe('behind a reverse proxy (LANTERN_TRUST_PROXY)', () => {
  const REGISTER = 'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token } }';
  /** A registration sent as if through a proxy that says the caller is `forwardedFor`. */
  const registerVia = async (on: TestServer, email: string, forwardedFor: string) => {
    const res = await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: REGISTER, variables: { input: { email, password: 'member-password-1', pseudonym: 'M', alertAreaIds: [], workSetting: 'ONLINE' } } }),
    });
    return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  };
  const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code ?? 'OK';

  it('by default believes no forwarded header: a caller cannot dodge the per-address limit by sending one', async () => {
    const { limit } = RATE_LIMITS.registrationPerAddress;
    for (let i = 0; i < limit; i++) expect(codeOf(await registerVia(server, `direct${i}@example.org`, `203.0.113.${i + 1}`))).toBe('OK');
    expect(codeOf(await registerVia(server, 'direct.more@example.org', '198.51.100.99'))).toBe('TOO_MANY_REQUESTS');
  });

  it("with the proxy trusted, counts each caller's own address: the one in front of the proxy, never one the caller wrote before it", async () => {
    const proxied = await startTestServer({ trustProxy: ['loopback'] });
    try {
      const { limit } = RATE_LIMITS.registrationPerAddress;
      // The proxy appends the address it saw; anything before it was written by the caller.
      for (let i = 0; i < limit; i++) expect(codeOf(await registerVia(proxied, `proxied${i}@example.org`, `198.51.100.${i + 1}, 203.0.113.7`))).toBe('OK');
      expect(codeOf(await registerVia(proxied, 'proxied.more@example.org', '203.0.113.7'))).toBe('TOO_MANY_REQUESTS');
      // Another member behind the same proxy has their own budget.
      expect(codeOf(await registerVia(proxied, 'neighbour@example.org', '203.0.113.8'))).toBe('OK');
    } finally {
      await proxied.close();
    }
  });
});

describe('report submission', () => {
  it('limits the reports one member submits, and a refused one writes nothing', async () => {
    const { token } = await registerMember(server, 'reporter@example.org');
    const { limit } = RATE_LIMITS.reportsPerMember;
    const input = { forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-01-10', incidentTypes: ['THREATS'], narrative: 'A threat by text.', consent: { police: 'NONE', alerts: false } };
    const SUBMIT = 'mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id } }';
    for (let i = 0; i < limit; i++) expect((await server.gql(SUBMIT, { input }, token)).errors).toBeUndefined();
    const before = (await sql('select count(*)::int as n from report'))[0].n;
    expect(codesOf(await server.gql(SUBMIT, { input }, token))).toEqual(['TOO_MANY_REQUESTS']);
    expect((await sql('select count(*)::int as n from report'))[0].n).toBe(before);
    // A case worker's own limit is separate (and much higher).
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const made = await server.gql('mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }', { input: { ...input, channel: 'PHONE' } }, cw);
    expect(made.errors).toBeUndefined();
  });
});
