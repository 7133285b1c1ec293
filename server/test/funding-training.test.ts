import { Funder, FundingRecord } from '../src/modules/funding/funding.entity';
import { TrainingFeedback, TrainingInvitation, TrainingSession } from '../src/modules/training/training.entity';
import { Role } from '../src/policy/roles';
import { forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Funding and training records by role (DESIGN.md: managers read and write; case workers and
 * admins read; a police partner reads only their own force's; members never), bad input, and the
 * funding totals against hand-computed figures.
 */
let server: TestServer;
let manager: string;
const ids: Record<string, string> = {};

const FUNDER = 'mutation ($input: FunderInput!) { createFunder(input: $input) { id name kind force { code } } }';
const RECORD = 'mutation ($input: FundingRecordInput!) { createFundingRecord(input: $input) { id financialYear amountPence purpose funder { name } } }';
const SESSION = 'mutation ($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id date financialYear officersAttending forces { code } trainers { name expertByExperience } } }';
const FEEDBACK = 'mutation ($id: ID!, $input: TrainingFeedbackInput!) { recordTrainingFeedback(sessionId: $id, input: $input) { id feedback { responses intendToUse concernsBefore { theme count } concernsAfter { theme count } } } }';
const INVITE = 'mutation ($input: TrainingInvitationInput!) { createTrainingInvitation(input: $input) { id status force { code } } }';

async function ok<T = any>(query: string, variables: Record<string, unknown>, token = manager): Promise<T> {
  const res = await server.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const counts = async () => {
  const em = server.orm.em.fork();
  return {
    funders: await em.count(Funder, {}),
    records: await em.count(FundingRecord, {}),
    sessions: await em.count(TrainingSession, {}),
    feedback: await em.count(TrainingFeedback, {}),
    invitations: await em.count(TrainingInvitation, {}),
  };
};

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor(Role.MANAGER);
  const avon = await forceId(server, 'avon-and-somerset');
  const kent = await forceId(server, 'kent');
  ids.avonForce = avon;
  ids.kentForce = kent;
  ids.avon = (await ok(FUNDER, { input: { kind: 'POLICE_FORCE', forceId: avon } })).createFunder.id;
  ids.kent = (await ok(FUNDER, { input: { kind: 'POLICE_FORCE', forceId: kent } })).createFunder.id;
  ids.comicRelief = (await ok(FUNDER, { input: { kind: 'CHARITY', name: 'Comic Relief' } })).createFunder.id;
  const record = async (funderId: string, financialYear: string, amountPence: number, purpose: string) =>
    (await ok(RECORD, { input: { funderId, financialYear, amountPence, purpose, receivedOn: '2021-01-15', agreementReference: 'AG-1' } })).createFundingRecord.id;
  ids.avon2021 = await record(ids.avon, '2020/21', 1_500_000, 'CORE_REPORTING_AND_ALERTING');
  ids.avon2122 = await record(ids.avon, '2021/22', 1_200_000, 'CORE_REPORTING_AND_ALERTING');
  ids.kent2021 = await record(ids.kent, '2020/21', 2_000_000, 'CORE_REPORTING_AND_ALERTING');
  ids.cr2021 = await record(ids.comicRelief, '2020/21', 4_000_000, 'CASE_WORK');

  const session = async (forceIds: string[], officersAttending: number, date: string) =>
    (await ok(SESSION, { input: { date, forceIds, format: 'IN_PERSON', programme: '2020/21 police training', officersAttending, trainers: [{ name: 'Ruby', expertByExperience: true }] } })).createTrainingSession.id;
  ids.sessionAvon = await session([avon], 20, '2020-06-10');
  ids.sessionJoint = await session([avon, kent], 30, '2021-02-10');
  ids.sessionKent = await session([kent], 10, '2021-05-10');
  ids.inviteAvon = (await ok(INVITE, { input: { forceId: avon, programme: 'Next programme', invitedOn: '2021-04-01' } })).createTrainingInvitation.id;
  ids.inviteKent = (await ok(INVITE, { input: { forceId: kent, programme: 'Next programme', invitedOn: '2021-04-01' } })).createTrainingInvitation.id;
});
afterAll(() => server.close());

describe('managers keep the records', () => {
  it('a police force funder takes the force’s name; records keep pence exactly', async () => {
    const res = await ok('query ($id: ID!) { funder(id: $id) { name kind force { code } } fundingRecord(id: $i2) { amountPence financialYear purpose receivedOn agreementReference funder { name } } }'.replace('$id: ID!', '$id: ID!, $i2: ID!'), { id: ids.avon, i2: ids.avon2021 });
    expect(res.funder).toEqual({ name: 'Avon and Somerset Police', kind: 'POLICE_FORCE', force: { code: 'avon-and-somerset' } });
    expect(res.fundingRecord).toEqual({ amountPence: 1_500_000, financialYear: '2020/21', purpose: 'CORE_REPORTING_AND_ALERTING', receivedOn: '2021-01-15', agreementReference: 'AG-1', funder: { name: 'Avon and Somerset Police' } });
  });

  it('records feedback on a session, merging repeated themes, and replaces it when recorded again', async () => {
    const first = await ok(FEEDBACK, { id: ids.sessionJoint, input: { responses: 25, intendToUse: 24, concernsBefore: [{ theme: 'Evidence', count: 5 }, { theme: ' evidence ', count: 2 }, { theme: 'Workload', count: 9 }], concernsAfter: [] } });
    expect(first.recordTrainingFeedback.feedback).toEqual({ responses: 25, intendToUse: 24, concernsBefore: [{ theme: 'Workload', count: 9 }, { theme: 'Evidence', count: 7 }], concernsAfter: [] });
    const again = await ok(FEEDBACK, { id: ids.sessionJoint, input: { responses: 26, intendToUse: 25 } });
    expect(again.recordTrainingFeedback.feedback).toMatchObject({ responses: 26, intendToUse: 25, concernsBefore: [] });
    expect(await server.orm.em.fork().count(TrainingFeedback, { session: ids.sessionJoint })).toBe(1);
  });

  it('moves an invitation along, dating each step, and refuses a step that is not allowed', async () => {
    const MOVE = 'mutation ($id: ID!, $status: InvitationStatus!, $on: String!, $sessionId: ID) { moveTrainingInvitation(id: $id, status: $status, on: $on, sessionId: $sessionId) { status acceptedOn deliveredOn session { id } } }';
    const other = (await ok(INVITE, { input: { forceId: await forceId(server, 'dorset'), programme: 'Next programme', invitedOn: '2021-04-01' } })).createTrainingInvitation.id;
    expect((await ok(MOVE, { id: other, status: 'ACCEPTED', on: '2021-04-20' })).moveTrainingInvitation).toEqual({ status: 'ACCEPTED', acceptedOn: '2021-04-20', deliveredOn: null, session: null });
    const wrongSession = await server.gql(MOVE, { id: other, status: 'DELIVERED', on: '2021-06-01', sessionId: ids.sessionKent }, manager);
    expect(codesOf(wrongSession)).toEqual(['BAD_USER_INPUT']);
    expect(wrongSession.errors![0].extensions!.field).toBe('sessionId');
    expect(codesOf(await server.gql(MOVE, { id: other, status: 'INVITED', on: '2021-06-01' }, manager))).toEqual(['CONFLICT']);
    const delivered = await ok(MOVE, { id: ids.inviteKent, status: 'ACCEPTED', on: '2021-04-02' });
    expect(delivered.moveTrainingInvitation.status).toBe('ACCEPTED');
    const done = await ok(MOVE, { id: ids.inviteKent, status: 'DELIVERED', on: '2021-05-10', sessionId: ids.sessionKent });
    expect(done.moveTrainingInvitation).toEqual({ status: 'DELIVERED', acceptedOn: '2021-04-02', deliveredOn: '2021-05-10', session: { id: ids.sessionKent } });
  });
});

describe('bad input: a coded error naming the field, and nothing written', () => {
  const base = () => ({ funderId: ids.avon, financialYear: '2022/23', amountPence: 100, purpose: 'TRAINING' });
  const cases: [string, () => [string, Record<string, unknown>], string][] = [
    ['a negative amount', () => [RECORD, { input: { ...base(), amountPence: -500 } }], 'amountPence'],
    ['a zero amount', () => [RECORD, { input: { ...base(), amountPence: 0 } }], 'amountPence'],
    ['a fractional amount', () => [RECORD, { input: { ...base(), amountPence: 1250.5 } }], 'amountPence'],
    ['a financial year whose second part is not the next year', () => [RECORD, { input: { ...base(), financialYear: '2020/22' } }], 'financialYear'],
    ['a financial year written with a dash', () => [RECORD, { input: { ...base(), financialYear: '2020-21' } }], 'financialYear'],
    ['a funder that does not exist', () => [RECORD, { input: { ...base(), funderId: '00000000-0000-4000-8000-000000000000' } }], 'funderId'],
    ['a received date in the future', () => [RECORD, { input: { ...base(), receivedOn: '2999-01-01' } }], 'receivedOn'],
    ['a police funder without a force', () => [FUNDER, { input: { kind: 'POLICE_FORCE', name: 'Somewhere Police' } }], 'forceId'],
    ['a second funder for the same force', () => [FUNDER, { input: { kind: 'POLICE_FORCE', forceId: ids.avonForce } }], 'forceId'],
    ['a session with no forces', () => [SESSION, { input: { date: '2021-01-01', forceIds: [], format: 'ONLINE', programme: 'P', officersAttending: 5 } }], 'forceIds'],
    ['a session with an unknown force', () => [SESSION, { input: { date: '2021-01-01', forceIds: ['00000000-0000-4000-8000-000000000000'], format: 'ONLINE', programme: 'P', officersAttending: 5 } }], 'forceIds'],
    ['a session with a negative attendance', () => [SESSION, { input: { date: '2021-01-01', forceIds: [ids.kentForce], format: 'ONLINE', programme: 'P', officersAttending: -1 } }], 'officersAttending'],
    ['a session on an impossible date', () => [SESSION, { input: { date: '2021-02-30', forceIds: [ids.kentForce], format: 'ONLINE', programme: 'P', officersAttending: 5 } }], 'date'],
    ['more intending to use the service than responses', () => [FEEDBACK, { id: ids.sessionAvon, input: { responses: 10, intendToUse: 11 } }], 'intendToUse'],
    ['more responses than officers attending', () => [FEEDBACK, { id: ids.sessionAvon, input: { responses: 21, intendToUse: 1 } }], 'responses'],
    ['a blank concern theme', () => [FEEDBACK, { id: ids.sessionAvon, input: { responses: 5, intendToUse: 5, concernsBefore: [{ theme: '   ', count: 2 }] } }], 'concernsBefore.0.theme'],
    ['a force invited twice to one programme', () => [INVITE, { input: { forceId: ids.avonForce, programme: 'Next programme', invitedOn: '2021-04-01' } }], 'forceId'],
  ];
  it.each(cases)('refuses %s', async (_what, make, field) => {
    const before = await counts();
    const [query, variables] = make();
    const res = await server.gql(query, variables, manager);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(codesOf(res)[0]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toMatch(new RegExp(field.split('.').pop()!));
    expect(await counts()).toEqual(before);
  });

  it('a failed update changes nothing', async () => {
    const res = await server.gql('mutation ($id: ID!, $input: FundingRecordInput!) { updateFundingRecord(id: $id, input: $input) { id } }', { id: ids.avon2021, input: { funderId: ids.kent, financialYear: '2021/23', amountPence: 5, purpose: 'OTHER' } }, manager);
    expect(res.errors![0].extensions!.field).toBe('financialYear');
    const row = await server.orm.em.fork().findOneOrFail(FundingRecord, ids.avon2021, { populate: ['funder'] });
    expect([row.funder.id, row.financialYear, row.amountPence, row.purpose]).toEqual([ids.avon, '2020/21', 1_500_000, 'CORE_REPORTING_AND_ALERTING']);
  });
});

describe('who sees what', () => {
  const LISTS = `{
    fundingRecords(perPage: 100) { totalCount nodes { id funder { name } amountPence } }
    funders(perPage: 100) { totalCount nodes { id name } }
    trainingSessions(perPage: 100) { totalCount nodes { id forces { code } feedback { responses } } }
    trainingInvitations(perPage: 100) { totalCount nodes { id force { code } } }
    fundingTotals { totalPence byFunder { funder { name } amountPence } }
  }`;
  const ONE = 'query ($id: ID!) { fundingRecord(id: $id) { id amountPence } }';

  it('staff (manager, case worker, admin) read everything', async () => {
    for (const role of [Role.MANAGER, Role.CASE_WORKER, Role.ADMIN]) {
      const res = await server.gql(LISTS, {}, await server.tokenFor(role));
      expect(res.errors).toBeUndefined();
      expect(res.data!.fundingRecords.totalCount).toBe(4);
      expect(res.data!.funders.totalCount).toBe(3);
      expect(res.data!.trainingSessions.totalCount).toBe(3);
      expect(res.data!.trainingInvitations.totalCount).toBeGreaterThanOrEqual(2);
      expect(res.data!.fundingTotals.totalPence).toBe(8_700_000);
    }
  });

  it('a Kent officer sees only Kent’s funding and training; Avon’s answers exactly like a record that does not exist', async () => {
    const kent = await server.tokenFor('POLICE_KENT');
    const res = await server.gql(LISTS, {}, kent);
    expect(res.errors).toBeUndefined();
    expect(res.data!.fundingRecords).toEqual({ totalCount: 1, nodes: [{ id: ids.kent2021, funder: { name: 'Kent Police' }, amountPence: 2_000_000 }] });
    expect(res.data!.funders.nodes.map((f: { name: string }) => f.name)).toEqual(['Kent Police']);
    expect(res.data!.trainingSessions.nodes.map((s: { id: string }) => s.id).sort()).toEqual([ids.sessionJoint, ids.sessionKent].sort());
    // A joint session shows every force that attended it.
    expect(res.data!.trainingSessions.nodes.find((s: { id: string }) => s.id === ids.sessionJoint).forces.map((f: { code: string }) => f.code)).toEqual(['avon-and-somerset', 'kent']);
    expect(res.data!.trainingInvitations.nodes.map((i: { force: { code: string } }) => i.force.code)).toEqual(['kent']);
    expect(res.data!.fundingTotals).toEqual({ totalPence: 2_000_000, byFunder: [{ funder: { name: 'Kent Police' }, amountPence: 2_000_000 }] });

    const hidden = await server.gql(ONE, { id: ids.avon2021 }, kent);
    const missing = await server.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, kent);
    expect(codesOf(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    expect(codesOf(await server.gql('query ($id: ID!) { trainingSession(id: $id) { id } }', { id: ids.sessionAvon }, kent))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql('query ($id: ID!) { trainingInvitation(id: $id) { id } }', { id: ids.inviteAvon }, kent))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql('query ($id: ID!) { funder(id: $id) { id } }', { id: ids.comicRelief }, kent))).toEqual(['NOT_FOUND']);
    // Filtering by another force's funder finds nothing, and the totals stay Kent's.
    const filtered = await server.gql('query ($f: ID!) { fundingRecords(filter: { funderId: $f }) { totalCount } fundingTotals(filter: { funderId: $f }) { totalPence } }', { f: ids.avon }, kent);
    expect(filtered.data).toEqual({ fundingRecords: { totalCount: 0 }, fundingTotals: { totalPence: 0 } });
  });

  it('trainers’ names stay with the charity: police see only whether an expert by experience led the session', async () => {
    const q = 'query ($id: ID!) { trainingSession(id: $id) { trainers { name expertByExperience } } }';
    const police = await server.gql(q, { id: ids.sessionKent }, await server.tokenFor('POLICE_KENT'));
    expect(police.data!.trainingSession.trainers).toEqual([{ name: null, expertByExperience: true }]);
    expect(codesOf(police)).toEqual(['FORBIDDEN']);
    expect(police.errors![0].path).toEqual(['trainingSession', 'trainers', 0, 'name']);
    const ok = await server.gql('query ($id: ID!) { trainingSession(id: $id) { trainers { expertByExperience } } }', { id: ids.sessionKent }, await server.tokenFor('POLICE_KENT'));
    expect(ok.errors).toBeUndefined();
    const staff = await server.gql(q, { id: ids.sessionKent }, await server.tokenFor(Role.CASE_WORKER));
    expect(staff.data!.trainingSession.trainers).toEqual([{ name: 'Ruby', expertByExperience: true }]);
  });

  it('an Avon officer sees Avon’s two records and the sessions Avon attended', async () => {
    const res = await server.gql(LISTS, {}, await server.tokenFor('POLICE_AVON'));
    expect(res.data!.fundingRecords.totalCount).toBe(2);
    expect(res.data!.fundingTotals.totalPence).toBe(2_700_000);
    expect(res.data!.trainingSessions.nodes.map((s: { id: string }) => s.id).sort()).toEqual([ids.sessionAvon, ids.sessionJoint].sort());
  });

  it('police cannot read the impact statistics; members read none of it', async () => {
    expect(codesOf(await server.gql('{ impactStatistics { reports } }', {}, await server.tokenFor('POLICE_KENT')))).toEqual(['FORBIDDEN']);
    const member = await registerMember(server, 'funding.member@example.org');
    for (const q of ['{ fundingRecords { totalCount } }', '{ funders { totalCount } }', '{ trainingSessions { totalCount } }', '{ trainingInvitations { totalCount } }', '{ fundingTotals { totalPence } }', '{ impactStatistics { reports } }']) {
      expect(codesOf(await server.gql(q, {}, member.token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql(q))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('only managers write: case workers, admins, police and members are refused and nothing changes', async () => {
    const member = await registerMember(server, 'funding.member2@example.org');
    const before = await counts();
    const attempts: [string, Record<string, unknown>][] = [
      [FUNDER, { input: { kind: 'CHARITY', name: 'Someone' } }],
      [RECORD, { input: { funderId: ids.kent, financialYear: '2022/23', amountPence: 100, purpose: 'OTHER' } }],
      ['mutation ($id: ID!) { deleteFundingRecord(id: $id) { id } }', { id: ids.kent2021 }],
      [SESSION, { input: { date: '2021-01-01', forceIds: [ids.kentForce], format: 'ONLINE', programme: 'P', officersAttending: 5 } }],
      [FEEDBACK, { id: ids.sessionKent, input: { responses: 1, intendToUse: 1 } }],
      ['mutation ($id: ID!) { deleteTrainingSession(id: $id) { id } }', { id: ids.sessionAvon }],
      [INVITE, { input: { forceId: ids.kentForce, programme: 'Other', invitedOn: '2021-01-01' } }],
      ['mutation ($id: ID!) { updateFunder(id: $id, input: { kind: CHARITY, name: "Renamed" }) { id } }', { id: ids.comicRelief }],
      ['mutation ($id: ID!, $f: ID!) { updateFundingRecord(id: $id, input: { funderId: $f, financialYear: "2020/21", amountPence: 1, purpose: OTHER }) { id } }', { id: ids.kent2021, f: ids.kent }],
      ['mutation ($id: ID!, $f: ID!) { updateTrainingSession(id: $id, input: { date: "2021-01-01", forceIds: [$f], format: ONLINE, programme: "P", officersAttending: 1 }) { id } }', { id: ids.sessionKent, f: ids.kentForce }],
      ['mutation ($id: ID!) { moveTrainingInvitation(id: $id, status: ACCEPTED, on: "2021-04-03") { id } }', { id: ids.inviteAvon }],
    ];
    for (const token of [await server.tokenFor(Role.CASE_WORKER), await server.tokenFor(Role.ADMIN), await server.tokenFor('POLICE_KENT'), member.token]) {
      for (const [query, variables] of attempts) expect(codesOf(await server.gql(query, variables, token))).toEqual(['FORBIDDEN']);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('funding totals', () => {
  it('sums by year, by funder, by both and by purpose, as computed by hand', async () => {
    const res = await ok(`{ fundingTotals {
      totalPence
      byYear { financialYear amountPence funders forceFunders }
      byFunder { funder { name } amountPence }
      byYearAndFunder { financialYear funder { name } amountPence }
      byPurpose { purpose amountPence }
    } }`, {});
    expect(res.fundingTotals).toEqual({
      totalPence: 8_700_000,
      byYear: [
        { financialYear: '2020/21', amountPence: 7_500_000, funders: 3, forceFunders: 2 },
        { financialYear: '2021/22', amountPence: 1_200_000, funders: 1, forceFunders: 1 },
      ],
      byFunder: [
        { funder: { name: 'Comic Relief' }, amountPence: 4_000_000 },
        { funder: { name: 'Avon and Somerset Police' }, amountPence: 2_700_000 },
        { funder: { name: 'Kent Police' }, amountPence: 2_000_000 },
      ],
      byYearAndFunder: [
        { financialYear: '2020/21', funder: { name: 'Avon and Somerset Police' }, amountPence: 1_500_000 },
        { financialYear: '2020/21', funder: { name: 'Comic Relief' }, amountPence: 4_000_000 },
        { financialYear: '2020/21', funder: { name: 'Kent Police' }, amountPence: 2_000_000 },
        { financialYear: '2021/22', funder: { name: 'Avon and Somerset Police' }, amountPence: 1_200_000 },
      ],
      byPurpose: [
        { purpose: 'CASE_WORK', amountPence: 4_000_000 },
        { purpose: 'CORE_REPORTING_AND_ALERTING', amountPence: 4_700_000 },
      ],
    });
  });

  it('filters by year, purpose and funder kind, and lists filter the same way', async () => {
    const res = await ok(`{
      y: fundingTotals(filter: { financialYear: "2020/21", funderKind: POLICE_FORCE }) { totalPence }
      p: fundingTotals(filter: { purpose: CASE_WORK }) { totalPence }
      l: fundingRecords(filter: { financialYear: "2020/21" }, sortField: amountPence, sortOrder: DESC) { totalCount nodes { amountPence } }
    }`, {});
    expect(res.y.totalPence).toBe(3_500_000);
    expect(res.p.totalPence).toBe(4_000_000);
    expect(res.l).toEqual({ totalCount: 3, nodes: [{ amountPence: 4_000_000 }, { amountPence: 2_000_000 }, { amountPence: 1_500_000 }] });
    const bad = await server.gql('{ fundingRecords(filter: { financialYear: "2020" }) { totalCount } }', {}, manager);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('filter.financialYear');
  });
});
