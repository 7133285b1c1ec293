import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { startBoss } from '../src/modules/delivery/queue';
import { RETENTION_QUEUE, startRetentionQueue } from '../src/modules/retention/retention.queue';
import { RetentionService } from '../src/modules/retention/retention.service';
import { Role } from '../src/policy/roles';
import { createReport, forceId, registerMember } from './helpers/fixtures';
import { codesOf, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Retention, legal holds and erasure, over real HTTP and read straight from PostgreSQL. Age is
 * simulated by moving dates back in the database (and, where it helps, by telling the retention
 * service what "now" is), never by waiting.
 */

let server: TestServer;
let db: Client;
const q = async <T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> => (await db.query(text, params)).rows as T[];
const one = async <T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T> => (await q<T>(text, params))[0];

beforeAll(async () => {
  server = await startTestServer();
  db = new Client({ connectionString: server.dbUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await server.close();
});

type Caller = Role | 'POLICE_KENT' | 'POLICE_AVON';
const token = (role: Caller) => server.tokenFor(role);
const run = (now?: Date) => new RetentionService(server.orm.em.fork(), server.config).run({ now });
const countOf = (outcomes: { action: string; count: number }[], action: string) => outcomes.find((o) => o.action === action)!.count;
const auditRows = (entityId: string) => q('select * from audit_event where entity_id = $1 order by at, action', [entityId]);

let counter = 0;
/** A member who registers through the API, with contact details; returns ids and token. */
async function newMember(extra: Record<string, unknown> = {}) {
  const n = ++counter;
  const email = `retention.member.${n}.${randomUUID().slice(0, 8)}@example.org`;
  const m = await registerMember(server, email, { contactPhone: `07700 900 ${String(100 + n).padStart(3, '0')}`, contactEmail: `safe.${n}@example.org`, ...extra });
  const { id } = await one<{ id: string }>('select id from member where user_id = $1', [m.userId]);
  return { ...m, memberId: id, email };
}

/** A case worker's report for this member, with a case that is then closed. */
async function closedReport(memberId: string, extra: Record<string, unknown> = {}) {
  const report = await createReport(server, { memberId, ...extra });
  const cw = await token(Role.CASE_WORKER);
  const opened = await server.gql('mutation ($r: ID!) { openCase(reportId: $r) { id } }', { r: report.id }, cw);
  const caseId = opened.data!.openCase.id as string;
  await server.gql('mutation ($c: ID!, $b: String!) { addCaseNote(caseId: $c, body: $b) { id } }', { c: caseId, b: 'Called back; she is safe now.' }, cw);
  const closed = await server.gql('mutation ($id: ID!) { changeCaseStatus(id: $id, status: CLOSED, outcome: "Supported; no further action") { status } }', { id: caseId }, cw);
  expect(closed.data!.changeCaseStatus.status).toBe('CLOSED');
  return { reportId: report.id as string, caseId };
}

/** Moves a member's (and their reports') every activity date `months` back. */
async function ageMember(memberId: string, months: number) {
  const at = `now() - make_interval(months => ${months})`;
  await q(`update member set created_at = ${at}, updated_at = ${at} where id = $1`, [memberId]);
  await q(`update app_user set created_at = ${at}, last_login_at = null where id = (select user_id from member where id = $1)`, [memberId]);
  const reports = (await q<{ id: string }>('select id from report where member_id = $1', [memberId])).map((r) => r.id);
  await ageReports(reports, months);
}

async function ageReports(ids: string[], months: number) {
  const at = `now() - make_interval(months => ${months})`;
  await q(`update report set received_at = ${at}, updated_at = ${at}, created_at = ${at} where id = any($1::uuid[])`, [ids]);
  await q(`update consent set recorded_at = ${at} where id in (select consent_id from report where id = any($1::uuid[]))`, [ids]);
  await q(`update case_file set opened_at = ${at}, closed_at = case when closed_at is null then null else ${at} end where report_id = any($1::uuid[])`, [ids]);
}

const PLACE = 'mutation ($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) { id target entityId active reason placedByName } }';
const RELEASE = 'mutation ($id: ID!, $reason: String!) { releaseLegalHold(id: $id, reason: $reason) { id active releasedAt releaseReason } }';
async function hold(target: 'MEMBER' | 'REPORT', id: string, as: Role = Role.MANAGER): Promise<string> {
  const res = await server.gql(PLACE, { input: { target, id, reason: 'Court order 2026/77: preserve' } }, await token(as));
  expect(res.errors).toBeUndefined();
  return res.data!.placeLegalHold.id;
}

/** Every text-like column of every table, as (schema, table, column). */
async function textColumns(): Promise<{ table_schema: string; table_name: string; column_name: string }[]> {
  return q(
    `select c.table_schema, c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))`,
  );
}

/** Where (table.column) any of these strings appears, case-insensitively, anywhere in the database. */
async function findAnywhere(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const c of await textColumns()) {
    const rows = await q<{ n: number }>(
      `select count(*)::int as n from "${c.table_schema}"."${c.table_name}" where "${c.column_name}"::text ilike any($1::text[])`,
      [needles.map((s) => `%${s}%`)],
    );
    if (rows[0].n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe('configuration', () => {
  it('has documented defaults', () => {
    const config = loadConfig({ LANTERN_DATA_DIR: '/tmp/lantern-test-retention-config' });
    expect(config.retention).toEqual({ contactMonths: 24, reportMonths: 72, accessEventYears: 6, alertArchiveDays: 30, operationalDays: 30, cron: '30 3 * * *' });
  });

  it.each([
    ['LANTERN_RETAIN_CONTACT_MONTHS', '0'],
    ['LANTERN_RETAIN_REPORT_MONTHS', '6'],
    ['LANTERN_RETAIN_ACCESS_EVENTS_YEARS', 'six'],
    ['LANTERN_ARCHIVE_ALERTS_DAYS', '-1'],
    ['LANTERN_RETAIN_OPERATIONAL_DAYS', '1'],
    ['LANTERN_RETENTION_CRON', 'daily'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ LANTERN_DATA_DIR: '/tmp/lantern-test-retention-config', [name]: value })).toThrow(new RegExp(name));
  });

  it('takes valid values', () => {
    const config = loadConfig({ LANTERN_DATA_DIR: '/tmp/lantern-test-retention-config', LANTERN_RETAIN_CONTACT_MONTHS: '12', LANTERN_RETENTION_CRON: '0 2 * * 0' });
    expect(config.retention).toMatchObject({ contactMonths: 12, cron: '0 2 * * 0' });
  });
});

describe('member contact details', () => {
  it('are removed 24 months after the last activity, and not a day sooner, nor while anything is open or held', async () => {
    const old = await newMember();
    const recent = await newMember();
    const open = await newMember();
    const held = await newMember();
    const heldReport = await newMember();
    await closedReport(old.memberId);
    await closedReport(recent.memberId);
    await createReport(server, { memberId: open.memberId }); // no case, not closed
    await closedReport(held.memberId);
    const { reportId: onHold } = await closedReport(heldReport.memberId);
    await ageMember(old.memberId, 25);
    await ageMember(recent.memberId, 23);
    await ageMember(open.memberId, 25);
    await ageMember(held.memberId, 25);
    await ageMember(heldReport.memberId, 25);
    await hold('MEMBER', held.memberId);
    await hold('REPORT', onHold);
    const ids = [old, recent, open, held, heldReport].map((m) => m.memberId);
    const before = await q('select id, contact_phone_encrypted, contact_email_encrypted from member where id = any($1::uuid[]) order by id', [ids]);

    const result = await run();
    expect(countOf(result.outcomes, 'CONTACT_ANONYMISED')).toBeGreaterThanOrEqual(1);

    const after = new Map((await q('select id, contact_phone_encrypted, contact_email_encrypted, contact_anonymised_at from member where id = any($1::uuid[])', [ids])).map((r) => [r.id, r]));
    expect(after.get(old.memberId)).toMatchObject({ contact_phone_encrypted: null, contact_email_encrypted: null, contact_anonymised_at: expect.any(Date) });
    for (const row of before.filter((r) => r.id !== old.memberId)) {
      expect(after.get(row.id)).toMatchObject({ contact_phone_encrypted: row.contact_phone_encrypted, contact_email_encrypted: row.contact_email_encrypted, contact_anonymised_at: null });
    }
    const [audit] = await auditRows(old.memberId);
    expect(audit).toMatchObject({ action: 'CONTACT_ANONYMISED', entity_type: 'MEMBER', job: 'retention', actor_id: null, schedule: 'LANTERN_RETAIN_CONTACT_MONTHS=24', run_id: result.runId });
    // The member can still sign in and get alerts (the login e-mail is not a contact detail).
    expect(await server.login(old.email, 'member-password-1')).toEqual(expect.any(String));
  });

  it('a recent sign-in counts as activity', async () => {
    const m = await newMember();
    await closedReport(m.memberId);
    await ageMember(m.memberId, 30);
    await q(`update app_user set last_login_at = now() - interval '1 month' where id = $1`, [m.userId]);
    await run();
    expect((await one('select contact_phone_encrypted from member where id = $1', [m.memberId])).contact_phone_encrypted).toMatch(/^v1:/);
  });
});

describe('reports', () => {
  it('closed reports lose their personal details 72 months after their last activity; statistics and perpetrator identifiers remain', async () => {
    const m = await newMember({ pseudonym: 'Quillon' });
    const { reportId: aged, caseId } = await closedReport(m.memberId, {
      narrative: 'Quillon was hit in the car park.',
      location: '12 Station Road',
      perpetratorDescription: 'Tall, tattoo on the left hand',
      identifiers: [{ kind: 'VEHICLE', value: 'QX12 ABC' }],
      incidentDate: '2019-05-17',
    });
    const { reportId: young } = await closedReport(m.memberId, { narrative: 'A second report, five years on.' });
    const notClosed = (await createReport(server, { memberId: m.memberId, narrative: 'Still being triaged.' })).id as string;
    const { reportId: held } = await closedReport(m.memberId, { narrative: 'Held for a prosecution.' });
    await ageReports([aged, notClosed, held], 73);
    await ageReports([young], 71);
    await hold('REPORT', held);
    const before = await q('select * from report where id = any($1::uuid[]) order by id', [[young, notClosed, held]]);
    const receivedBefore = (await one('select received_at from report where id = $1', [aged])).received_at as Date;

    const result = await run();
    expect(countOf(result.outcomes, 'REPORT_ANONYMISED')).toBeGreaterThanOrEqual(1);

    const r = await one('select * from report where id = $1', [aged]);
    expect(r).toMatchObject({ narrative: '[anonymised]', location: null, police_summary: null, perpetrator_description: null, member_id: null, anonymised_at: expect.any(Date) });
    expect(r.incident_types).toEqual(['VIOLENCE']);
    const [{ incident_date: incidentDate, received_month: receivedMonth, before_month: beforeMonth }] = await q(
      `select to_char(incident_date, 'YYYY-MM-DD') as incident_date,
              to_char(received_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') as received_month,
              to_char(date_trunc('month', $2::timestamptz at time zone 'Europe/London'), 'YYYY-MM-DD HH24:MI') as before_month
         from report where id = $1`,
      [aged, receivedBefore],
    );
    expect(incidentDate).toBe('2019-05-01');
    expect(receivedMonth).toBe(beforeMonth);
    expect(await q('select kind, value from report_identifier where report_id = $1', [aged])).toEqual([{ kind: 'VEHICLE', value: 'QX12ABC' }]);
    expect(await q('select body from case_note where case_file_id = $1', [caseId])).toEqual([{ body: '[anonymised]' }]);
    expect(await one('select outcome from case_file where id = $1', [caseId])).toEqual({ outcome: null });
    const after = await q('select * from report where id = any($1::uuid[]) order by id', [[young, notClosed, held]]);
    expect(after).toEqual(before);
    expect((await auditRows(aged))[0]).toMatchObject({ action: 'REPORT_ANONYMISED', entity_type: 'REPORT', schedule: 'LANTERN_RETAIN_REPORT_MONTHS=72' });

    // Staff see that it was anonymised; the member no longer has it.
    const read = await server.gql('query ($id: ID!) { report(id: $id) { narrative anonymisedAt incidentTypes } }', { id: aged }, await token(Role.MANAGER));
    expect(read.data!.report).toMatchObject({ narrative: '[anonymised]', anonymisedAt: expect.any(String), incidentTypes: ['VIOLENCE'] });
    expect(codesOf(await server.gql('query ($id: ID!) { report(id: $id) { id } }', { id: aged }, m.token))).toEqual(['NOT_FOUND']);
  });
});

describe('alerts', () => {
  /** An alert written straight into the table (publishing one needs two people; its age is what matters here). */
  async function alertRow(status: string, dates: { expiresDaysAgo?: number; withdrawnDaysAgo?: number; onBehalfOfKent?: boolean }) {
    const id = randomUUID();
    const author = (await one<{ id: string }>(`select id from app_user where email = 'caseworker@example.org'`)).id;
    await q(
      `insert into alert (id, created_at, updated_at, title, body, status, incident_types, shown_identifiers, author_id, published_at, expires_at, withdrawn_at)
       values ($1, now() - interval '200 days', now() - interval '200 days', 'Violent client in Kent', 'Avoid bookings from this number.', $2, '{VIOLENCE}', '[]',
               $3, now() - interval '60 days', now() - make_interval(days => $4::int), case when $5::int is null then null else now() - make_interval(days => $5::int) end)`,
      [id, status, author, dates.expiresDaysAgo ?? -30, dates.withdrawnDaysAgo ?? null],
    );
    await q(`insert into alert_target_area (alert_id, force_id) values ($1, $2)`, [id, await forceId(server, 'kent')]);
    if (dates.onBehalfOfKent) await q(`update alert set on_behalf_of_id = $2 where id = $1`, [id, await forceId(server, 'kent')]);
    return id;
  }

  it('are archived 30 days after expiry or withdrawal: no longer listed by default, in the feed or delivered', async () => {
    const expiredLongAgo = await alertRow('PUBLISHED', { expiresDaysAgo: 31 });
    const withdrawnLongAgo = await alertRow('WITHDRAWN', { withdrawnDaysAgo: 40, onBehalfOfKent: true });
    const expiredRecently = await alertRow('PUBLISHED', { expiresDaysAgo: 29 });
    const live = await alertRow('PUBLISHED', { expiresDaysAgo: -10 });
    const m = await newMember();
    await q(`insert into alert_delivery (id, created_at, updated_at, alert_id, member_id, kind, status, attempts, next_attempt_at) values ($1, now(), now(), $2, $3, 'PUBLISHED', 'PENDING', 0, now())`, [randomUUID(), expiredLongAgo, m.memberId]);

    await run();

    const rows = new Map((await q('select id, status, archived_at from alert where id = any($1::uuid[])', [[expiredLongAgo, withdrawnLongAgo, expiredRecently, live]])).map((r) => [r.id, r]));
    expect(rows.get(expiredLongAgo)).toMatchObject({ status: 'EXPIRED', archived_at: expect.any(Date) });
    expect(rows.get(withdrawnLongAgo)).toMatchObject({ status: 'WITHDRAWN', archived_at: expect.any(Date) });
    expect(rows.get(expiredRecently)).toMatchObject({ status: 'PUBLISHED', archived_at: null });
    expect(rows.get(live)).toMatchObject({ status: 'PUBLISHED', archived_at: null });
    expect(await q('select id from alert_delivery where alert_id = $1', [expiredLongAgo])).toEqual([]);
    expect((await auditRows(expiredLongAgo))[0]).toMatchObject({ action: 'ALERT_ARCHIVED', entity_type: 'ALERT', schedule: 'LANTERN_ARCHIVE_ALERTS_DAYS=30' });

    const LIST = 'query ($filter: AlertFilter) { alerts(filter: $filter, perPage: 100) { nodes { id status archivedAt } } }';
    const staff = await token(Role.MANAGER);
    const listed = (await server.gql(LIST, {}, staff)).data!.alerts.nodes.map((a: { id: string }) => a.id);
    expect(listed).toEqual(expect.arrayContaining([expiredRecently, live]));
    expect(listed).not.toContain(expiredLongAgo);
    const archived = (await server.gql(LIST, { filter: { archived: true } }, staff)).data!.alerts.nodes;
    expect(archived.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([expiredLongAgo, withdrawnLongAgo]));
    expect(archived.find((a: { id: string }) => a.id === expiredLongAgo)).toMatchObject({ status: 'EXPIRED', archivedAt: expect.any(String) });
    // Admins and police see published alerts (police also their force's requests), but not archived ones, not even by id.
    for (const role of [Role.ADMIN, 'POLICE_KENT'] as const) {
      for (const id of [expiredLongAgo, withdrawnLongAgo]) {
        expect(codesOf(await server.gql('query ($id: ID!) { alert(id: $id) { id } }', { id }, await token(role)))).toEqual(['NOT_FOUND']);
      }
      expect((await server.gql('query ($id: ID!) { alert(id: $id) { id } }', { id: expiredRecently }, await token(role))).data!.alert.id).toBe(expiredRecently);
    }
    // Archived alerts leave the partners' CAP feed too.
    const feed = await (await fetch(server.url.replace('/graphql', '/feeds/alerts.cap.xml'), { headers: { authorization: `Bearer ${await token('POLICE_KENT')}` } })).text();
    expect(feed).toContain(expiredRecently);
    expect(feed).not.toContain(withdrawnLongAgo);
  });
});

describe('access events and operational data', () => {
  it('access events older than 6 years are deleted, younger ones kept; one audit row counts them', async () => {
    const actor = (await one<{ id: string }>(`select id from app_user where email = 'police.kent@example.org'`)).id;
    const insert = (yearsAgo: number) =>
      q(`insert into access_event (id, created_at, updated_at, at, kind, actor_id, actor_role, fields) values ($1, now(), now(), now() - make_interval(years => $2::int), 'POLICE_REPORT_READ', $3, 'POLICE_PARTNER', '{narrative}') returning id`, [randomUUID(), yearsAgo, actor]);
    const [oldEvent] = await insert(7);
    const [youngEvent] = await insert(5);
    const result = await run();
    expect(countOf(result.outcomes, 'ACCESS_EVENTS_DELETED')).toBeGreaterThanOrEqual(1);
    expect(await q('select id from access_event where id = $1', [oldEvent.id])).toEqual([]);
    expect(await q('select id from access_event where id = $1', [youngEvent.id])).toHaveLength(1);
    const [audit] = await q(`select * from audit_event where action = 'ACCESS_EVENTS_DELETED' and run_id = $1`, [result.runId]);
    expect(audit).toMatchObject({ entity_type: 'ACCESS_EVENT', entity_id: null, count: countOf(result.outcomes, 'ACCESS_EVENTS_DELETED'), schedule: 'LANTERN_RETAIN_ACCESS_EVENTS_YEARS=6' });
  });

  it('the database refuses to change access events, case notes and consent events outside retention, and inside it allows only its narrow changes', async () => {
    const actor = (await one<{ id: string }>(`select id from app_user where email = 'police.kent@example.org'`)).id;
    const [event] = await q(`insert into access_event (id, created_at, updated_at, at, kind, actor_id, actor_role, fields) values ($1, now(), now(), now() - interval '2 days', 'POLICE_REPORT_READ', $2, 'POLICE_PARTNER', '{narrative}') returning id`, [randomUUID(), actor]);
    const { caseId } = await closedReport((await newMember()).memberId);
    const refused = async (sql: string, params: unknown[]) => {
      await expect(db.query(sql, params)).rejects.toThrow(/append-only/);
    };
    await refused('delete from access_event where id = $1', [event.id]);
    await refused(`update case_note set body = '[anonymised]' where case_file_id = $1`, [caseId]);
    await refused('update consent_event set note = null where true', []);
    await db.query('begin');
    try {
      await db.query(`select set_config('lantern.retention', 'on', true)`);
      // Even the retention job cannot delete an access event less than a year old...
      await refused('delete from access_event where id = $1', [event.id]);
    } finally {
      await db.query('rollback');
    }
    await db.query('begin');
    try {
      await db.query(`select set_config('lantern.retention', 'on', true)`);
      // ... nor write anything into a case note but the marker.
      await refused(`update case_note set body = 'rewritten' where case_file_id = $1`, [caseId]);
    } finally {
      await db.query('rollback');
    }
  });

  it('members’ identifier checks and used idempotency keys after 30 days, expired rate-limit counters at once', async () => {
    const m = await newMember();
    const check = (daysAgo: number) =>
      q(`insert into identifier_check (id, created_at, updated_at, user_id, at, kind, value_hash, matches) values ($1, now(), now(), $2, now() - make_interval(days => $3::int), 'PHONE', $4, 0) returning id`, [randomUUID(), m.userId, daysAgo, 'a'.repeat(64)]);
    const [oldCheck] = await check(31);
    const [youngCheck] = await check(29);
    const submit = async (key: string) =>
      (await server.gql('mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id } }', {
        input: { idempotencyKey: key, forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-01-02', incidentTypes: ['THREATS'], narrative: 'Threatening messages.', consent: { police: 'NONE', alerts: false } },
      }, m.token)).data!.submitReport.id as string;
    const oldKey = await submit(`old-key-${randomUUID()}`);
    const newKey = await submit(`new-key-${randomUUID()}`);
    await q(`update report set created_at = now() - interval '31 days' where id = $1`, [oldKey]);
    await q(`insert into rate_limit_bucket (key, window_start, hits) values ('test:dead', now() - interval '2 hours', 3), ('test:live', now() - interval '5 minutes', 3)`);

    await run();

    expect(await q('select id from identifier_check where id = $1', [oldCheck.id])).toEqual([]);
    expect(await q('select id from identifier_check where id = $1', [youngCheck.id])).toHaveLength(1);
    expect((await one('select idempotency_key from report where id = $1', [oldKey])).idempotency_key).toBeNull();
    expect((await one('select idempotency_key from report where id = $1', [newKey])).idempotency_key).toMatch(/^new-key-/);
    expect((await q(`select key from rate_limit_bucket where key like 'test:%' order by key`)).map((r) => r.key)).toEqual(['test:live']);
  });
});

describe('every run', () => {
  it('writes an audit row for each change, with ids only; a second run changes nothing and writes nothing', async () => {
    const m = await newMember({ pseudonym: 'Marisol' });
    await closedReport(m.memberId, { narrative: 'Marisol was robbed.' });
    await ageMember(m.memberId, 80);
    const first = await run();
    expect(countOf(first.outcomes, 'CONTACT_ANONYMISED') + countOf(first.outcomes, 'REPORT_ANONYMISED')).toBeGreaterThanOrEqual(2);

    const snapshot = async () => ({
      audit: await q('select * from audit_event order by id'),
      member: await q('select * from member order by id'),
      report: await q('select * from report order by id'),
      notes: await q('select * from case_note order by id'),
      alerts: await q('select * from alert order by id'),
      access: await q('select id from access_event order by id'),
    });
    const before = await snapshot();
    const second = await run();
    expect(second.outcomes.every((o) => o.count === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);

    // No audit row holds anything a person typed: only ids, enums, counts, dates and schedules.
    const audit = JSON.stringify(before.audit);
    expect(audit).not.toMatch(/marisol|robbed|example\.org|7700/i);
    for (const row of before.audit) {
      expect(Object.keys(row).sort()).toEqual(['action', 'actor_id', 'actor_role', 'at', 'count', 'created_at', 'cutoff', 'entity_id', 'entity_type', 'id', 'job', 'run_id', 'schedule', 'updated_at']);
      expect(row.schedule === null || /^(LANTERN_[A-Z_]+=\d+|erasure|expired windows)$/.test(row.schedule)).toBe(true);
    }
  });

  it('the audit trail is append-only in the database', async () => {
    const [row] = await q('select id from audit_event limit 1');
    await expect(db.query(`update audit_event set count = 2 where id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_event where id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
    // Not even inside a retention transaction.
    await db.query('begin');
    try {
      await db.query(`select set_config('lantern.retention', 'on', true)`);
      await expect(db.query(`delete from audit_event where id = $1`, [row.id])).rejects.toThrow(/append-only/);
    } finally {
      await db.query('rollback');
    }
  });
});

describe('legal holds', () => {
  it('need a reason, are audited without it, and are released by a manager or an admin only', async () => {
    const m = await newMember();
    const cw = await token(Role.CASE_WORKER);
    const short = await server.gql(PLACE, { input: { target: 'MEMBER', id: m.memberId, reason: 'x' } }, cw);
    expect(codesOf(short)).toEqual(['BAD_USER_INPUT']);
    expect(short.errors![0].extensions!.field).toBe('reason');
    expect(await q('select id from legal_hold where member_id = $1', [m.memberId])).toEqual([]);
    expect(codesOf(await server.gql(PLACE, { input: { target: 'MEMBER', id: randomUUID(), reason: 'Court order' } }, cw))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(PLACE, { input: { target: 'REPORT', id: 'not-an-id', reason: 'Court order' } }, cw))).toEqual(['NOT_FOUND']);

    const placed = await server.gql(PLACE, { input: { target: 'MEMBER', id: m.memberId, reason: 'Police investigation ref OP-LANTERN-7' } }, cw);
    expect(placed.data!.placeLegalHold).toMatchObject({ target: 'MEMBER', entityId: m.memberId, active: true, reason: 'Police investigation ref OP-LANTERN-7', placedByName: 'Casey Worker' });
    const holdId = placed.data!.placeLegalHold.id;
    expect(codesOf(await server.gql(PLACE, { input: { target: 'MEMBER', id: m.memberId, reason: 'Again' } }, await token(Role.ADMIN)))).toEqual(['CONFLICT']);

    const member = await server.gql('query ($id: ID!) { member(id: $id) { legalHold { id reason active } } }', { id: m.memberId }, cw);
    expect(member.data!.member.legalHold).toMatchObject({ id: holdId, active: true });

    expect(codesOf(await server.gql(RELEASE, { id: holdId, reason: 'Investigation closed' }, cw))).toEqual(['FORBIDDEN']);
    const released = await server.gql(RELEASE, { id: holdId, reason: 'Investigation closed (CPS letter 3 May)' }, await token(Role.MANAGER));
    expect(released.data!.releaseLegalHold).toMatchObject({ active: false, releasedAt: expect.any(String), releaseReason: 'Investigation closed (CPS letter 3 May)' });
    expect(codesOf(await server.gql(RELEASE, { id: holdId, reason: 'Again please' }, await token(Role.ADMIN)))).toEqual(['CONFLICT']);
    expect((await server.gql('query ($id: ID!) { member(id: $id) { legalHold { id } } }', { id: m.memberId }, cw)).data!.member.legalHold).toBeNull();

    const audit = await auditRows(m.memberId);
    expect(audit.map((a) => [a.action, a.actor_role])).toEqual([['LEGAL_HOLD_PLACED', 'CASE_WORKER'], ['LEGAL_HOLD_RELEASED', 'MANAGER']]);
    expect(JSON.stringify(audit)).not.toMatch(/OP-LANTERN|CPS|investigation/i);
  });

  it('on a report, covers its case, and is visible to report staff only', async () => {
    const { reportId } = await closedReport((await newMember()).memberId);
    const holdId = await hold('REPORT', reportId, Role.ADMIN);
    const READ = 'query ($id: ID!) { report(id: $id) { id legalHold { id target entityId reason } } }';
    expect((await server.gql(READ, { id: reportId }, await token(Role.MANAGER))).data!.report.legalHold).toMatchObject({ id: holdId, target: 'REPORT', entityId: reportId });
    const listed = await server.gql('query { legalHolds(filter: { target: REPORT }, perPage: 100) { totalCount nodes { id entityId } } }', {}, await token(Role.ADMIN));
    expect(listed.data!.legalHolds.nodes).toContainEqual({ id: holdId, entityId: reportId });
    // Admins may place and release holds on records they may not read: the answer is the hold, never the record.
    expect(codesOf(await server.gql(READ, { id: reportId }, await token(Role.ADMIN)))).toEqual(['FORBIDDEN']);
  });
});

describe('erasure', () => {
  const ERASE = 'mutation ($p: String!) { requestErasure(password: $p) }';
  const STATS = `{ impactStatistics { reports violentOrSexualReports violentOrSexualShare reportsByIncidentType { incidentType count }
    reportsByYear { financialYear reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent } } }`;

  it('removes the member’s personal data from every table, ends their sessions and leaves the statistics as they were', async () => {
    const m = await newMember({ pseudonym: 'Zephyrine', contactPhone: '07700 900 871', contactEmail: 'zeph.safe@example.org', emailAlerts: true });
    const cw = await token(Role.CASE_WORKER);
    // Her own reports, as she typed them, and a case worker's phone intake on the London edge of a financial year.
    const submitted = await server.gql('mutation ($input: SubmitReportInput!) { submitReport(input: $input) { id } }', {
      input: {
        forceAreaId: await forceId(server, 'kent'), incidentDate: '2026-02-03', incidentTypes: ['RAPE'],
        narrative: 'Zephyrine here. He would not stop. Call me on 07700 900 871.', location: 'Zephyrine’s flat, Margate',
        perpetratorDescription: 'He called himself Dave', consent: { police: 'FULL', alerts: true },
        identifiers: [{ kind: 'PHONE', value: '07700 900 999' }, { kind: 'PHONE', value: '07700 900 871' }, { kind: 'NAME', value: 'Zephyrine' }],
      },
    }, m.token);
    expect(submitted.errors).toBeUndefined();
    const own = submitted.data!.submitReport.id as string;
    const intake = await createReport(server, {
      memberId: m.memberId, receivedAt: '2026-03-31T23:30:00Z', incidentDate: '2026-03-30', incidentTypes: ['ROBBERY'],
      narrative: 'Zephyrine phoned: robbed by a client.', location: 'Hotel, Margate', policeSummary: 'Robbery of a sex worker by a client.',
      consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: false },
    });
    await server.gql('mutation { setReportConsent(reportId: "' + own + '", police: ANONYMOUS_INTELLIGENCE, alerts: true, note: "Zephyrine asked to lower it") { id } }', {}, cw);
    const opened = await server.gql('mutation ($r: ID!) { openCase(reportId: $r) { id } }', { r: own }, cw);
    const caseId = opened.data!.openCase.id;
    await server.gql('mutation ($c: ID!, $b: String!) { addCaseNote(caseId: $c, body: $b) { id } }', { c: caseId, b: 'Spoke to Zephyrine on +447700900871; zeph.safe@example.org for letters.' }, cw);
    await server.gql('mutation ($c: ID!, $i: SupportActionInput!) { addSupportAction(caseId: $c, input: $i) { id } }', { c: caseId, i: { kind: 'HOUSING', agency: 'Council', note: 'Zephyrine needs a move' } }, cw);
    await server.gql('mutation ($c: ID!, $i: PoliceContactInput!) { addPoliceContact(caseId: $c, input: $i) { id } }', {
      c: caseId, i: { contactDate: '2026-02-10', forceId: await forceId(server, 'kent'), officer: 'DC Zephyrine-Liaison', crimeReference: 'KT/26/0871', summary: 'Told them Zephyrine will talk.' },
    }, cw);
    await server.gql('query ($id: ID!) { member(id: $id) { contactPhone } }', { id: m.memberId }, cw); // a logged read
    await server.gql('query { checkIdentifier(kind: PHONE, value: "07700 900 999") { value } }', {}, m.token);
    await q(`insert into alert_delivery (id, created_at, updated_at, alert_id, member_id, kind, status, attempts, next_attempt_at)
             select gen_random_uuid(), now(), now(), a.id, $1, 'PUBLISHED', 'SENT', 1, now() from alert a limit 1`, [m.memberId]);
    const needles = ['zephyrine', '7700900871', '7700 900 871', 'zeph.safe', m.email];
    expect((await findAnywhere(needles)).length).toBeGreaterThan(5); // the search does find her before

    const stats = await server.gql(STATS, {}, await token(Role.MANAGER));
    expect(stats.errors).toBeUndefined();

    const wrong = await server.gql(ERASE, { p: 'not-my-password' }, m.token);
    expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0].extensions!.field).toBe('password');
    expect((await one('select erased_at from member where id = $1', [m.memberId])).erased_at).toBeNull();

    const erased = await server.gql(ERASE, { p: 'member-password-1' }, m.token);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.requestErasure).toBe(true);

    // Nothing of hers is left anywhere in the database.
    expect(await findAnywhere(needles)).toEqual([]);
    // Her sessions are over, and she cannot sign in again.
    const after = await server.gql('{ me { id } }', {}, m.token);
    expect(after.status).toBe(401);
    expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
    await expect(server.login(m.email, 'member-password-1')).rejects.toThrow();
    // The published figures are exactly as they were.
    expect(await server.gql(STATS, {}, await token(Role.MANAGER))).toEqual(stats);
    // What remains: anonymous statistics and the perpetrator's own identifier (he can still be warned about).
    expect(await q('select kind, value from report_identifier where report_id = $1', [own])).toEqual([{ kind: 'PHONE', value: '+447700900999' }]);
    const rows = await q('select id, member_id, created_by_id, anonymised_at, incident_types from report where id = any($1::uuid[]) order by id', [[own, intake.id]]);
    for (const r of rows) expect(r).toMatchObject({ member_id: null, anonymised_at: expect.any(Date) });
    expect((await one('select created_by_id from report where id = $1', [own])).created_by_id).toBeNull();
    expect(await one('select pseudonym, contact_phone_encrypted, contact_email_encrypted, email_alerts, erased_at from member where id = $1', [m.memberId]))
      .toEqual({ pseudonym: 'Erased member', contact_phone_encrypted: null, contact_email_encrypted: null, email_alerts: false, erased_at: expect.any(Date) });
    expect(await q('select * from member_alert_area where member_id = $1', [m.memberId])).toEqual([]);
    expect(await q('select * from alert_delivery where member_id = $1', [m.memberId])).toEqual([]);
    expect(await q('select * from identifier_check where user_id = $1', [m.userId])).toEqual([]);
    expect(await one('select active, token_version > 0 as bumped from app_user where id = $1', [m.userId])).toEqual({ active: false, bumped: true });
    expect(await q(`select status, requested_by_role from erasure_request where member_id = $1`, [m.memberId])).toEqual([{ status: 'COMPLETED', requested_by_role: 'MEMBER' }]);
    const audit = await q(`select action, entity_type, schedule, actor_role from audit_event where entity_id = any($1::uuid[]) order by action::text, entity_id`, [[m.memberId, own, intake.id]]);
    expect(audit).toEqual([
      { action: 'MEMBER_ERASED', entity_type: 'MEMBER', schedule: 'erasure', actor_role: 'MEMBER' },
      { action: 'REPORT_ANONYMISED', entity_type: 'REPORT', schedule: 'erasure', actor_role: 'MEMBER' },
      { action: 'REPORT_ANONYMISED', entity_type: 'REPORT', schedule: 'erasure', actor_role: 'MEMBER' },
    ]);
    // Audit readers never see a member named as the actor.
    const view = await server.gql('query ($id: ID!) { auditEvents(filter: { entityId: $id }) { nodes { action actorRole actorName } } }', { id: m.memberId }, await token(Role.ADMIN));
    expect(view.data!.auditEvents.nodes).toEqual([{ action: 'MEMBER_ERASED', actorRole: 'MEMBER', actorName: null }]);
  });

  it('under a legal hold: refused with a coded error, nothing erased, the request recorded and carried out once the hold ends', async () => {
    const m = await newMember({ pseudonym: 'Heldora' });
    const { reportId } = await closedReport(m.memberId, { narrative: 'Heldora: evidence for a trial.' });
    const holdId = await hold('REPORT', reportId);
    const before = await q('select * from member where id = $1', [m.memberId]);

    const refused = await server.gql(ERASE, { p: 'member-password-1' }, m.token);
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].extensions!.field).toBe('legalHold');
    expect(await q('select * from member where id = $1', [m.memberId])).toEqual(before);
    expect((await one('select narrative from report where id = $1', [reportId])).narrative).toBe('Heldora: evidence for a trial.');
    expect((await server.gql('{ me { id } }', {}, m.token)).data!.me.id).toBe(m.userId); // still signed in
    // Asking again records nothing twice.
    expect(codesOf(await server.gql(ERASE, { p: 'member-password-1' }, m.token))).toEqual(['CONFLICT']);

    const LIST = 'query { erasureRequests(filter: { status: PENDING }, perPage: 100) { nodes { id status memberId requestedByRole } } }';
    const pending = (await server.gql(LIST, {}, await token(Role.MANAGER))).data!.erasureRequests.nodes.filter((n: { memberId: string }) => n.memberId === m.memberId);
    expect(pending).toEqual([{ id: expect.any(String), status: 'PENDING', memberId: m.memberId, requestedByRole: 'MEMBER' }]);
    expect((await auditRows(m.memberId)).map((a) => a.action)).toEqual(['ERASURE_DEFERRED']);

    // The job leaves it alone while the hold is in force...
    await run();
    expect((await one('select erased_at from member where id = $1', [m.memberId])).erased_at).toBeNull();
    // ... and carries it out once a manager releases it.
    await server.gql(RELEASE, { id: holdId, reason: 'Trial concluded' }, await token(Role.MANAGER));
    const result = await run();
    expect(countOf(result.outcomes, 'MEMBER_ERASED')).toBeGreaterThanOrEqual(1);
    expect(await findAnywhere(['heldora', m.email])).toEqual([]);
    expect(await q('select status from erasure_request where member_id = $1', [m.memberId])).toEqual([{ status: 'COMPLETED' }]);
    expect(codesOf(await server.gql('{ me { id } }', {}, m.token))).toEqual(['UNAUTHENTICATED']);
  });

  it('a case worker can erase a member at their request; a member hold stops it too', async () => {
    const m = await newMember({ pseudonym: 'Phonella' });
    const held = await newMember();
    await hold('MEMBER', held.memberId);
    const MUT = 'mutation ($id: ID!) { eraseMember(memberId: $id) { id pseudonym erasedAt } }';
    for (const role of [Role.MANAGER, Role.ADMIN, 'POLICE_KENT', Role.MEMBER] as const) {
      expect(codesOf(await server.gql(MUT, { id: m.memberId }, await token(role)))).toEqual(['FORBIDDEN']);
    }
    const cw = await token(Role.CASE_WORKER);
    expect(codesOf(await server.gql(MUT, { id: randomUUID() }, cw))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(MUT, { id: held.memberId }, cw))).toEqual(['CONFLICT']);
    const done = await server.gql(MUT, { id: m.memberId }, cw);
    expect(done.data!.eraseMember).toMatchObject({ id: m.memberId, pseudonym: 'Erased member', erasedAt: expect.any(String) });
    expect(codesOf(await server.gql(MUT, { id: m.memberId }, cw))).toEqual(['CONFLICT']);
    expect(await findAnywhere(['phonella', m.email])).toEqual([]);
    expect(codesOf(await server.gql('{ me { id } }', {}, m.token))).toEqual(['UNAUTHENTICATED']);
    expect(await q(`select requested_by_role, status from erasure_request where member_id = $1`, [m.memberId])).toEqual([{ requested_by_role: 'CASE_WORKER', status: 'COMPLETED' }]);
  });
});

describe('who may do what', () => {
  const cases: [string, string, Record<string, unknown>, (Role | 'POLICE_KENT')[], (Role | 'POLICE_KENT')[]][] = [
    ['auditEvents', '{ auditEvents { totalCount nodes { id action } } }', {}, [Role.ADMIN, Role.MANAGER], [Role.CASE_WORKER, 'POLICE_KENT', Role.MEMBER]],
    ['auditEvent', 'query ($id: ID!) { auditEvent(id: $id) { id } }', { id: randomUUID() }, [], [Role.CASE_WORKER, 'POLICE_KENT', Role.MEMBER]],
    ['legalHolds', '{ legalHolds { totalCount nodes { id reason } } }', {}, [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER], ['POLICE_KENT', Role.MEMBER]],
    ['erasureRequests', '{ erasureRequests { totalCount nodes { id status } } }', {}, [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER], ['POLICE_KENT', Role.MEMBER]],
    ['requestErasure', 'mutation { requestErasure(password: "demo-password-1") }', {}, [], [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER, 'POLICE_KENT']],
  ];
  it.each(cases)('%s', async (_name, query, variables, allowed, denied) => {
    for (const role of allowed) expect((await server.gql(query, variables, await token(role))).errors).toBeUndefined();
    for (const role of denied) expect(codesOf(await server.gql(query, variables, await token(role)))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(query, variables))).toEqual(['UNAUTHENTICATED']);
  });

  it('placeLegalHold: staff; releaseLegalHold: managers and admins; never police or members', async () => {
    const m = await newMember();
    for (const role of ['POLICE_KENT', Role.MEMBER] as const) {
      expect(codesOf(await server.gql(PLACE, { input: { target: 'MEMBER', id: m.memberId, reason: 'Court order' } }, await token(role)))).toEqual(['FORBIDDEN']);
    }
    const holdId = await hold('MEMBER', m.memberId, Role.CASE_WORKER);
    for (const role of [Role.CASE_WORKER, 'POLICE_KENT', Role.MEMBER] as const) {
      expect(codesOf(await server.gql(RELEASE, { id: holdId, reason: 'Done now' }, await token(role)))).toEqual(['FORBIDDEN']);
    }
    expect((await server.gql(RELEASE, { id: holdId, reason: 'Done now' }, await token(Role.ADMIN))).errors).toBeUndefined();
    expect(await q('select id from legal_hold where id = $1 and released_at is not null', [holdId])).toHaveLength(1);
  });

  it('runRetention: admins only, and its audit rows name the admin and the run', async () => {
    for (const role of [Role.MANAGER, Role.CASE_WORKER, 'POLICE_KENT', Role.MEMBER] as const) {
      expect(codesOf(await server.gql('mutation { runRetention { runId } }', {}, await token(role)))).toEqual(['FORBIDDEN']);
    }
    const m = await newMember();
    await closedReport(m.memberId);
    await ageMember(m.memberId, 30);
    const res = await server.gql('mutation { runRetention { runId startedAt finishedAt outcomes { action count cutoff } } }', {}, await token(Role.ADMIN));
    expect(res.errors).toBeUndefined();
    const { runId, outcomes } = res.data!.runRetention;
    expect(outcomes.map((o: { action: string }) => o.action)).toEqual(['MEMBER_ERASED', 'CONTACT_ANONYMISED', 'REPORT_ANONYMISED', 'ALERT_ARCHIVED', 'ACCESS_EVENTS_DELETED', 'IDENTIFIER_CHECKS_DELETED', 'IDEMPOTENCY_KEYS_CLEARED', 'RATE_LIMIT_BUCKETS_DELETED']);
    const [audit] = await auditRows(m.memberId);
    expect(audit).toMatchObject({ action: 'CONTACT_ANONYMISED', actor_role: 'ADMIN', job: null, run_id: runId });
    const log = await server.gql('query ($r: ID!) { auditEvents(filter: { runId: $r }) { nodes { id entityId actorName action } } }', { r: runId }, await token(Role.MANAGER));
    const row = log.data!.auditEvents.nodes.find((n: { entityId: string }) => n.entityId === m.memberId);
    expect(row).toMatchObject({ actorName: 'Alex Admin', action: 'CONTACT_ANONYMISED' });
    const single = await server.gql('query ($id: ID!) { auditEvent(id: $id) { id action entityType entityId } }', { id: row.id }, await token(Role.ADMIN));
    expect(single.data!.auditEvent).toEqual({ id: row.id, action: 'CONTACT_ANONYMISED', entityType: 'MEMBER', entityId: m.memberId });
    expect(codesOf(await server.gql('query ($id: ID!) { auditEvent(id: $id) { id } }', { id: randomUUID() }, await token(Role.ADMIN)))).toEqual(['NOT_FOUND']);
  });

  it('the new fields answer only the roles the policy names', async () => {
    const m = await newMember();
    const { reportId } = await closedReport(m.memberId);
    const forbidden = async (query: string, variables: Record<string, unknown>, caller: Caller | { token: string }, field: string) => {
      const res = await server.gql(query, variables, typeof caller === 'string' ? await token(caller) : caller.token);
      expect(codesOf(res)).toContain('FORBIDDEN');
      expect(res.errors!.some((e) => e.path?.includes(field))).toBe(true);
    };
    await forbidden('{ myMember { id legalHold { id } } }', {}, m, 'legalHold');
    await forbidden('{ myReports { nodes { id legalHold { id } } } }', {}, m, 'legalHold');
    await forbidden('{ myReports { nodes { id anonymisedAt } } }', {}, m, 'anonymisedAt');
    await forbidden('{ alerts { nodes { id archivedAt } } }', {}, Role.ADMIN, 'archivedAt');
    await forbidden('{ erasureRequests { nodes { id member { id } } } }', {}, Role.MANAGER, 'member');
    // A report a police partner may read still shows no legal hold to them.
    await server.gql('mutation { setReportConsent(reportId: "' + reportId + '", police: ANONYMOUS_INTELLIGENCE, alerts: false) { id } }', {}, await token(Role.CASE_WORKER));
    await forbidden('query ($id: ID!) { report(id: $id) { id legalHold { id } } }', { id: reportId }, 'POLICE_AVON', 'legalHold');
  });
});

describe('the pg-boss job', () => {
  it('is scheduled daily in London time, and a job sent to it runs the schedules', async () => {
    const boss = await startBoss(server.dbUrl);
    const queue = await startRetentionQueue(boss, server.orm, server.config);
    try {
      const schedules = await boss.getSchedules();
      expect(schedules).toContainEqual(expect.objectContaining({ name: RETENTION_QUEUE, cron: '30 3 * * *', timezone: 'Europe/London' }));

      const actor = (await one<{ id: string }>(`select id from app_user where email = 'police.kent@example.org'`)).id;
      const [event] = await q(`insert into access_event (id, created_at, updated_at, at, kind, actor_id, actor_role, fields) values ($1, now(), now(), now() - interval '9 years', 'POLICE_REPORT_READ', $2, 'POLICE_PARTNER', '{reference}') returning id`, [randomUUID(), actor]);
      const jobId = await boss.send(RETENTION_QUEUE, {});
      expect(jobId).toEqual(expect.any(String));
      let job = await boss.getJobById<{ runId: string }>(RETENTION_QUEUE, jobId!);
      for (let i = 0; i < 100 && job && !['completed', 'failed'].includes(job.state); i++) {
        await new Promise((r) => setTimeout(r, 200));
        job = await boss.getJobById(RETENTION_QUEUE, jobId!);
      }
      expect(job?.state).toBe('completed');
      const output = job!.output as { runId: string };
      expect(await q('select id from access_event where id = $1', [event.id])).toEqual([]);
      expect(await q(`select count from audit_event where action = 'ACCESS_EVENTS_DELETED' and run_id = $1 and job = 'retention'`, [output.runId])).toEqual([{ count: 1 }]);
    } finally {
      await queue.stop();
      await boss.stop({ graceful: true, timeout: 5_000 });
    }
  });
});
