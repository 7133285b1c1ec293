import { Role } from '../src/policy/roles';
import { User } from '../src/modules/user/user.entity';
import { Force } from '../src/modules/force/force.entity';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let kentId: string;
beforeAll(async () => {
  server = await startTestServer();
  kentId = (await server.orm.em.fork().findOneOrFail(Force, { code: 'kent' })).id;
});
afterAll(() => server.close());

const ALL_ROLES = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER, Role.MEMBER] as const;
const token = (role: Role) => server.tokenFor(role);
const idOf = async (email: string) => (await server.orm.em.fork().findOneOrFail(User, { email })).id;
const countUsers = () => server.orm.em.fork().count(User, {});

const USERS = `query ($filter: UserFilter, $page: Int, $perPage: Int, $sortField: UserSortField, $sortOrder: SortOrder) {
  users(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
    totalCount nodes { id email name role active force { name } }
  }
}`;
const USER = 'query ($id: ID!) { user(id: $id) { id email role } }';
const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email name role force { id name } active } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id email name role force { name } active } }';
const DEACTIVATE = 'mutation ($id: ID!) { deactivateUser(id: $id) { id active deactivatedAt } }';
const RESET = 'mutation ($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }';

describe('me', () => {
  it.each(ALL_ROLES)('%s reads their own account', async (role) => {
    const res = await server.gql('{ me { id role email } }', {}, await token(role));
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.role).toBe(role);
  });
});

describe('users (list)', () => {
  const allowed = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER];
  const denied = [Role.POLICE_PARTNER, Role.MEMBER];

  it.each(allowed)('%s lists every account', async (role) => {
    const res = await server.gql(USERS, { perPage: 100 }, await token(role));
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.totalCount).toBeGreaterThanOrEqual(6);
    expect(res.data!.users.nodes.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(['admin@example.org', 'police.kent@example.org']));
  });

  it.each(denied)('%s is refused with FORBIDDEN', async (role) => {
    const res = await server.gql(USERS, {}, await token(role));
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
  });

  it('anonymous callers are refused with UNAUTHENTICATED', async () => {
    expect(codesOf(await server.gql(USERS))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by role, force, activity and text, sorts and pages in SQL', async () => {
    const t = await token(Role.ADMIN);
    const police = await server.gql(USERS, { filter: { role: 'POLICE_PARTNER' } }, t);
    expect(police.data!.users.nodes.every((u: { role: string }) => u.role === 'POLICE_PARTNER')).toBe(true);
    const kent = await server.gql(USERS, { filter: { forceId: kentId } }, t);
    expect(kent.data!.users.nodes.map((u: { email: string }) => u.email)).toEqual(['police.kent@example.org']);
    const text = await server.gql(USERS, { filter: { q: 'MANAGER@' } }, t);
    expect(text.data!.users.nodes.map((u: { email: string }) => u.email)).toEqual(['manager@example.org']);
    const wildcard = await server.gql(USERS, { filter: { q: '%' } }, t);
    expect(wildcard.data!.users.totalCount).toBe(0);
    const page1 = await server.gql(USERS, { perPage: 2, page: 1, sortField: 'email', sortOrder: 'ASC' }, t);
    const page2 = await server.gql(USERS, { perPage: 2, page: 2, sortField: 'email', sortOrder: 'ASC' }, t);
    expect(page1.data!.users.nodes).toHaveLength(2);
    expect(page1.data!.users.nodes[0].email).toBe('admin@example.org');
    expect(page2.data!.users.nodes[0].email > page1.data!.users.nodes[1].email).toBe(true);
    expect(page1.data!.users.totalCount).toBe(page2.data!.users.totalCount);
    const ids = [await idOf('admin@example.org'), await idOf('member@example.org')];
    const many = await server.gql(USERS, { filter: { ids } }, t);
    expect(many.data!.users.totalCount).toBe(2);
  });

  it('refuses more than 100 rows a page, naming perPage', async () => {
    const res = await server.gql(USERS, { perPage: 101 }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('perPage');
  });
});

describe('user (one)', () => {
  it.each([Role.ADMIN, Role.MANAGER, Role.CASE_WORKER])('%s reads any account', async (role) => {
    const id = await idOf('police.avon@example.org');
    const res = await server.gql(USER, { id }, await token(role));
    expect(res.data!.user.email).toBe('police.avon@example.org');
  });

  it.each([Role.POLICE_PARTNER, Role.MEMBER])('%s reads only themselves; another account is NOT_FOUND like a missing one', async (role) => {
    const t = await token(role);
    const me = (await server.gql('{ me { id } }', {}, t)).data!.me.id;
    expect((await server.gql(USER, { id: me }, t)).data!.user.id).toBe(me);
    const other = await server.gql(USER, { id: await idOf('admin@example.org') }, t);
    const missing = await server.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }, t);
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
    expect(other.errors![0].message).toBe(missing.errors![0].message);
    expect(codesOf(missing)).toEqual(['NOT_FOUND']);
  });

  it('a malformed id is NOT_FOUND, not an internal error', async () => {
    expect(codesOf(await server.gql(USER, { id: "1' or 1=1 --" }, await token(Role.ADMIN)))).toEqual(['NOT_FOUND']);
  });
});

describe('createUser', () => {
  it('an admin creates a police partner account for Kent', async () => {
    const res = await server.gql(CREATE, { input: { email: 'PC.New@Kent.example.org', name: 'PC New', role: 'POLICE_PARTNER', password: 'long-enough-pass', forceId: kentId } }, await token(Role.ADMIN));
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser).toMatchObject({ email: 'pc.new@kent.example.org', role: 'POLICE_PARTNER', force: { id: kentId, name: 'Kent Police' }, active: true });
    expect(await server.login('pc.new@kent.example.org', 'long-enough-pass')).toEqual(expect.any(String));
  });

  it.each([Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER, Role.MEMBER])('%s is refused with FORBIDDEN and nothing is written', async (role) => {
    const before = await countUsers();
    const res = await server.gql(CREATE, { input: { email: `x-${role}@example.org`, name: 'X', role: 'CASE_WORKER', password: 'long-enough-pass' } }, await token(role));
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
    expect(await countUsers()).toBe(before);
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a malformed e-mail', { email: 'not-an-email' }, 'email', 'BAD_USER_INPUT'],
    ['a short password', { password: 'short' }, 'password', 'BAD_USER_INPUT'],
    ['an empty name', { name: '' }, 'name', 'BAD_USER_INPUT'],
    ['an unknown role', { role: 'KING' }, 'role', 'BAD_USER_INPUT'],
    ['the MEMBER role', { role: 'MEMBER' }, 'role', 'BAD_USER_INPUT'],
    ['a police partner without a force', { role: 'POLICE_PARTNER' }, 'forceId', 'BAD_USER_INPUT'],
    ['an unknown force', { role: 'POLICE_PARTNER', forceId: '00000000-0000-4000-8000-000000000000' }, 'forceId', 'BAD_USER_INPUT'],
    ['a malformed force id', { role: 'POLICE_PARTNER', forceId: 'kent' }, 'forceId', 'BAD_USER_INPUT'],
    ['a force on a non-police account', { forceId: 'KENT' }, 'forceId', 'BAD_USER_INPUT'],
    ['an e-mail already in use', { email: 'Admin@example.org' }, 'email', 'CONFLICT'],
  ];
  it.each(bad)('refuses %s, naming the field, and writes nothing', async (_what, change, field, code) => {
    const before = await countUsers();
    const input: Record<string, unknown> = { email: 'fresh@example.org', name: 'Fresh', role: 'CASE_WORKER', password: 'long-enough-pass', ...change };
    if (change.forceId === 'KENT') input.forceId = kentId;
    const res = await server.gql(CREATE, { input }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual([code]);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toContain(field);
    expect(await countUsers()).toBe(before);
  });
});

describe('updateUser, deactivateUser, resetPassword', () => {
  let targetId: string;
  beforeAll(async () => {
    const res = await server.gql(CREATE, { input: { email: 'target@example.org', name: 'Target', role: 'CASE_WORKER', password: 'long-enough-pass' } }, await token(Role.ADMIN));
    targetId = res.data!.createUser.id;
  });

  it('an admin renames an account and turns it into a police partner of Kent', async () => {
    const res = await server.gql(UPDATE, { id: targetId, input: { name: 'Renamed', role: 'POLICE_PARTNER', forceId: kentId } }, await token(Role.ADMIN));
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateUser).toMatchObject({ name: 'Renamed', role: 'POLICE_PARTNER', force: { name: 'Kent Police' } });
  });

  it('refuses to make a police partner without a force, and changes nothing', async () => {
    const res = await server.gql(UPDATE, { id: targetId, input: { forceId: null, name: 'Should not stick' } }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('forceId');
    const row = await server.orm.em.fork().findOneOrFail(User, { id: targetId });
    expect(row.name).toBe('Renamed');
  });

  it('refuses an e-mail that belongs to someone else with CONFLICT', async () => {
    const res = await server.gql(UPDATE, { id: targetId, input: { email: 'manager@example.org' } }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual(['CONFLICT']);
  });

  it('an unknown id is NOT_FOUND', async () => {
    const res = await server.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual(['NOT_FOUND']);
  });

  it.each([Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER, Role.MEMBER])('%s may not update, deactivate or reset', async (role) => {
    const t = await token(role);
    expect(codesOf(await server.gql(UPDATE, { id: targetId, input: { name: 'Hacked' } }, t))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(DEACTIVATE, { id: targetId }, t))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(RESET, { id: targetId, password: 'another-long-pass' }, t))).toEqual(['FORBIDDEN']);
    const row = await server.orm.em.fork().findOneOrFail(User, { id: targetId });
    expect(row.name).toBe('Renamed');
    expect(row.active).toBe(true);
  });

  it('resetPassword refuses a short password, naming it', async () => {
    const res = await server.gql(RESET, { id: targetId, password: 'short' }, await token(Role.ADMIN));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('password');
  });

  it('an admin deactivates and reactivates an account', async () => {
    const t = await token(Role.ADMIN);
    const off = await server.gql(DEACTIVATE, { id: targetId }, t);
    expect(off.data!.deactivateUser.active).toBe(false);
    expect(off.data!.deactivateUser.deactivatedAt).toEqual(expect.any(String));
    const inactive = await server.gql(USERS, { filter: { active: false } }, t);
    expect(inactive.data!.users.nodes.map((u: { id: string }) => u.id)).toContain(targetId);
    const on = await server.gql(UPDATE, { id: targetId, input: { active: true } }, t);
    expect(on.data!.updateUser.active).toBe(true);
  });

  it('an admin cannot deactivate their own account', async () => {
    const t = await token(Role.ADMIN);
    const me = (await server.gql('{ me { id } }', {}, t)).data!.me.id;
    const res = await server.gql(DEACTIVATE, { id: me }, t);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
  });
});
