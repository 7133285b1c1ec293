import { Role } from '../src/policy/roles';
import { LIMITS } from '../src/app';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let prod: TestServer;
let dev: TestServer;
beforeAll(async () => {
  [prod, dev] = await Promise.all([startTestServer({ nodeEnv: 'production', isProduction: true, demo: false }), startTestServer()]);
});
afterAll(async () => {
  await prod.close();
  await dev.close();
});

const INTROSPECTION = '{ __schema { types { name } } }';

describe('in production', () => {
  it('refuses introspection', async () => {
    const res = await prod.gql(INTROSPECTION, {}, await prod.tokenFor(Role.ADMIN));
    expect(res.data).toBeUndefined();
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res)).not.toContain('"types"');
    // ...while development keeps it for tooling.
    expect((await dev.gql(INTROSPECTION)).data).toBeDefined();
  });

  it('gives no "did you mean" hints about the schema', async () => {
    const query = '{ me { emial } usr(id: "x") { id } }';
    const res = await prod.gql(query, {}, await prod.tokenFor(Role.ADMIN));
    expect(res.errors!.length).toBeGreaterThan(0);
    for (const e of res.errors!) expect(e.message).not.toMatch(/did you mean/i);
    const devRes = await dev.gql(query, {}, await dev.tokenFor(Role.ADMIN));
    expect(devRes.errors!.some((e) => /did you mean/i.test(e.message))).toBe(true);
  });

  it('sends no stack trace', async () => {
    const res = await prod.gql('{ user(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, await prod.tokenFor(Role.ADMIN));
    expect(codesOf(res)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:|\.js:/);
  });

  it(`refuses queries deeper than ${LIMITS.maxDepth}`, async () => {
    let selection = 'id';
    for (let i = 0; i < LIMITS.maxDepth + 2; i++) selection = `force { ${selection} }`;
    const res = await prod.gql(`{ me { ${selection} } }`, {}, await prod.tokenFor(Role.ADMIN));
    expect(res.data).toBeUndefined();
    expect(res.errors!.some((e) => /nested too deeply/i.test(e.message))).toBe(true);
    expect(codesOf(res).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
  });

  it(`refuses more than ${LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await prod.gql(`{ ${aliases} }`, {}, await prod.tokenFor(Role.ADMIN));
    expect(res.data).toBeUndefined();
    expect(res.errors!.some((e) => /alias/i.test(e.message))).toBe(true);
    const fine = Array.from({ length: LIMITS.maxAliases }, (_, i) => `a${i}: me { id }`).join(' ');
    expect((await prod.gql(`{ ${fine} }`, {}, await prod.tokenFor(Role.ADMIN))).errors).toBeUndefined();
  });

  it(`refuses queries of more than ${LIMITS.maxTokens} tokens`, async () => {
    const fields = Array.from({ length: LIMITS.maxTokens }, () => 'id').join(' ');
    const res = await prod.gql(`{ me { ${fields} } }`, {}, await prod.tokenFor(Role.ADMIN));
    expect(res.data).toBeUndefined();
    expect(res.errors!.some((e) => /token/i.test(e.message))).toBe(true);
  });

  it('refuses batched requests and GET mutations (CSRF prevention)', async () => {
    const batched = await fetch(prod.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batched.status).toBe(400);
    const simple = await fetch(`${prod.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(simple.status).toBe(400);
  });
});
