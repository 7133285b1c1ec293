/**
 * The authorization matrix, generated: every viewer x every field of Report (and of the types
 * reachable from it) x every consent level x (own force, shared, other force) x (withdrawn or not),
 * checked against a model of DESIGN.md's policy table. Prints how many cases it checked.
 */
import { Member } from '../src/modules/member/member.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

type Viewer = 'CASE_WORKER' | 'MANAGER' | 'ADMIN' | 'POLICE_KENT' | 'OWNER' | 'OTHER_MEMBER';
type Level = 'NONE' | 'ANONYMOUS_INTELLIGENCE' | 'FULL';
type Placement = 'own' | 'shared' | 'other';
type Outcome = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND';

interface Scenario {
  level: Level;
  withdrawn: boolean;
  placement: Placement;
  id?: string;
}

/** Each field to check, with the selection that reads it (a leaf inside object fields). */
const FIELDS: Record<string, string> = {
  id: 'id',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  reference: 'reference',
  receivedAt: 'receivedAt',
  incidentDate: 'incidentDate',
  forceArea: 'forceArea { name }',
  incidentTypes: 'incidentTypes',
  identifiers: 'identifiers { kind value }',
  policeSummary: 'policeSummary',
  channel: 'channel',
  status: 'status',
  narrative: 'narrative',
  location: 'location',
  perpetratorDescription: 'perpetratorDescription',
  caseStatus: 'caseStatus',
  case: 'case { status }',
  linkedReports: 'linkedReports { id }',
  sharedWith: 'sharedWith { name }',
  policeReads: 'policeReads { at }',
  policeContactRoute: 'policeContactRoute',
  consentHistory: 'consentHistory { police }',
  'consentHistory.actorName': 'consentHistory { actorName }',
  'consent.police': 'consent { police }',
  'consent.alerts': 'consent { alerts }',
  'consent.statistics': 'consent { statistics }',
  'consent.method': 'consent { method }',
  'consent.withdrawnAt': 'consent { withdrawnAt }',
  'consent.recordedByName': 'consent { recordedByName }',
  'member.pseudonym': 'member { pseudonym }',
  'member.contactPhone': 'member { contactPhone }',
  'member.alertAreas': 'member { alertAreas { name } }',
};

const POLICE_CORE = new Set(['id', 'createdAt', 'updatedAt', 'reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes', 'identifiers', 'policeSummary', 'consent.police']);
const STAFF_ONLY = new Set(['case', 'linkedReports', 'sharedWith', 'consent.recordedByName', 'consentHistory.actorName']);

function effectiveLevel(s: Scenario): Level {
  return s.withdrawn ? 'NONE' : s.level;
}

/** The policy table of DESIGN.md, as a function. */
function expected(viewer: Viewer, field: string, s: Scenario): Outcome {
  switch (viewer) {
    case 'ADMIN':
      return 'FORBIDDEN'; // admins do not read reports at all
    case 'CASE_WORKER':
      return 'allowed';
    case 'MANAGER':
      return field.startsWith('member.') ? 'FORBIDDEN' : 'allowed';
    case 'OTHER_MEMBER':
      return 'NOT_FOUND';
    case 'OWNER':
      return STAFF_ONLY.has(field) ? 'FORBIDDEN' : 'allowed';
    case 'POLICE_KENT': {
      const level = effectiveLevel(s);
      if (level === 'NONE' || s.placement === 'other') return 'NOT_FOUND';
      if (POLICE_CORE.has(field)) return 'allowed';
      if (field === 'policeContactRoute') return level === 'FULL' ? 'allowed' : 'FORBIDDEN';
      return 'FORBIDDEN';
    }
  }
}

let server: TestServer;
const scenarios: Scenario[] = [];
const skipped: string[] = [];
const tokens = {} as Record<Viewer, string>;

beforeAll(async () => {
  server = await startTestServer();
  const kent = await forceId(server, 'kent');
  const avon = await forceId(server, 'avon-and-somerset');
  const em = server.orm.em.fork();
  const sky = await em.findOneOrFail(Member, { user: await em.findOneOrFail(User, { email: 'member@example.org' }) });
  const cw = await server.tokenFor(Role.CASE_WORKER);
  for (const level of ['NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL'] as Level[]) {
    for (const withdrawn of [false, true]) {
      for (const placement of ['own', 'shared', 'other'] as Placement[]) {
        const s: Scenario = { level, withdrawn, placement };
        if (level === 'NONE' && (withdrawn || placement === 'shared')) {
          skipped.push(`${level}/${withdrawn ? 'withdrawn' : 'current'}/${placement}`); // nothing to withdraw; cannot be shared
          continue;
        }
        const report = await createReport(server, {
          forceAreaId: placement === 'own' ? kent : avon,
          memberId: sky.id,
          consent: { police: level, alerts: true },
          identifiers: [{ kind: 'PHONE', value: '07700900600' }],
        });
        s.id = report.id;
        if (placement === 'shared') await server.gql('mutation ($r: ID!, $f: ID!) { shareReportWithForce(reportId: $r, forceId: $f) { id } }', { r: report.id, f: kent }, cw);
        await server.gql('mutation ($r: ID!) { openCase(reportId: $r) { id } }', { r: report.id }, cw);
        if (withdrawn) await server.gql('mutation ($r: ID!) { setReportConsent(reportId: $r, police: NONE, alerts: true) { id } }', { r: report.id }, cw);
        scenarios.push(s);
      }
    }
  }
  tokens.CASE_WORKER = cw;
  tokens.MANAGER = await server.tokenFor(Role.MANAGER);
  tokens.ADMIN = await server.tokenFor(Role.ADMIN);
  tokens.POLICE_KENT = await server.tokenFor('POLICE_KENT');
  tokens.OWNER = await server.tokenFor(Role.MEMBER);
  const other = await server.gql('mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token } }', {
    input: { email: 'other.member@example.org', password: 'member-password-1', pseudonym: 'Other', alertAreaIds: [kent], workSetting: 'STREET' },
  });
  tokens.OTHER_MEMBER = other.data!.registerMember.token;
}, 120_000);
afterAll(() => server.close());

/**
 * Reads every field, each under an alias (in chunks, to stay under the alias limit), and takes each
 * field's outcome from the errors: an error at the report itself applies to every field.
 */
async function outcomes(viewer: Viewer, id: string): Promise<Record<string, Outcome>> {
  const all = Object.entries(FIELDS).map(([name, sel], i) => ({ name, alias: `f${i}`, sel }));
  const result: Record<string, Outcome> = {};
  for (let start = 0; start < all.length; start += 12) {
    const chunk = all.slice(start, start + 12);
    const selection = chunk.map((a) => `${a.alias}: ${a.sel}`).join('\n');
    const res = await server.gql(`query ($id: ID!) { report(id: $id) { ${selection} } }`, { id }, tokens[viewer]);
    const unplaced = res.errors?.filter((e) => !e.path);
    if (unplaced?.length) throw new Error(`the query itself failed: ${JSON.stringify(unplaced)}`);
    const rootError = res.errors?.find((e) => e.path!.length === 1);
    for (const a of chunk) {
      const err = rootError ?? res.errors?.find((e) => e.path![1] === a.alias);
      result[a.name] = err ? (err.extensions?.code as Outcome) : 'allowed';
    }
  }
  return result;
}

describe('the authorization matrix for reports', () => {
  it('every viewer x field x consent x force placement x withdrawal answers as the policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const s of scenarios) {
      for (const viewer of Object.keys(tokens) as Viewer[]) {
        const got = await outcomes(viewer, s.id!);
        for (const field of Object.keys(FIELDS)) {
          checked++;
          const want = expected(viewer, field, s);
          if (got[field] !== want) mismatches.push(`${viewer} ${field} [${s.level}${s.withdrawn ? ' withdrawn' : ''}, ${s.placement}]: got ${got[field]}, want ${want}`);
        }
      }
    }
    process.stdout.write(`authorization matrix: ${checked} cases checked (${scenarios.length} reports x ${Object.keys(tokens).length} viewers x ${Object.keys(FIELDS).length} fields; not constructible: ${skipped.join(', ')})\n`);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(scenarios.length * 6 * Object.keys(FIELDS).length);
  }, 180_000); // thousands of real requests: generous on a busy 2-core machine (this is not a timing test)
});
