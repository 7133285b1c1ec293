import { CaseNote } from '../src/modules/case/case.entity';
import { Member } from '../src/modules/member/member.entity';
import { Report } from '../src/modules/report/report.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CASE_FIELDS = 'id status outcome closedAt allowedTransitions assignee { email } report { id reference status }';
const OPEN = `mutation ($reportId: ID!) { openCase(reportId: $reportId) { ${CASE_FIELDS} } }`;
const MOVE = `mutation ($id: ID!, $status: CaseStatus!, $outcome: String) { changeCaseStatus(id: $id, status: $status, outcome: $outcome) { ${CASE_FIELDS} } }`;
const NOTE = 'mutation ($caseId: ID!, $body: String!) { addCaseNote(caseId: $caseId, body: $body) { id body author { name } createdAt } }';
const CASE = 'query ($id: ID!) { case(id: $id) { status notes { body author { name } } supportActions { kind agency status } policeContacts { contactDate force { name } officer crimeReference summary } } }';
const cw = () => server.tokenFor(Role.CASE_WORKER);

async function openCase(): Promise<Record<string, any>> {
  const report = await createReport(server);
  const res = await server.gql(OPEN, { reportId: report.id }, await cw());
  if (!res.data?.openCase) throw new Error(JSON.stringify(res.errors));
  return res.data.openCase;
}

describe('opening a case', () => {
  it('a case worker opens the case on a report: OPEN, assigned to them, the report triaged', async () => {
    const c = await openCase();
    expect(c).toMatchObject({ status: 'OPEN', assignee: { email: 'caseworker@example.org' }, report: { status: 'TRIAGED' }, allowedTransitions: ['ACTIVE', 'CLOSED'] });
  });

  it('a second case on the same report is CONFLICT', async () => {
    const c = await openCase();
    const res = await server.gql(OPEN, { reportId: c.report.id }, await cw());
    expect(codesOf(res)).toEqual(['CONFLICT']);
  });

  it.each([Role.MANAGER, Role.ADMIN, Role.POLICE_PARTNER, Role.MEMBER])('%s may not open a case', async (role) => {
    const report = await createReport(server);
    expect(codesOf(await server.gql(OPEN, { reportId: report.id }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
  });
});

describe('the status machine', () => {
  it('runs a case from first call to closing, and reopens it', async () => {
    const c = await openCase();
    const t = await cw();
    const step = async (status: string, outcome?: string) => (await server.gql(MOVE, { id: c.id, status, outcome }, t)).data!.changeCaseStatus;
    expect((await step('ACTIVE')).status).toBe('ACTIVE');
    expect((await step('POLICE_LIAISON')).status).toBe('POLICE_LIAISON');
    expect((await step('AWAITING_MEMBER')).status).toBe('AWAITING_MEMBER');
    const closed = await step('CLOSED', 'Member supported; safety plan in place; no further action wanted');
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: expect.stringContaining('safety plan'), closedAt: expect.any(String), report: { status: 'CLOSED' }, allowedTransitions: ['ACTIVE'] });
    const reopened = await step('ACTIVE');
    expect(reopened).toMatchObject({ status: 'ACTIVE', closedAt: null, report: { status: 'TRIAGED' } });
  });

  it('an illegal transition is CONFLICT naming status, and changes nothing', async () => {
    const c = await openCase();
    const res = await server.gql(MOVE, { id: c.id, status: 'POLICE_LIAISON' }, await cw());
    expect(codesOf(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].extensions!.field).toBe('status');
    expect((await server.gql(CASE, { id: c.id }, await cw())).data!.case.status).toBe('OPEN');
  });

  it('closing without an outcome is BAD_USER_INPUT naming outcome', async () => {
    const c = await openCase();
    const res = await server.gql(MOVE, { id: c.id, status: 'CLOSED' }, await cw());
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('outcome');
  });

  it('a manager reads the case through its report, assignee included', async () => {
    const c = await openCase();
    const res = await server.gql('query ($id: ID!) { report(id: $id) { case { status assignee { name } notes { author { name } } } } }', { id: c.report.id }, await server.tokenFor(Role.MANAGER));
    expect(res.errors).toBeUndefined();
    expect(res.data!.report.case).toEqual({ status: 'OPEN', assignee: { name: 'Casey Worker' }, notes: [] });
  });

  it('a manager may not move a case', async () => {
    const c = await openCase();
    expect(codesOf(await server.gql(MOVE, { id: c.id, status: 'ACTIVE' }, await server.tokenFor(Role.MANAGER)))).toEqual(['FORBIDDEN']);
  });
});

describe('notes, support actions and police contacts', () => {
  it('a case worker adds them; a manager reads them; members and police may not', async () => {
    const c = await openCase();
    const t = await cw();
    expect((await server.gql(NOTE, { caseId: c.id, body: 'Called the member back; she is safe.' }, t)).data!.addCaseNote.author.name).toBe('Casey Worker');
    const action = await server.gql('mutation ($caseId: ID!, $input: SupportActionInput!) { addSupportAction(caseId: $caseId, input: $input) { id status } }', { caseId: c.id, input: { kind: 'ISVA_REFERRAL', agency: 'Local ISVA service' } }, t);
    expect(action.data!.addSupportAction.status).toBe('PLANNED');
    await server.gql('mutation ($id: ID!) { updateSupportAction(id: $id, status: DONE) { id } }', { id: action.data!.addSupportAction.id }, t);
    const contact = await server.gql('mutation ($caseId: ID!, $input: PoliceContactInput!) { addPoliceContact(caseId: $caseId, input: $input) { id } }', {
      caseId: c.id,
      input: { contactDate: '2026-01-20', forceId: await forceId(server, 'avon-and-somerset'), officer: 'DC Example', crimeReference: 'AS/2026/1234', summary: 'Passed on the anonymous summary.' },
    }, t);
    expect(contact.errors).toBeUndefined();

    const read = await server.gql(CASE, { id: c.id }, await server.tokenFor(Role.MANAGER));
    expect(read.errors).toBeUndefined();
    expect(read.data!.case.notes).toEqual([{ body: 'Called the member back; she is safe.', author: { name: 'Casey Worker' } }]);
    expect(read.data!.case.supportActions).toEqual([{ kind: 'ISVA_REFERRAL', agency: 'Local ISVA service', status: 'DONE' }]);
    expect(read.data!.case.policeContacts[0]).toMatchObject({ force: { name: 'Avon and Somerset Police' }, crimeReference: 'AS/2026/1234' });

    for (const role of [Role.MEMBER, Role.POLICE_PARTNER, Role.ADMIN]) {
      expect(codesOf(await server.gql(CASE, { id: c.id }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql(NOTE, { caseId: c.id, body: 'x' }, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
    }
    expect(codesOf(await server.gql(NOTE, { caseId: c.id, body: 'x' }, await server.tokenFor(Role.MANAGER)))).toEqual(['FORBIDDEN']);
  });

  it('bad input is named and writes nothing', async () => {
    const c = await openCase();
    const t = await cw();
    const m = 'mutation ($caseId: ID!, $input: PoliceContactInput!) { addPoliceContact(caseId: $caseId, input: $input) { id } }';
    const badForce = await server.gql(m, { caseId: c.id, input: { contactDate: '2026-01-20', forceId: '00000000-0000-4000-8000-000000000000', summary: 's' } }, t);
    expect(badForce.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forceId' });
    const emptyNote = await server.gql(NOTE, { caseId: c.id, body: '' }, t);
    expect(emptyNote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const missingCase = await server.gql(NOTE, { caseId: '00000000-0000-4000-8000-000000000000', body: 'x' }, t);
    expect(missingCase.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    expect(await server.orm.em.fork().count(CaseNote, { caseFile: c.id })).toBe(0);
  });

  it('case notes are append-only in the database', async () => {
    const c = await openCase();
    await server.gql(NOTE, { caseId: c.id, body: 'original' }, await cw());
    await expect(server.orm.em.fork().getConnection().execute(`update case_note set body = 'changed' where case_file_id = ?`, [c.id])).rejects.toThrow(/append-only/);
  });
});

describe('cases list', () => {
  it('"my cases" and status filters', async () => {
    const c = await openCase();
    const q = 'query ($filter: CaseFilter) { cases(filter: $filter, perPage: 100) { totalCount nodes { id status assignee { email } } } }';
    const mine = await server.gql(q, { filter: { assignedToMe: true, open: true } }, await cw());
    expect(mine.data!.cases.nodes.map((n: { id: string }) => n.id)).toContain(c.id);
    expect(mine.data!.cases.nodes.every((n: { assignee: { email: string } }) => n.assignee.email === 'caseworker@example.org')).toBe(true);
    const managerMine = await server.gql(q, { filter: { assignedToMe: true } }, await server.tokenFor(Role.MANAGER));
    expect(managerMine.data!.cases.totalCount).toBe(0);
    expect(codesOf(await server.gql(q, {}, await server.tokenFor(Role.MEMBER)))).toEqual(['FORBIDDEN']);
  });
});

describe('members see only the status of their case', () => {
  it('caseStatus, never the case or its notes', async () => {
    const em = server.orm.em.fork();
    const sky = await em.findOneOrFail(Member, { user: await em.findOneOrFail(User, { email: 'member@example.org' }) });
    const report = await createReport(server, { memberId: sky.id });
    const opened = await server.gql(OPEN, { reportId: report.id }, await cw());
    await server.gql(NOTE, { caseId: opened.data!.openCase.id, body: 'staff only' }, await cw());
    const t = await server.tokenFor(Role.MEMBER);
    const res = await server.gql('query ($id: ID!) { report(id: $id) { caseStatus } }', { id: report.id }, t);
    expect(res.data!.report.caseStatus).toBe('OPEN');
    expect(codesOf(await server.gql('query ($id: ID!) { report(id: $id) { case { notes { body } } } }', { id: report.id }, t))).toEqual(['FORBIDDEN']);
    expect(await em.count(Report, { member: sky.id })).toBeGreaterThan(0);
  });
});

describe('assignCase', () => {
  it('a case worker reassigns a case to another active case worker, or unassigns it; bad assignees are named', async () => {
    const c = await openCase();
    const t = await cw();
    const created = await server.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: 'second.cw@example.org', name: 'Second Worker', role: 'CASE_WORKER', password: 'a-long-password-1' } }, await server.tokenFor(Role.ADMIN));
    const other = created.data!.createUser.id;
    const m = 'mutation ($id: ID!, $a: ID) { assignCase(id: $id, assigneeId: $a) { assignee { name } } }';
    expect((await server.gql(m, { id: c.id, a: other }, t)).data!.assignCase.assignee).toEqual({ name: 'Second Worker' });
    expect((await server.gql(m, { id: c.id, a: null }, t)).data!.assignCase.assignee).toBeNull();
    const manager = (await server.gql('{ me { id } }', {}, await server.tokenFor(Role.MANAGER))).data!.me.id;
    expect((await server.gql(m, { id: c.id, a: manager }, t)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    expect(codesOf(await server.gql(m, { id: c.id, a: other }, await server.tokenFor(Role.MANAGER)))).toEqual(['FORBIDDEN']);
  });
});
