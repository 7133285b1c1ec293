import { Role } from '../src/policy/roles';
import { Force } from '../src/modules/force/force.entity';
import { UK_POLICE_FORCES } from '../src/modules/force/force.data';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const FORCES = `query ($filter: ForceFilter, $page: Int, $perPage: Int, $sortField: ForceSortField, $sortOrder: SortOrder) {
  forces(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { totalCount nodes { id code name nation region } }
}`;
const FORCE = 'query ($id: ID!) { force(id: $id) { id name nation region } }';
const ALL_ROLES = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER, Role.MEMBER];

describe('the reference list of forces', () => {
  it('holds the 43 forces of England and Wales, Police Scotland, PSNI and British Transport Police', async () => {
    expect(UK_POLICE_FORCES).toHaveLength(46);
    const byNation = (n: string) => UK_POLICE_FORCES.filter((f) => f.nation === n).length;
    expect(byNation('ENGLAND') + byNation('WALES')).toBe(43);
    expect(byNation('WALES')).toBe(4);
    expect(new Set(UK_POLICE_FORCES.map((f) => f.code)).size).toBe(46);
    expect(await server.orm.em.fork().count(Force, {})).toBe(46);
  });
});

describe('forces', () => {
  it.each(ALL_ROLES)('%s lists forces and reads one', async (role) => {
    const t = await server.tokenFor(role);
    const res = await server.gql(FORCES, { perPage: 100 }, t);
    expect(res.errors).toBeUndefined();
    expect(res.data!.forces.totalCount).toBe(46);
    const kent = res.data!.forces.nodes.find((f: { code: string }) => f.code === 'kent');
    expect(kent).toMatchObject({ name: 'Kent Police', nation: 'ENGLAND', region: 'South East' });
    const one = await server.gql(FORCE, { id: kent.id }, t);
    expect(one.data!.force.name).toBe('Kent Police');
  });

  it('anonymous callers are refused with UNAUTHENTICATED', async () => {
    expect(codesOf(await server.gql(FORCES))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by nation and text, sorts and pages', async () => {
    const t = await server.tokenFor(Role.CASE_WORKER);
    const wales = await server.gql(FORCES, { filter: { nation: 'WALES' }, sortField: 'name', sortOrder: 'DESC' }, t);
    expect(wales.data!.forces.nodes.map((f: { name: string }) => f.name)).toEqual(['South Wales Police', 'North Wales Police', 'Gwent Police', 'Dyfed-Powys Police']);
    const text = await server.gql(FORCES, { filter: { q: 'manchester' } }, t);
    expect(text.data!.forces.nodes.map((f: { code: string }) => f.code)).toEqual(['greater-manchester']);
    const region = await server.gql(FORCES, { filter: { q: 'South West' }, perPage: 2, page: 3 }, t);
    expect(region.data!.forces.totalCount).toBe(5);
    expect(region.data!.forces.nodes).toHaveLength(1);
  });

  it('an unknown or malformed id is NOT_FOUND', async () => {
    const t = await server.tokenFor(Role.MEMBER);
    expect(codesOf(await server.gql(FORCE, { id: '00000000-0000-4000-8000-000000000000' }, t))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(FORCE, { id: 'kent' }, t))).toEqual(['NOT_FOUND']);
  });

  it('refuses a page number below 1, naming page', async () => {
    const res = await server.gql(FORCES, { page: 0 }, await server.tokenFor(Role.ADMIN));
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('page');
  });
});
