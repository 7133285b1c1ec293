import { Alert, AlertStatus } from '../src/modules/alert/alert.entity';
import { Force } from '../src/modules/force/force.entity';
import { IncidentType } from '../src/modules/report/report.enums';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

/**
 * The managers' impact figures against hand-computed totals on a small fixture: reports in two
 * financial years (one received at 00:30 on 1 April, London time, which is still 31 March in UTC),
 * one report whose statistics consent is off, alerts (a correction and a draft not counted), and
 * training sessions with and without feedback.
 */
let server: TestServer;
let manager: string;
const QUERY = `query ($fy: String, $costs: CostAssumptionsInput) { impactStatistics(financialYear: $fy, costs: $costs) {
  financialYear reports violentOrSexualReports violentOrSexualShare alertsPublished
  reportsByIncidentType { incidentType count }
  reportsByYear { financialYear reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent }
  alertsByYear { financialYear published sexualViolence violence }
  trainingByYear { financialYear sessions officersTrained forcesReached responses intendToUse sessionsWithExpertsByExperience }
  invitations { programme invited awaitingReply accepted declined delivered }
  costsAvoided { rapeUnitCostPence murderUnitCostPence rapesPreventedPerSexualViolenceAlert murdersPreventedPerViolenceAlert sexualViolenceAlerts violenceAlerts estimatedRapesPrevented estimatedMurdersPrevented estimatedCostsAvoidedPence assumptions }
} }`;

async function ok(query: string, variables: Record<string, unknown> = {}, token = manager) {
  const res = await server.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor(Role.MANAGER);
  const report = async (incidentTypes: string[], police: string, statistics: boolean, receivedAt: string) => {
    const r = await createReport(server, { incidentTypes, consent: { police, alerts: false, statistics } });
    await server.orm.em.fork().getConnection().execute('update report set received_at = ? where id = ?', [receivedAt, r.id]);
  };
  await report(['VIOLENCE'], 'FULL', true, '2020-05-01T10:00:00Z');
  await report(['RAPE', 'ROBBERY'], 'ANONYMOUS_INTELLIGENCE', true, '2021-03-31T12:00:00Z');
  await report(['THREATS'], 'NONE', true, '2021-03-31T23:30:00Z'); // 00:30 on 1 April in London: 2021/22
  await report(['SEXUAL_ASSAULT'], 'FULL', false, '2021-06-01T10:00:00Z'); // statistics consent off: never counted
  await report(['HARASSMENT'], 'ANONYMOUS_INTELLIGENCE', true, '2021-07-01T10:00:00Z');

  const em = server.orm.em.fork();
  const author = await em.findOneOrFail(User, { email: 'caseworker@example.org' });
  const avon = await em.findOneOrFail(Force, { code: 'avon-and-somerset' });
  const alert = (incidentTypes: IncidentType[], status: AlertStatus, publishedAt: string | null, corrects?: Alert) => {
    const a = em.create(Alert, { title: 'T', body: 'B', incidentTypes, shownIdentifiers: [], status, author, publishedAt: publishedAt ? new Date(publishedAt) : null, corrects: corrects ?? null } as never);
    a.targetAreas.add(avon);
    return a;
  };
  const first = alert([IncidentType.RAPE], AlertStatus.WITHDRAWN, '2020-06-01T10:00:00Z');
  alert([IncidentType.RAPE], AlertStatus.EXPIRED, '2020-06-02T10:00:00Z', first); // a correction: not counted again
  alert([IncidentType.VIOLENCE], AlertStatus.EXPIRED, '2020-07-01T10:00:00Z');
  alert([IncidentType.VIOLENCE], AlertStatus.DRAFT, null); // never published
  alert([IncidentType.SEXUAL_ASSAULT, IncidentType.VIOLENCE], AlertStatus.WITHDRAWN, '2021-05-01T10:00:00Z');
  await em.flush();

  const kent = await forceId(server, 'kent');
  const session = async (date: string, forceIds: string[], officers: number, expert: boolean, feedback?: [number, number]) => {
    const s = await ok('mutation ($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }', {
      input: { date, forceIds, format: 'IN_PERSON', programme: 'P', officersAttending: officers, trainers: [{ name: 'Ruby', expertByExperience: expert }] },
    });
    if (feedback) {
      await ok('mutation ($id: ID!, $input: TrainingFeedbackInput!) { recordTrainingFeedback(sessionId: $id, input: $input) { id } }', { id: s.createTrainingSession.id, input: { responses: feedback[0], intendToUse: feedback[1] } });
    }
  };
  await session('2019-05-10', [avon.id], 20, true, [18, 17]);
  await session('2019-09-10', [avon.id, kent], 30, false, [25, 25]);
  await session('2020-04-02', [kent], 10, false);
  const invite = async (code: string, programme: string) =>
    (await ok('mutation ($input: TrainingInvitationInput!) { createTrainingInvitation(input: $input) { id } }', { input: { forceId: await forceId(server, code), programme, invitedOn: '2021-04-01' } })).createTrainingInvitation.id;
  const move = (id: string, status: string) => ok('mutation ($id: ID!, $s: InvitationStatus!) { moveTrainingInvitation(id: $id, status: $s, on: "2021-04-05") { id } }', { id, s: status });
  await invite('avon-and-somerset', 'Next');
  await move(await invite('kent', 'Next'), 'ACCEPTED');
  await move(await invite('dorset', 'Next'), 'DECLINED');
});
afterAll(() => server.close());

describe('impactStatistics', () => {
  it('matches the figures computed by hand, over all years', async () => {
    const { impactStatistics: s } = await ok(QUERY);
    expect(s).toMatchObject({ financialYear: null, reports: 4, violentOrSexualReports: 2, violentOrSexualShare: 0.5, alertsPublished: 3 });
    expect(s.reportsByIncidentType).toEqual(['HARASSMENT', 'RAPE', 'ROBBERY', 'THREATS', 'VIOLENCE'].map((incidentType) => ({ incidentType, count: 1 })));
    expect(s.reportsByYear).toEqual([
      { financialYear: '2020/21', reports: 2, violentOrSexual: 2, fullPoliceConsent: 1, anonymousIntelligenceConsent: 1 },
      { financialYear: '2021/22', reports: 2, violentOrSexual: 0, fullPoliceConsent: 0, anonymousIntelligenceConsent: 1 },
    ]);
    expect(s.alertsByYear).toEqual([
      { financialYear: '2020/21', published: 2, sexualViolence: 1, violence: 1 },
      { financialYear: '2021/22', published: 1, sexualViolence: 1, violence: 1 },
    ]);
    expect(s.trainingByYear).toEqual([
      { financialYear: '2019/20', sessions: 2, officersTrained: 50, forcesReached: 2, responses: 43, intendToUse: 42, sessionsWithExpertsByExperience: 1 },
      { financialYear: '2020/21', sessions: 1, officersTrained: 10, forcesReached: 1, responses: 0, intendToUse: 0, sessionsWithExpertsByExperience: 0 },
    ]);
    expect(s.invitations).toEqual([{ programme: 'Next', invited: 3, awaitingReply: 1, accepted: 1, declined: 1, delivered: 0 }]);
    // 2 alerts about rape/sexual assault × 0.1 × £100,000 + 2 about violence × 0.001 × £3,000,000
    expect(s.costsAvoided).toMatchObject({
      rapeUnitCostPence: 10_000_000,
      murderUnitCostPence: 300_000_000,
      sexualViolenceAlerts: 2,
      violenceAlerts: 2,
      estimatedRapesPrevented: 0.2,
      estimatedMurdersPrevented: 0.002,
      estimatedCostsAvoidedPence: 2_600_000,
    });
    expect(s.costsAvoided.assumptions.join(' ')).toMatch(/£100,000 per rape and £3,000,000 per murder.*Home Office/);
  });

  it('limits every figure to one financial year when asked', async () => {
    const { impactStatistics: s } = await ok(QUERY, { fy: '2021/22' });
    expect(s).toMatchObject({ financialYear: '2021/22', reports: 2, violentOrSexualReports: 0, violentOrSexualShare: 0, alertsPublished: 1 });
    expect(s.reportsByIncidentType).toEqual([{ incidentType: 'HARASSMENT', count: 1 }, { incidentType: 'THREATS', count: 1 }]);
    expect(s.trainingByYear).toEqual([]);
    expect(s.costsAvoided).toMatchObject({ sexualViolenceAlerts: 1, violenceAlerts: 1, estimatedCostsAvoidedPence: 1_300_000 });
  });

  it('takes other unit costs and rates, and says so in the assumptions', async () => {
    const { impactStatistics: s } = await ok(QUERY, { costs: { rapeUnitCostPence: 20_000_000, rapesPreventedPerSexualViolenceAlert: 0.5, murdersPreventedPerViolenceAlert: 0 } });
    expect(s.costsAvoided).toMatchObject({ rapeUnitCostPence: 20_000_000, murderUnitCostPence: 300_000_000, estimatedCostsAvoidedPence: 20_000_000 });
    expect(s.costsAvoided.assumptions.join(' ')).toMatch(/£200,000 per rape/);
  });

  it('refuses a malformed year or a negative cost, naming the field', async () => {
    const year = await server.gql(QUERY, { fy: '2021/23' }, manager);
    expect(codesOf(year)).toEqual(['BAD_USER_INPUT']);
    expect(year.errors![0].extensions!.field).toBe('financialYear');
    const cost = await server.gql(QUERY, { costs: { rapeUnitCostPence: -1 } }, manager);
    expect(codesOf(cost)).toEqual(['BAD_USER_INPUT']);
    expect(cost.errors![0].extensions!.field).toBe('rapeUnitCostPence');
  });

  it('is for staff: case workers and admins read it, police and members do not', async () => {
    for (const role of [Role.CASE_WORKER, Role.ADMIN]) expect((await ok('{ impactStatistics { reports } }', {}, await server.tokenFor(role))).impactStatistics.reports).toBe(4);
    expect(codesOf(await server.gql('{ impactStatistics { reports } }', {}, await server.tokenFor('POLICE_AVON')))).toEqual(['FORBIDDEN']);
  });
});
