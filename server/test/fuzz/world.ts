/**
 * The fuzzer's world: one test server (production error handling) over the demo data, plus records
 * that make authorization bite: a second member, reports in Kent, Avon and elsewhere at every
 * consent level, shares, cases and notes, police requests of both forces, alerts in every state,
 * and police reads. Narratives, locations, case notes and contact details carry canary strings that
 * must never reach a viewer the policy keeps them from.
 */
import { Client } from 'pg';
import { signToken } from '../../src/modules/auth/token';
import { DemoImpactSeeder } from '../../src/db/seeders/demo-impact.seeder';
import { DemoReportsSeeder } from '../../src/db/seeders/demo-reports.seeder';
import { DEMO_PASSWORD } from '../../src/db/seeders/demo.seeder';
import { Role } from '../../src/policy/roles';
import { startTestServer, type TestServer } from '../helpers/test-server';
import type { Pools, ViewerKey } from './generate';

/** The accounts the fuzzer acts as (ANONYMOUS and BAD_TOKEN have none). */
export const ACCOUNTS = {
  ADMIN: 'admin@example.org',
  MANAGER: 'manager@example.org',
  CASE_WORKER: 'caseworker@example.org',
  POLICE_KENT: 'police.kent@example.org',
  POLICE_AVON: 'police.avon@example.org',
  MEMBER: 'member@example.org',
  MEMBER_RIVER: 'river.fuzz@example.org',
} as const;
type AccountKey = keyof typeof ACCOUNTS;

/** Canaries: text that only some viewers may ever receive (see the oracle). */
export const CANARY = {
  /** In narratives, locations and perpetrator descriptions, tagged with the owning member (SKY, RIVER or NOBODY). */
  narrative: (owner: string, n: number) => `NARRATIVE-CANARY-${owner}-${n}`,
  location: (owner: string, n: number) => `LOCATION-CANARY-${owner}-${n}`,
  perpetrator: (owner: string, n: number) => `PERPETRATOR-CANARY-${owner}-${n}`,
  caseNote: (n: number) => `CASENOTE-CANARY-${n}`,
  /** Members' contact details (stored encrypted; only case workers and the member read them). */
  contactEmail: (owner: string) => `${owner.toLowerCase()}.contact.canary@example.net`,
  contactPhone: { SKY: '+44 7911 123456', RIVER: '+44 7911 654321' } as Record<string, string>,
  contactPhoneDigits: { SKY: '7911123456', RIVER: '7911654321' } as Record<string, string>,
};

interface AccountState {
  id: string;
  role: string;
  forceId: string | null;
  email: string;
  tokenVersion: number;
}

export interface World {
  server: TestServer;
  db: Client;
  pools: Pools & { hit(viewer: ViewerKey, rootField: string): void; add(typeName: string, id: string): void; addString(kind: 'cursor' | 'findingCode', value: string): void; refresh(): Promise<void> };
  forces: { kent: string; avon: string; other: string };
  accounts: Record<AccountKey, AccountState>;
  tokens: Partial<Record<ViewerKey, string>>;
  memberIds: { SKY: string; RIVER: string };
  /** The report each narrative/location/perpetrator canary number was planted in. */
  canaryReports: ReadonlyMap<number, string>;
  /**
   * Puts the fuzzer's own accounts back as they were (role, force, active, e-mail) and renews tokens
   * the fuzzer itself revoked (signOutEverywhere, resetPassword, deactivateUser), so that every role
   * keeps being exercised. Lock-outs are left alone.
   */
  heal(): Promise<string[]>;
  close(): Promise<void>;
}

/** Records of a type, in an order that depends only on the data (not on random uuids). */
const POOL_QUERIES: Record<string, string> = {
  Force: `select id from force order by code`,
  User: `select id from app_user order by email`,
  Member: `select id from member order by pseudonym, created_at, work_setting`,
  // The interesting reports first (the fuzzer's own), then a deterministic sample of the demo's.
  Report: `(select id, 0 as k, reference from report where narrative like '%CANARY%' order by reference)
            union all (select id, 1, reference from report where narrative not like '%CANARY%' and (substr(reference, 9)::int % 25) = 0 order by reference)
            order by k, reference`,
  Case: `select c.id from case_file c join report r on r.id = c.report_id where (substr(r.reference, 9)::int % 10) = 0 or r.narrative like '%CANARY%' order by r.reference`,
  SupportAction: `select s.id from support_action s join case_file c on c.id = s.case_file_id join report r on r.id = c.report_id where (substr(r.reference, 9)::int % 20) = 0 order by r.reference, s.kind, s.status, s.agency, s.note, s.created_at`,
  PoliceRequest: `select id from police_request order by created_at, question`,
  Alert: `select id from alert order by created_at, title, body, published_at limit 60`,
  Funder: `select id from funder order by name`,
  FundingRecord: `select f.id from funding_record f join funder u on u.id = f.funder_id order by u.name, f.financial_year, f.purpose, f.amount_pence, f.received_on, f.agreement_reference, f.notes`,
  TrainingSession: `select id from training_session order by date, programme, location, officers_attending, notes`,
  TrainingInvitation: `select i.id from training_invitation i join force f on f.id = i.force_id order by i.programme, f.code`,
};

export async function createWorld(): Promise<World> {
  // Production error handling (no detail, no stack, no "did you mean"), as a partner on the internet sees it.
  const server = await startTestServer({ nodeEnv: 'production', isProduction: true });
  await server.orm.getSeeder().seed(DemoReportsSeeder, DemoImpactSeeder);
  const db = new Client({ connectionString: server.dbUrl });
  db.on('error', () => undefined); // the database stops after the run; queries report their own errors
  await db.connect();

  const one = async <T = Record<string, any>>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as T;
  const forces = {
    kent: (await one<{ id: string }>(`select id from force where code = 'kent'`)).id,
    avon: (await one<{ id: string }>(`select id from force where code = 'avon-and-somerset'`)).id,
    other: (await one<{ id: string }>(`select id from force where code = 'west-midlands'`)).id,
  };

  const tokens: Partial<Record<ViewerKey, string>> = {};
  for (const key of ['ADMIN', 'MANAGER', 'CASE_WORKER', 'POLICE_KENT', 'POLICE_AVON', 'MEMBER'] as const) tokens[key] = await server.tokenFor(key as Role | 'POLICE_KENT' | 'POLICE_AVON');
  // What each viewer has got past the policy on: the set-up's own calls count, so that the
  // generator asks those fields more often from the start (see generateOperation).
  const hits = new Map<string, number>();
  const must = async (what: string, query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await server.gql(query, variables, token);
    if (res.errors || !res.data) throw new Error(`fuzz set-up: ${what} failed: ${JSON.stringify(res.errors)}`);
    const who = (Object.keys(tokens) as ViewerKey[]).find((k) => tokens[k] === token) ?? 'ANONYMOUS';
    for (const field of Object.keys(res.data)) hits.set(`${who}:${field}`, (hits.get(`${who}:${field}`) ?? 0) + 1);
    return res.data as Record<string, any>;
  };

  // A second member, River (works in Kent), and contact details for both members.
  const river = await must(
    'registerMember',
    'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token } }',
    { input: { email: ACCOUNTS.MEMBER_RIVER, password: DEMO_PASSWORD, pseudonym: 'River', alertAreaIds: [forces.kent], workSetting: 'ONLINE', contactEmail: CANARY.contactEmail('RIVER'), contactPhone: CANARY.contactPhone.RIVER, policeContactRoute: 'VIA_CASE_WORKER' } },
  );
  tokens.MEMBER_RIVER = river.registerMember.token;
  await must('updateMyMember', 'mutation ($input: UpdateMyMemberInput!) { updateMyMember(input: $input) { id } }', { input: { contactEmail: CANARY.contactEmail('SKY'), contactPhone: CANARY.contactPhone.SKY } }, tokens.MEMBER);
  const memberIds = {
    SKY: (await one<{ id: string }>(`select m.id from member m join app_user u on u.id = m.user_id where u.email = $1`, [ACCOUNTS.MEMBER])).id,
    RIVER: (await one<{ id: string }>(`select m.id from member m join app_user u on u.id = m.user_id where u.email = $1`, [ACCOUNTS.MEMBER_RIVER])).id,
  };

  // Reports: every force placement x consent level, owned by Sky, River or nobody; some shared.
  const CREATE = 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }';
  const SHARE = 'mutation ($r: ID!, $f: ID!) { shareReportWithForce(reportId: $r, forceId: $f) { id } }';
  const reports: { id: string; force: string; police: string; owner: string }[] = [];
  const canaryReports = new Map<number, string>();
  let n = 0;
  for (const force of [forces.kent, forces.avon, forces.other]) {
    for (const police of ['NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL']) {
      for (const owner of ['SKY', 'RIVER', 'NOBODY'] as const) {
        n++;
        const data = await must('createReport', CREATE, {
          input: {
            channel: 'PHONE',
            forceAreaId: force,
            incidentDate: '2026-01-15',
            incidentTypes: ['VIOLENCE', 'THREATS'],
            narrative: `${CANARY.narrative(owner, n)} A client became violent after the booking.`,
            location: CANARY.location(owner, n),
            perpetratorDescription: CANARY.perpetrator(owner, n),
            policeSummary: `Assault by a client (${n}).`,
            identifiers: [{ kind: 'PHONE', value: `07700 900 ${String(800 + n).padStart(3, '0')}` }, { kind: 'VEHICLE', value: `FZ${n}ABC` }],
            consent: { police, alerts: true, statistics: n % 2 === 0 },
            ...(owner === 'NOBODY' ? {} : { memberId: memberIds[owner] }),
          },
        }, tokens.CASE_WORKER);
        reports.push({ id: data.createReport.id, force, police, owner });
        canaryReports.set(n, data.createReport.id);
      }
    }
  }
  // Shares: reports of other forces shared with Kent or Avon, Avon's unowned ones with Kent; then
  // the consent of some shared reports is withdrawn (a share outlives the consent that allowed it).
  const CONSENT = 'mutation ($r: ID!, $p: PoliceConsent!) { setReportConsent(reportId: $r, police: $p, alerts: true) { id } }';
  for (const r of reports.filter((x) => x.force === forces.other || (x.force === forces.avon && x.owner === 'NOBODY'))) {
    if (r.police === 'NONE') await must('setReportConsent', CONSENT, { r: r.id, p: 'ANONYMOUS_INTELLIGENCE' }, tokens.CASE_WORKER);
    await must('share', SHARE, { r: r.id, f: r.force === forces.other && r.owner === 'RIVER' ? forces.avon : forces.kent }, tokens.CASE_WORKER);
    if (r.police === 'NONE') await must('setReportConsent', CONSENT, { r: r.id, p: 'NONE' }, tokens.CASE_WORKER);
  }

  // Cases with notes, support actions and police contacts.
  for (const [i, r] of reports.filter((_, i) => i % 3 === 0).entries()) {
    const c = await must('openCase', 'mutation ($r: ID!) { openCase(reportId: $r) { id } }', { r: r.id }, tokens.CASE_WORKER);
    await must('addCaseNote', 'mutation ($c: ID!, $b: String!) { addCaseNote(caseId: $c, body: $b) { id } }', { c: c.openCase.id, b: `${CANARY.caseNote(i)} Spoke to the member.` }, tokens.CASE_WORKER);
    await must('addSupportAction', 'mutation ($c: ID!, $i: SupportActionInput!) { addSupportAction(caseId: $c, input: $i) { id } }', { c: c.openCase.id, i: { kind: 'SAFETY_PLANNING', note: 'Safety plan agreed.' } }, tokens.CASE_WORKER);
  }

  // Police requests from both forces; one answered with the reports Kent may see.
  const PR = 'mutation ($i: CreatePoliceRequestInput!) { createPoliceRequest(input: $i) { id } }';
  const kentAlertRequest = await must('createPoliceRequest', PR, { i: { kind: 'ALERT', question: 'Please warn members about a violent man in Maidstone.' } }, tokens.POLICE_KENT);
  const kentIntel = await must('createPoliceRequest', PR, { i: { kind: 'IDENTIFIER_INTELLIGENCE', question: 'Anything on this number?', identifierKind: 'PHONE', identifierValue: '07700 900 801' } }, tokens.POLICE_KENT);
  await must('createPoliceRequest', PR, { i: { kind: 'INCIDENT_INTELLIGENCE', question: 'An assault in Bristol last week?', crimeReference: 'AS/123/26' } }, tokens.POLICE_AVON);
  await must('createPoliceRequest', PR, { i: { kind: 'ALERT', question: 'Please warn members about a car seen in Bath.' } }, tokens.POLICE_AVON);
  const kentVisible = reports.filter((r) => r.police !== 'NONE' && (r.force === forces.kent || (r.force !== forces.avon && r.owner !== 'RIVER') || (r.force === forces.avon && r.owner === 'NOBODY')));
  await must('answerPoliceRequest', 'mutation ($id: ID!, $ids: [ID!]) { answerPoliceRequest(id: $id, reply: "Two reports match.", reportIds: $ids) { id } }', { id: kentIntel.createPoliceRequest.id, ids: kentVisible.slice(0, 2).map((r) => r.id) }, tokens.CASE_WORKER);

  // Alerts: published (Avon and Kent), a draft, one pending review, and a draft on behalf of Kent.
  const ALERT = 'mutation ($i: AlertInput!) { createAlert(input: $i) { id } }';
  const alertInput = (sourceReportIds: string[], targetAreaIds: string[], title: string) => ({ title, body: 'A man who books by phone became violent and refused to pay.', targetAreaIds, incidentTypes: ['VIOLENCE'], sourceReportIds });
  const publish = async (id: string) => {
    await must('submitAlertForReview', 'mutation ($id: ID!) { submitAlertForReview(id: $id) { id } }', { id }, tokens.CASE_WORKER);
    await must('approveAlert', 'mutation ($id: ID!) { approveAlert(id: $id) { id } }', { id }, tokens.MANAGER);
    await must('publishAlert', 'mutation ($id: ID!) { publishAlert(id: $id) { id } }', { id }, tokens.CASE_WORKER);
  };
  const avonAlert = await must('createAlert', ALERT, { i: { ...alertInput([reports[9].id], [forces.avon], 'Violent client in Bristol'), shownIdentifiers: [{ kind: 'PHONE', value: '07700 900 810' }] } }, tokens.CASE_WORKER);
  await publish(avonAlert.createAlert.id);
  const kentAlert = await must('createAlert', ALERT, { i: alertInput([reports[0].id], [forces.kent], 'Violent client in Kent') }, tokens.CASE_WORKER);
  await publish(kentAlert.createAlert.id);
  await must('createAlert', ALERT, { i: alertInput([reports[1].id], [forces.kent, forces.avon], 'Draft alert') }, tokens.CASE_WORKER);
  const pending = await must('createAlert', ALERT, { i: alertInput([reports[2].id], [forces.other], 'Pending alert') }, tokens.MANAGER);
  await must('submitAlertForReview', 'mutation ($id: ID!) { submitAlertForReview(id: $id) { id } }', { id: pending.createAlert.id }, tokens.MANAGER);
  await must('createAlert', ALERT, { i: { ...alertInput([], [forces.kent], 'Alert Kent asked for'), policeRequestId: kentAlertRequest.createPoliceRequest.id } }, tokens.CASE_WORKER);

  // Police reads (access events), and the contact-detail reads of a case worker.
  for (const r of kentVisible.slice(0, 3)) await must('police read', 'query ($id: ID!) { report(id: $id) { reference policeSummary } }', { id: r.id }, tokens.POLICE_KENT);
  await must('members', '{ members(perPage: 5) { nodes { contactEmail } } }', {}, tokens.CASE_WORKER);

  // Pools, in an order that does not depend on random ids: the records in the database (re-read
  // now and then, so that members and users the fuzzer registered are used too), then the records
  // the fuzzer's own mutations returned.
  const base = new Map<string, string[]>();
  const made = new Map<string, string[]>();
  const refresh = async () => {
    for (const [type, sql] of Object.entries(POOL_QUERIES)) base.set(type, (await db.query(sql)).rows.map((r) => r.id));
  };
  await refresh();
  const strings = { cursor: [] as string[], findingCode: [] as string[] };
  const demoEmails = Object.values(ACCOUNTS);
  const poolApi: World['pools'] = {
    ids: (t) => [...(base.get(t) ?? []), ...(made.get(t) ?? [])],
    allIds: () => [...base.values(), ...made.values()].flat(),
    strings: (k) => strings[k],
    demoEmails,
    protectedMemberIds: new Set(Object.values(memberIds)),
    hits: (v, f) => hits.get(`${v}:${f}`) ?? 0,
    hit(v, f) {
      hits.set(`${v}:${f}`, (hits.get(`${v}:${f}`) ?? 0) + 1);
    },
    add(t, id) {
      if (!base.has(t)) return;
      const list = made.get(t) ?? [];
      if (!list.includes(id) && !base.get(t)!.includes(id) && list.length < 300) list.push(id);
      made.set(t, list);
    },
    addString(k, v) {
      if (!strings[k].includes(v) && strings[k].length < 100) strings[k].push(v);
    },
    refresh,
  };

  const readAccounts = async (): Promise<Record<AccountKey, AccountState>> => {
    const rows = (await db.query(`select id, role::text as role, force_id, email, token_version from app_user where email = any($1) or id = any($2)`, [Object.values(ACCOUNTS), Object.values(accountIds)])).rows;
    const out = {} as Record<AccountKey, AccountState>;
    for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
      const row = rows.find((r) => r.id === accountIds[key]);
      out[key] = { id: row.id, role: row.role, forceId: row.force_id, email: row.email, tokenVersion: row.token_version };
    }
    return out;
  };
  const accountIds = {} as Record<AccountKey, string>;
  for (const key of Object.keys(ACCOUNTS) as AccountKey[]) accountIds[key] = (await one<{ id: string }>(`select id from app_user where email = $1`, [ACCOUNTS[key]])).id;
  const expected = await readAccounts();

  return {
    server,
    db,
    pools: poolApi,
    forces,
    accounts: expected,
    tokens,
    memberIds,
    canaryReports,
    async heal() {
      const healed: string[] = [];
      const now = await readAccounts();
      const inactive = (await db.query(`select id from app_user where id = any($1) and not active`, [Object.values(accountIds)])).rows.map((r) => r.id);
      for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
        const want = expected[key];
        const got = now[key];
        if (got.role !== want.role || got.forceId !== want.forceId || got.email !== want.email || inactive.includes(want.id)) {
          await db.query(`update app_user set role = $2::role, force_id = $3, email = $4, active = true, deactivated_at = null where id = $1`, [want.id, want.role, want.forceId, want.email]);
          healed.push(`${key}: account restored`);
        }
        if (got.tokenVersion !== want.tokenVersion) {
          want.tokenVersion = got.tokenVersion;
          tokens[key] = (await signToken({ sub: want.id, tv: got.tokenVersion }, server.config.jwtSecret, server.config.tokenTtlSeconds)).token;
          healed.push(`${key}: token renewed`);
        }
      }
      return healed;
    },
    async close() {
      await db.end();
      await server.close();
    },
  };
}
