/**
 * Model-based property test (fast-check): random sequences of consent changes, shares, un-shares
 * and police reads against a tiny model of the promise. No police read may ever return a field
 * beyond what the model says the current consent allows.
 */
import fc from 'fast-check';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

type Level = 'NONE' | 'ANONYMOUS_INTELLIGENCE' | 'FULL';
type Officer = 'KENT' | 'AVON';
interface Model {
  level: Level;
  sharedWithAvon: boolean;
}
type Command =
  | { kind: 'consent'; level: Level }
  | { kind: 'share' }
  | { kind: 'unshare' }
  | { kind: 'read'; officer: Officer; fields: string[] }
  | { kind: 'list'; officer: Officer };

const CORE = ['reference', 'incidentDate', 'incidentTypes', 'policeSummary', 'identifiers { value }', 'consent { police }'];
const NEVER = ['narrative', 'location', 'status', 'member { pseudonym }', 'consentHistory { police }', 'case { status }', 'linkedReports { id }'];
const FIELD_POOL = [...CORE, ...NEVER, 'policeContactRoute'];

const levelArb = fc.constantFrom<Level>('NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL');
const officerArb = fc.constantFrom<Officer>('KENT', 'AVON');
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  levelArb.map((level) => ({ kind: 'consent' as const, level })),
  fc.constant({ kind: 'share' as const }),
  fc.constant({ kind: 'unshare' as const }),
  fc.record({ kind: fc.constant('read' as const), officer: officerArb, fields: fc.subarray(FIELD_POOL, { minLength: 1 }) }),
  fc.record({ kind: fc.constant('list' as const), officer: officerArb }),
);

const visibleTo = (m: Model, officer: Officer) => m.level !== 'NONE' && (officer === 'KENT' || m.sharedWithAvon);
const allowedFor = (m: Model, field: string) => CORE.includes(field) || (field === 'policeContactRoute' && m.level === 'FULL');

let server: TestServer;
let kent: string;
let avon: string;
let memberId: string;
beforeAll(async () => {
  server = await startTestServer();
  kent = await forceId(server, 'kent');
  avon = await forceId(server, 'avon-and-somerset');
  memberId = (await server.gql('{ myMember { id } }', {}, await server.tokenFor(Role.MEMBER))).data!.myMember.id;
});
afterAll(() => server.close());

describe('police reads follow the consent model', () => {
  it('never returns a field the current consent does not allow, across random histories', async () => {
    const token = { KENT: await server.tokenFor('POLICE_KENT'), AVON: await server.tokenFor('POLICE_AVON') };
    const cw = await server.tokenFor(Role.CASE_WORKER);
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(levelArb, fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (initial, commands) => {
        const report = await createReport(server, { forceAreaId: kent, memberId, consent: { police: initial, alerts: true }, narrative: 'MODEL SECRET' });
        const m: Model = { level: initial, sharedWithAvon: false };
        for (const c of commands) {
          steps++;
          if (c.kind === 'consent') {
            await server.gql('mutation ($r: ID!, $p: PoliceConsent!) { setReportConsent(reportId: $r, police: $p, alerts: true) { id } }', { r: report.id, p: c.level }, cw);
            m.level = c.level;
          } else if (c.kind === 'share') {
            const res = await server.gql('mutation ($r: ID!, $f: ID!) { shareReportWithForce(reportId: $r, forceId: $f) { id } }', { r: report.id, f: avon }, cw);
            if (m.level === 'NONE') expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
            else m.sharedWithAvon = true;
          } else if (c.kind === 'unshare') {
            await server.gql('mutation ($r: ID!, $f: ID!) { unshareReportWithForce(reportId: $r, forceId: $f) { id } }', { r: report.id, f: avon }, cw);
            m.sharedWithAvon = false;
          } else if (c.kind === 'list') {
            const res = await server.gql('query ($q: String) { reports(filter: { q: $q }) { totalCount nodes { id } } }', { q: report.reference }, token[c.officer]);
            expect(res.data!.reports.totalCount).toBe(visibleTo(m, c.officer) ? 1 : 0);
          } else {
            const res = await server.gql(`query ($id: ID!) { report(id: $id) { ${c.fields.join(' ')} } }`, { id: report.id }, token[c.officer]);
            expect(JSON.stringify(res)).not.toContain('MODEL SECRET');
            if (!visibleTo(m, c.officer)) {
              expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
              continue;
            }
            const refusedKeys = new Set((res.errors ?? []).map((e) => e.path![1] as string));
            for (const field of c.fields) {
              const key = field.split(' ')[0];
              const value = res.data!.report[key];
              if (allowedFor(m, field)) expect({ field, refused: refusedKeys.has(key) }).toEqual({ field, refused: false });
              else expect({ field, refused: refusedKeys.has(key), value }).toEqual({ field, refused: true, value: null });
            }
          }
        }
      }),
      { numRuns: 25, seed: 20261128 },
    );
    process.stdout.write(`police model: ${steps} commands in 25 random histories\n`);
  }, 180_000); // many real requests: generous on a busy machine (not a timing test)
});
