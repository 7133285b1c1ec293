import { AccessEvent } from '../src/modules/access-log/access-event.entity';
import { Member } from '../src/modules/member/member.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let member: { token: string; userId: string };
let memberId: string;
beforeAll(async () => {
  server = await startTestServer();
  member = await registerMember(server, 'River@Example.org', { contactPhone: '07700 900 555', contactEmail: 'Safe.Contact@example.org', emailAlerts: true });
  memberId = (await server.orm.em.fork().findOneOrFail(Member, { user: member.userId })).id;
});
afterAll(() => server.close());

const MEMBER = 'query ($id: ID!) { member(id: $id) { id pseudonym workSetting alertAreas { name } contactPhone contactEmail } }';
const REGISTER = 'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token user { id role } } }';
const accessEvents = () => server.orm.em.fork().find(AccessEvent, { member: memberId }, { orderBy: { at: 'ASC' } });

describe('registerMember', () => {
  it('creates a MEMBER account that is signed in at once and can sign in again', async () => {
    const me = await server.gql('{ me { role email } myMember { pseudonym workSetting alertAreas { name } contactPhone emailAlerts } }', {}, member.token);
    expect(me.data!.me).toEqual({ role: 'MEMBER', email: 'river@example.org' });
    expect(me.data!.myMember).toEqual({ pseudonym: 'River', workSetting: 'ONLINE', alertAreas: [{ name: 'Kent Police' }], contactPhone: '+447700900555', emailAlerts: true });
    expect(await server.login('river@example.org', 'member-password-1')).toEqual(expect.any(String));
  });

  it('stores contact details as ciphertext (read straight from the table)', async () => {
    const [row] = await server.orm.em.fork().getConnection().execute('select * from member where id = ?', [memberId]);
    const text = JSON.stringify(row);
    expect(text).not.toMatch(/7700900555|safe\.contact/i);
    expect(row.contact_phone_encrypted).toMatch(/^v1:/);
    expect(row.contact_email_encrypted).toMatch(/^v1:/);
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['an unknown alert area', { alertAreaIds: ['00000000-0000-4000-8000-000000000000'] }, 'alertAreaIds', 'BAD_USER_INPUT'],
    ['a short password', { password: 'short' }, 'password', 'BAD_USER_INPUT'],
    ['a malformed e-mail', { email: 'nope' }, 'email', 'BAD_USER_INPUT'],
    ['an unreadable contact phone', { contactPhone: 'ring ring' }, 'contactPhone', 'BAD_USER_INPUT'],
    ['an e-mail already in use', { email: 'river@example.org' }, 'email', 'CONFLICT'],
  ];
  it.each(bad)('refuses %s, naming the field, and writes nothing', async (_what, change, field, code) => {
    const before = await server.orm.em.fork().count(User, {});
    const res = await server.gql(REGISTER, { input: { email: 'new.member@example.org', password: 'member-password-1', pseudonym: 'N', alertAreaIds: [], workSetting: 'STREET', ...change } });
    expect(codesOf(res)).toEqual([code]);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await server.orm.em.fork().count(User, {})).toBe(before);
  });
});

describe('reading members', () => {
  it('a case worker lists members without decrypting anything, so nothing is logged', async () => {
    const before = (await accessEvents()).length;
    const res = await server.gql('{ members(perPage: 100) { totalCount nodes { id pseudonym workSetting } } }', {}, await server.tokenFor(Role.CASE_WORKER));
    expect(res.data!.members.nodes.map((m: { id: string }) => m.id)).toContain(memberId);
    expect((await accessEvents()).length).toBe(before);
  });

  it('a case worker filters members by work setting and alert area, in SQL', async () => {
    const q = 'query ($filter: MemberFilter) { members(filter: $filter, perPage: 100) { nodes { id } } }';
    const t = await server.tokenFor(Role.CASE_WORKER);
    const kent = (await server.gql('{ forces(filter: { q: "Kent" }) { nodes { id } } }', {}, t)).data!.forces.nodes[0].id;
    const ids = async (filter: object) => (await server.gql(q, { filter }, t)).data!.members.nodes.map((n: { id: string }) => n.id);
    expect(await ids({ workSetting: 'ONLINE', alertAreaId: kent })).toEqual([memberId]);
    expect(await ids({ workSetting: 'STREET' })).not.toContain(memberId);
  });

  it('a case worker reading contact details gets them, and the read is logged with the fields', async () => {
    const before = (await accessEvents()).length;
    const res = await server.gql(MEMBER, { id: memberId }, await server.tokenFor(Role.CASE_WORKER));
    expect(res.data!.member).toMatchObject({ contactPhone: '+447700900555', contactEmail: 'safe.contact@example.org' });
    const after = await accessEvents();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ kind: 'MEMBER_CONTACT_READ', actorRole: 'CASE_WORKER', fields: ['contactEmail', 'contactPhone'] });
    const log = await server.gql('query ($memberId: ID!) { accessEvents(filter: { memberId: $memberId }) { totalCount nodes { kind fields actor { name } } } }', { memberId }, await server.tokenFor(Role.MANAGER));
    expect(log.data!.accessEvents.nodes[0]).toEqual({ kind: 'MEMBER_CONTACT_READ', fields: ['contactEmail', 'contactPhone'], actor: { name: 'Casey Worker' } });
  });

  it('the member reads their own contact details without a log entry', async () => {
    const before = (await accessEvents()).length;
    const res = await server.gql(MEMBER, { id: memberId }, member.token);
    expect(res.data!.member.contactPhone).toBe('+447700900555');
    expect((await accessEvents()).length).toBe(before);
  });

  it('another member, police, managers and admins cannot see the member', async () => {
    const sky = await server.tokenFor(Role.MEMBER);
    const other = await server.gql(MEMBER, { id: memberId }, sky);
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
    for (const role of [Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER]) {
      expect(codesOf(await server.gql(MEMBER, { id: memberId }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql('{ members { totalCount } }', {}, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
    }
  });

  it('the access log is staff-only', async () => {
    for (const role of [Role.MEMBER, Role.POLICE_PARTNER]) {
      expect(codesOf(await server.gql('{ accessEvents { totalCount } }', {}, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
    }
  });
});

describe('the access log is written with the read, or the read fails', () => {
  it('a failure to write the log replaces the data with an error', async () => {
    const conn = server.orm.em.fork().getConnection();
    await conn.execute(`create or replace function lantern_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'log store down'; end $$`);
    await conn.execute(`create trigger lantern_test_refuse before insert on access_event for each row execute function lantern_test_refuse()`);
    try {
      const res = await server.gql(MEMBER, { id: memberId }, await server.tokenFor(Role.CASE_WORKER));
      expect(res.status).toBe(500);
      expect(res.data ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toContain('7700900555');
    } finally {
      await conn.execute('drop trigger lantern_test_refuse on access_event');
    }
  });
});


describe('updateMyMember', () => {
  const UPDATE = 'mutation ($input: UpdateMyMemberInput!) { updateMyMember(input: $input) { alertAreas { name } emailAlerts policeContactRoute contactPhone contactEmail } }';

  it('a member changes their own alert areas, e-mail alerts and contact details; what is left out is kept', async () => {
    const other = await registerMember(server, 'brook@example.org', { contactPhone: '07700 900 111' });
    const avon = await forceId(server, 'avon-and-somerset');
    const res = await server.gql(UPDATE, { input: { alertAreaIds: [avon], emailAlerts: true, contactEmail: 'Brook.Safe@example.org' } }, other.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMyMember).toEqual({ alertAreas: [{ name: 'Avon and Somerset Police' }], emailAlerts: true, policeContactRoute: 'VIA_CASE_WORKER', contactPhone: '+447700900111', contactEmail: 'brook.safe@example.org' });
    const cleared = await server.gql(UPDATE, { input: { contactPhone: '' } }, other.token);
    expect(cleared.data!.updateMyMember).toMatchObject({ contactPhone: null, contactEmail: 'brook.safe@example.org', emailAlerts: true });
  });

  it.each([
    ['an unknown alert area', { alertAreaIds: ['00000000-0000-4000-8000-000000000000'] }, 'alertAreaIds'],
    ['a malformed contact e-mail', { contactEmail: 'nope' }, 'contactEmail'],
    ['an unreadable contact phone', { contactPhone: 'ring ring' }, 'contactPhone'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, input, field) => {
    const before = await server.gql('{ myMember { alertAreas { name } contactPhone contactEmail emailAlerts } }', {}, member.token);
    const res = await server.gql(UPDATE, { input: { emailAlerts: false, ...input } }, member.token);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await server.gql('{ myMember { alertAreas { name } contactPhone contactEmail emailAlerts } }', {}, member.token)).toEqual(before);
  });

  it('is for members only', async () => {
    for (const role of [Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER]) {
      const res = await server.gql(UPDATE, { input: { emailAlerts: true } }, await server.tokenFor(role));
      expect(codesOf(res)).toEqual(['FORBIDDEN']);
    }
    expect(codesOf(await server.gql(UPDATE, { input: { emailAlerts: true } }))).toEqual(['UNAUTHENTICATED']);
  });
});
