import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
let kent: string;
beforeAll(async () => {
  server = await startTestServer();
  kent = await forceId(server, 'kent');
});
afterAll(() => server.close());

const KENT = () => server.tokenFor('POLICE_KENT');
const AVON = () => server.tokenFor('POLICE_AVON');
const CW = () => server.tokenFor(Role.CASE_WORKER);
const FIELDS = 'id status kind question identifierKind identifierValue crimeReference reply answeredAt force { name } requestedByName reports { reference policeSummary }';
const CREATE = `mutation ($input: CreatePoliceRequestInput!) { createPoliceRequest(input: $input) { ${FIELDS} } }`;
const ONE = `query ($id: ID!) { policeRequest(id: $id) { ${FIELDS} } }`;
const LIST = '{ policeRequests(perPage: 100) { totalCount nodes { id force { name } } } }';
const ANSWER = `mutation ($id: ID!, $reply: String!, $reportIds: [ID!]) { answerPoliceRequest(id: $id, reply: $reply, reportIds: $reportIds) { ${FIELDS} } }`;

async function ask(token?: string): Promise<Record<string, any>> {
  const res = await server.gql(CREATE, { input: { kind: 'IDENTIFIER_INTELLIGENCE', question: 'Do members report this number?', identifierKind: 'PHONE', identifierValue: '07700 900 123', crimeReference: 'KE/26/0042' } }, token ?? (await KENT()));
  if (!res.data?.createPoliceRequest) throw new Error(JSON.stringify(res.errors));
  return res.data.createPoliceRequest;
}

describe('police requests', () => {
  it('an officer asks about an identifier (normalised) for their own force', async () => {
    const r = await ask();
    expect(r).toMatchObject({ status: 'OPEN', identifierValue: '+447700900123', force: { name: 'Kent Police' }, requestedByName: 'PC Kit Kent', reply: null, reports: [] });
  });

  it('officers see only their own force’s requests; another force’s is NOT_FOUND', async () => {
    const r = await ask();
    const avonList = (await server.gql(LIST, {}, await AVON())).data!.policeRequests.nodes;
    expect(avonList.map((n: { id: string }) => n.id)).not.toContain(r.id);
    expect(codesOf(await server.gql(ONE, { id: r.id }, await AVON()))).toEqual(['NOT_FOUND']);
    const kentList = (await server.gql(LIST, {}, await KENT())).data!.policeRequests.nodes;
    expect(kentList.every((n: { force: { name: string } }) => n.force.name === 'Kent Police')).toBe(true);
  });

  it('a case worker answers, attaching only reports visible to that force; the officer reads the reply and the reports', async () => {
    const r = await ask();
    const visible = await createReport(server, { forceAreaId: kent, consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true } });
    const hidden = await createReport(server, { forceAreaId: kent, consent: { police: 'NONE', alerts: true } });
    const refused = await server.gql(ANSWER, { id: r.id, reply: 'Two reports.', reportIds: [visible.id, hidden.id] }, await CW());
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportIds' });
    expect((await server.gql(ONE, { id: r.id }, await CW())).data!.policeRequest.status).toBe('OPEN');

    await server.gql('mutation ($id: ID!) { markPoliceRequestWithMember(id: $id) { status } }', { id: r.id }, await CW());
    const answered = await server.gql(ANSWER, { id: r.id, reply: 'One member agreed to share.', reportIds: [visible.id] }, await CW());
    expect(answered.data!.answerPoliceRequest).toMatchObject({ status: 'ANSWERED', answeredAt: expect.any(String) });
    const read = await server.gql(ONE, { id: r.id }, await KENT());
    expect(read.data!.policeRequest).toMatchObject({ reply: 'One member agreed to share.', reports: [{ reference: visible.reference, policeSummary: 'Assault by a client at a hotel.' }] });

    // The member later withdraws: the attached report disappears from the answer too.
    await server.gql('mutation ($id: ID!) { setReportConsent(reportId: $id, police: NONE, alerts: true) { id } }', { id: visible.id }, await CW());
    expect((await server.gql(ONE, { id: r.id }, await KENT())).data!.policeRequest.reports).toEqual([]);
  });

  it('the workflow refuses illegal moves with CONFLICT', async () => {
    const r = await ask();
    await server.gql('mutation ($id: ID!) { declinePoliceRequest(id: $id, reply: "The member does not consent.") { status } }', { id: r.id }, await CW());
    const again = await server.gql(ANSWER, { id: r.id, reply: 'late' }, await CW());
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'status' });
  });

  it('bad input is named: an identifier request without its identifier, an unreadable phone', async () => {
    const t = await KENT();
    const noValue = await server.gql(CREATE, { input: { kind: 'IDENTIFIER_INTELLIGENCE', question: 'q', identifierKind: 'PHONE' } }, t);
    expect(noValue.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identifierValue' });
    const bad = await server.gql(CREATE, { input: { kind: 'IDENTIFIER_INTELLIGENCE', question: 'q', identifierKind: 'PHONE', identifierValue: 'nope' } }, t);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identifierValue' });
  });

  it.each([Role.CASE_WORKER, Role.MANAGER, Role.ADMIN, Role.MEMBER])('%s may not create a request', async (role) => {
    const res = await server.gql(CREATE, { input: { kind: 'ALERT', question: 'Please warn members' } }, await server.tokenFor(role));
    expect(codesOf(res)).toEqual(['FORBIDDEN']);
  });

  it('police may not answer; admins and members may not read requests', async () => {
    const r = await ask();
    expect(codesOf(await server.gql(ANSWER, { id: r.id, reply: 'x' }, await KENT()))).toEqual(['FORBIDDEN']);
    for (const role of [Role.ADMIN, Role.MEMBER]) expect(codesOf(await server.gql(LIST, {}, await server.tokenFor(role)))).toEqual(['FORBIDDEN']);
    expect((await server.gql(LIST, {}, await server.tokenFor(Role.MANAGER))).errors).toBeUndefined();
  });
});
