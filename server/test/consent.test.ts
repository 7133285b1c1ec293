import { ConsentEvent } from '../src/modules/consent/consent.entity';
import { Member } from '../src/modules/member/member.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let ownReportId: string;
let otherReportId: string;
beforeAll(async () => {
  server = await startTestServer();
  const em = server.orm.em.fork();
  const sky = await em.findOneOrFail(Member, { user: await em.findOneOrFail(User, { email: 'member@example.org' }) });
  ownReportId = (await createReport(server, { memberId: sky.id, consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true } })).id;
  otherReportId = (await createReport(server, { forceAreaId: await forceId(server, 'kent') })).id;
});
afterAll(() => server.close());

const SET = `mutation ($reportId: ID!, $police: PoliceConsent!, $alerts: Boolean!, $statistics: Boolean, $method: ConsentMethod, $note: String) {
  setReportConsent(reportId: $reportId, police: $police, alerts: $alerts, statistics: $statistics, method: $method, note: $note) { id consent { police alerts statistics method withdrawnAt } }
}`;
const HISTORY = `query ($id: ID!) { report(id: $id) { consent { police } consentHistory { at actorRole method previousPolice police previousAlerts alerts note } } }`;
const events = (reportId: string) => server.orm.em.fork().count(ConsentEvent, { report: reportId });

describe('setReportConsent', () => {
  it('the member withdraws police consent on their own report: effective on the next request, appended to the history', async () => {
    const t = await server.tokenFor(Role.MEMBER);
    const res = await server.gql(SET, { reportId: ownReportId, police: 'NONE', alerts: true, method: 'PHONE' }, t);
    expect(res.errors).toBeUndefined();
    expect(res.data!.setReportConsent.consent).toMatchObject({ police: 'NONE', method: 'SELF_SERVICE', withdrawnAt: expect.any(String) });
    const next = await server.gql(HISTORY, { id: ownReportId }, t);
    expect(next.data!.report.consent.police).toBe('NONE');
    const history = next.data!.report.consentHistory;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ previousPolice: null, police: 'ANONYMOUS_INTELLIGENCE', actorRole: 'CASE_WORKER', method: 'PHONE' });
    expect(history[1]).toMatchObject({ previousPolice: 'ANONYMOUS_INTELLIGENCE', police: 'NONE', actorRole: 'MEMBER', method: 'SELF_SERVICE' });
  });

  it('a member changing the consent of someone else’s report gets NOT_FOUND naming reportId, and nothing is written', async () => {
    const before = await events(otherReportId);
    const res = await server.gql(SET, { reportId: otherReportId, police: 'FULL', alerts: true }, await server.tokenFor(Role.MEMBER));
    expect(codesOf(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].extensions!.field).toBe('reportId');
    expect(await events(otherReportId)).toBe(before);
  });

  it('a case worker records a consent given by phone, with a note', async () => {
    const res = await server.gql(SET, { reportId: otherReportId, police: 'FULL', alerts: false, statistics: false, method: 'PHONE', note: 'Member agreed on the phone to talk to Kent Police' }, await server.tokenFor(Role.CASE_WORKER));
    expect(res.data!.setReportConsent.consent).toMatchObject({ police: 'FULL', alerts: false, statistics: false, method: 'PHONE', withdrawnAt: null });
    const history = (await server.gql(HISTORY, { id: otherReportId }, await server.tokenFor(Role.MANAGER))).data!.report.consentHistory;
    expect(history.at(-1)).toMatchObject({ police: 'FULL', note: 'Member agreed on the phone to talk to Kent Police' });
  });

  it.each([Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER])('%s may not change consent; nothing is written', async (role) => {
    const before = await events(otherReportId);
    expect(codesOf(await server.gql(SET, { reportId: otherReportId, police: 'NONE', alerts: false }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
    expect(await events(otherReportId)).toBe(before);
  });

  it('staff see who made each change; the member does not', async () => {
    const q = 'query ($id: ID!) { report(id: $id) { consentHistory { actorName } consent { recordedByName } } }';
    const staff = await server.gql(q, { id: ownReportId }, await server.tokenFor(Role.CASE_WORKER));
    expect(staff.data!.report.consentHistory[0].actorName).toBe('Casey Worker');
    const member = await server.gql(q, { id: ownReportId }, await server.tokenFor(Role.MEMBER));
    expect(member.data!.report.consentHistory.every((e: { actorName: unknown }) => e.actorName === null)).toBe(true);
    expect(codesOf(member).every((c) => c === 'FORBIDDEN')).toBe(true);
  });
});

describe('the consent history is append-only', () => {
  it('the API offers no way to edit or delete an event', () => {
    const { buildLanternSchema } = jest.requireActual('../src/schema') as typeof import('../src/schema');
    const mutations = Object.keys(buildLanternSchema().getMutationType()!.getFields());
    expect(mutations.filter((m) => /consentevent|history/i.test(m))).toEqual([]);
  });

  it('the ORM refuses to update or delete an event', async () => {
    const em = server.orm.em.fork();
    const event = await em.findOneOrFail(ConsentEvent, { report: ownReportId }, { orderBy: { at: 'ASC' } });
    event.note = 'rewritten';
    await expect(em.flush()).rejects.toThrow(/append-only/);
    const em2 = server.orm.em.fork();
    em2.remove(await em2.findOneOrFail(ConsentEvent, { report: ownReportId }, { orderBy: { at: 'ASC' } }));
    await expect(em2.flush()).rejects.toThrow(/append-only/);
  });

  it('the database refuses it too, whatever the path (a trigger)', async () => {
    const conn = server.orm.em.fork().getConnection();
    await expect(conn.execute(`update consent_event set police = 'FULL' where report_id = ?`, [ownReportId])).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from consent_event where report_id = ?`, [ownReportId])).rejects.toThrow(/append-only/);
    expect(await events(ownReportId)).toBe(2);
  });
});
