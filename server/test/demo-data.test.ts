import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../src/db/database';
import { DEMO_NOTE, DemoImpactSeeder, FUNDING_FORCES_2020_21 } from '../src/db/seeders/demo-impact.seeder';
import { DemoReportsSeeder } from '../src/db/seeders/demo-reports.seeder';
import { currentFinancialYear } from '../src/common/financial-year';
import { normaliseIdentifier } from '../src/modules/identifier/identifier.normalise';
import type { IdentifierKind } from '../src/modules/identifier/identifier.kind';
import { createTestDatabase } from './helpers/test-server';

/** The demo reports seeder on a fresh database (forces, demo accounts and Sky, no reports). */
let orm: MikroORM;

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);
const one = async <T = Record<string, any>>(query: string, params: unknown[] = []) => (await sql<T>(query, params))[0];

beforeAll(async () => {
  orm = await openOrm(await createTestDatabase());
  await orm.getSeeder().seed(DemoReportsSeeder, DemoImpactSeeder);
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
});

describe('demo reports', () => {
  it('seeds about 2,000 reports over the last three years, quickly', async () => {
    const { n, oldest, newest } = await one(`select count(*)::int as n, min(received_at) as oldest, max(received_at) as newest from report`);
    expect(n).toBeGreaterThanOrEqual(1900);
    expect(n).toBeLessThanOrEqual(2100);
    expect(new Date(newest).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(oldest).getTime()).toBeGreaterThanOrEqual(Date.now() - 3 * 366 * 24 * 3600_000);
  });

  it('numbers references sequentially per year, and the sequence table agrees', async () => {
    const rows = await sql<{ year: number; n: number; max_seq: number; distinct_refs: number; received_year_ok: boolean; last: number | null }>(
      `select substring(r.reference from 4 for 4)::int as year, count(*)::int as n,
              max(substring(r.reference from 9)::int) as max_seq, count(distinct r.reference)::int as distinct_refs,
              bool_and(extract(year from r.received_at at time zone 'UTC')::int = substring(r.reference from 4 for 4)::int) as received_year_ok,
              max(s.last) as last
         from report r left join report_sequence s on s.year = substring(r.reference from 4 for 4)::int
        group by 1 order by 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.max_seq).toBe(row.n);
      expect(row.distinct_refs).toBe(row.n);
      expect(row.received_year_ok).toBe(true);
      expect(row.last).toBe(row.n);
    }
    const bad = await one(`select count(*)::int as n from report where reference !~ '^LN-[0-9]{4}-[0-9]{6}$'`);
    expect(bad.n).toBe(0);
  });

  it('has about 42% violence, rape or sexual assault, 1-3 types each', async () => {
    const { share, min_types, max_types } = await one(
      `select avg((incident_types && array['VIOLENCE','RAPE','SEXUAL_ASSAULT']::text[])::int)::float as share,
              min(cardinality(incident_types)) as min_types, max(cardinality(incident_types)) as max_types
         from report`,
    );
    expect(share).toBeGreaterThanOrEqual(0.38);
    expect(share).toBeLessThanOrEqual(0.46);
    expect(min_types).toBe(1);
    expect(max_types).toBeLessThanOrEqual(3);
  });

  it('spreads reports over most forces and every channel', async () => {
    const { forces } = await one(`select count(distinct force_area_id)::int as forces from report`);
    expect(forces).toBeGreaterThanOrEqual(40);
    const channels = await sql<{ channel: string; n: number }>(`select channel, count(*)::int as n from report group by 1 order by 2 desc`);
    expect(channels.map((c) => c.channel)).toEqual(['WEB', 'PHONE', 'EMAIL', 'OUTREACH', 'THIRD_PARTY']);
    const top = await sql<{ code: string }>(
      `select f.code from report r join force f on f.id = r.force_area_id group by f.code order by count(*) desc limit 1`,
    );
    expect(top[0].code).toBe('metropolitan');
  });

  it('has the consent shares the demo promises', async () => {
    const c = await one(
      `select avg((c.police = 'FULL')::int)::float as full,
              avg((c.police = 'ANONYMOUS_INTELLIGENCE')::int)::float as anon,
              avg(c.alerts::int)::float as alerts, avg(c.statistics::int)::float as statistics,
              avg((c.withdrawn_at is not null)::int)::float as withdrawn
         from report r join consent c on c.id = r.consent_id`,
    );
    expect(c.full).toBeLessThan(0.1);
    expect(c.full).toBeGreaterThan(0.02);
    expect(c.anon).toBeGreaterThanOrEqual(0.65);
    expect(c.anon).toBeLessThanOrEqual(0.85);
    expect(c.alerts).toBeGreaterThan(0.6);
    expect(c.statistics).toBeGreaterThan(0.9);
    expect(c.withdrawn).toBeGreaterThan(0.01);
    expect(c.withdrawn).toBeLessThan(0.06);
  });

  it('gives every report exactly one consent and a history that matches it', async () => {
    const counts = await one(
      `select (select count(*)::int from report) as reports,
              (select count(distinct consent_id)::int from report) as report_consents,
              (select count(*)::int from consent) as consents,
              (select count(*)::int from report r where not exists (select 1 from consent_event e where e.report_id = r.id)) as without_events,
              (select count(*)::int from (select distinct on (report_id) report_id, previous_police from consent_event order by report_id, at, created_at) first
                 where first.previous_police is not null) as first_with_previous`,
    );
    expect(counts.report_consents).toBe(counts.reports);
    expect(counts.consents).toBe(counts.reports);
    expect(counts.without_events).toBe(0);
    expect(counts.first_with_previous).toBe(0);
    // The latest event of each report is the consent in force; withdrawals lowered police to NONE.
    const mismatched = await one(
      `select count(*)::int as n from report r join consent c on c.id = r.consent_id
         join lateral (select * from consent_event e where e.report_id = r.id order by e.at desc, e.created_at desc limit 1) last on true
        where last.police <> c.police or last.alerts <> c.alerts or last.statistics <> c.statistics`,
    );
    expect(mismatched.n).toBe(0);
    const withdrawals = await one(
      `select count(*)::int as n, bool_and(c.police = 'NONE' and c.withdrawn_at is not null) as ok
         from consent_event e join report r on r.id = e.report_id join consent c on c.id = r.consent_id
        where e.previous_police is not null`,
    );
    expect(withdrawals.n).toBeGreaterThan(0);
    expect(withdrawals.ok).toBe(true);
  });

  it('never puts an incident in the future, nor more than 30 days before it was reported', async () => {
    const r = await one(
      `select count(*) filter (where incident_date > current_date)::int as future,
              count(*) filter (where incident_date > (received_at at time zone 'UTC')::date)::int as after_received,
              count(*) filter (where incident_date < (received_at at time zone 'UTC')::date - 30)::int as too_early
         from report`,
    );
    expect(r).toEqual({ future: 0, after_received: 0, too_early: 0 });
  });

  it('links repeat perpetrators through shared phone numbers, in nearby forces', async () => {
    const shared = await sql<{ value: string; n: number; forces: number; regions: number }>(
      `select i.value, count(distinct i.report_id)::int as n, count(distinct r.force_area_id)::int as forces, count(distinct f.region)::int as regions
         from report_identifier i join report r on r.id = i.report_id join force f on f.id = r.force_area_id
        where i.kind = 'PHONE' group by i.value having count(distinct i.report_id) >= 3`,
    );
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const s of shared) {
      expect(s.n).toBeLessThanOrEqual(8);
      expect(s.regions).toBeLessThanOrEqual(3);
      expect(s.value).toMatch(/^\+447700900\d{3}$/);
    }
    const perReport = await one(
      `select max(n)::int as max from (select count(*) as n from report_identifier group by report_id) x`,
    );
    expect(perReport.max).toBeLessThanOrEqual(3);
  });

  it('stores identifiers normalised, and only fictional ones', async () => {
    const rows = await sql<{ kind: IdentifierKind; value: string }>(`select kind, value from report_identifier`);
    expect(rows.length).toBeGreaterThan(1000);
    for (const row of rows) {
      expect(normaliseIdentifier(row.kind, row.value)).toBe(row.value);
      if (row.kind === 'PHONE') expect(row.value).toMatch(/^\+447700900\d{3}$/);
      if (row.kind === 'EMAIL') expect(row.value).toMatch(/@example\.com$/);
    }
  });

  it('gives the demo member Sky exactly three reports of their own, in Avon and Somerset, one with a case', async () => {
    const rows = await sql<{ channel: string; code: string; method: string; created_by: string; has_case: boolean }>(
      `select r.channel, f.code, c.method, cu.email as created_by, (cf.id is not null) as has_case
         from report r join member m on m.id = r.member_id join app_user u on u.id = m.user_id
         join force f on f.id = r.force_area_id join consent c on c.id = r.consent_id
         join app_user cu on cu.id = r.created_by_id left join case_file cf on cf.report_id = r.id
        where u.email = 'member@example.org'`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ channel: 'WEB', code: 'avon-and-somerset', method: 'SELF_SERVICE', created_by: 'member@example.org' });
    }
    expect(rows.filter((r) => r.has_case)).toHaveLength(1);
    const others = await one(`select count(*)::int as n from report where member_id is not null`);
    expect(others.n).toBe(3);
  });

  it('has cases on about 30% of reports, with notes, support and police contacts, and report statuses to match', async () => {
    const c = await one(
      `select (select count(*)::float from case_file) / (select count(*) from report) as share,
              (select count(distinct status)::int from case_file) as statuses,
              (select count(*)::int from case_file cf where not exists (select 1 from case_note n where n.case_file_id = cf.id)) as without_notes,
              (select max(n)::int from (select count(*) as n from case_note group by case_file_id) x) as max_notes,
              (select count(*)::int from case_note n join app_user u on u.id = n.author_id where u.email <> 'caseworker@example.org') as other_authors,
              (select count(*)::int from support_action) as support,
              (select count(*)::int from police_contact) as contacts,
              (select count(*)::int from case_file where status = 'CLOSED' and (outcome is null or closed_at is null or closed_at < opened_at)) as bad_closed,
              (select count(*)::int from case_file where status <> 'CLOSED' and closed_at is not null) as bad_open,
              (select avg((u.email = 'caseworker@example.org')::int)::float from case_file cf left join app_user u on u.id = cf.assignee_id) as assigned`,
    );
    expect(c.share).toBeGreaterThan(0.25);
    expect(c.share).toBeLessThan(0.35);
    expect(c.statuses).toBe(5);
    expect(c.without_notes).toBe(0);
    expect(c.max_notes).toBeLessThanOrEqual(4);
    expect(c.other_authors).toBe(0);
    expect(c.support).toBeGreaterThan(0);
    expect(c.contacts).toBeGreaterThan(0);
    expect(c.bad_closed).toBe(0);
    expect(c.bad_open).toBe(0);
    expect(c.assigned).toBeGreaterThan(0.8);
    const liaisonWithoutContact = await one(
      `select count(*)::int as n from case_file cf where status = 'POLICE_LIAISON'
          and not exists (select 1 from police_contact p where p.case_file_id = cf.id)`,
    );
    expect(liaisonWithoutContact.n).toBe(0);
    const statuses = await one(
      `select count(*) filter (where cf.status = 'CLOSED' and r.status <> 'CLOSED')::int as closed_wrong,
              count(*) filter (where cf.status <> 'CLOSED' and r.status <> 'TRIAGED')::int as open_wrong,
              count(*) filter (where cf.id is null and r.status = 'CLOSED')::int as closed_without_case,
              count(*) filter (where r.status = 'NEW')::int as new
         from report r left join case_file cf on cf.report_id = r.id`,
    );
    expect(statuses).toMatchObject({ closed_wrong: 0, open_wrong: 0, closed_without_case: 0 });
    expect(statuses.new).toBeGreaterThan(0);
  });

  it('keeps police summaries to reports given police consent, and text free of contact details', async () => {
    const r = await one(
      `select count(*) filter (where e.police = 'NONE' and r.police_summary is not null)::int as summary_without_consent,
              count(*) filter (where e.police <> 'NONE' and r.police_summary is null)::int as consent_without_summary,
              count(*) filter (where r.narrative ~ '[0-9]{5}|@' or r.police_summary ~ '[0-9]{5}|@')::int as contact_like
         from report r join consent_event e on e.report_id = r.id and e.previous_police is null`,
    );
    expect(r).toEqual({ summary_without_consent: 0, consent_without_summary: 0, contact_like: 0 });
  });

  it('does nothing when run again on a database that has reports', async () => {
    const before = await one(`select count(*)::int as n from report`);
    await orm.getSeeder().seed(DemoReportsSeeder);
    const after = await one(`select count(*)::int as n from report`);
    expect(after.n).toBe(before.n);
  });
});

describe('demo funding, training and alerts', () => {
  it('the seven forces that funded the charity in 2020/21, and Comic Relief and the London Community Foundation for case work', async () => {
    const forces = await sql<{ code: string }>(
      `select distinct fo.code from funding_record r join funder f on f.id = r.funder_id join force fo on fo.id = f.force_id
        where r.financial_year = '2020/21' and r.purpose = 'CORE_REPORTING_AND_ALERTING' order by 1`,
    );
    expect(forces.map((f) => f.code)).toEqual([...FUNDING_FORCES_2020_21].sort());
    const caseWork = await sql<{ name: string }>(
      `select distinct f.name from funding_record r join funder f on f.id = r.funder_id where r.financial_year = '2020/21' and r.purpose = 'CASE_WORK' order by 1`,
    );
    expect(caseWork.map((f) => f.name)).toEqual(['Comic Relief', 'London Community Foundation']);
    const training = await sql<{ name: string }>(
      `select distinct f.name from funding_record r join funder f on f.id = r.funder_id where r.financial_year = '2020/21' and r.purpose = 'TRAINING' order by 1`,
    );
    expect(training.map((f) => f.name)).toEqual(['London Community Foundation', 'Metropolitan Police Service']);
  });

  it('every funding record is marked as demo, in whole pence, with years up to this one', async () => {
    const { n, unmarked, max_year } = await one(`select count(*)::int as n, count(*) filter (where notes is distinct from ?)::int as unmarked, max(financial_year) as max_year from funding_record`, [DEMO_NOTE]);
    expect(n).toBeGreaterThan(40);
    expect(unmarked).toBe(0);
    expect(max_year).toBe(currentFinancialYear());
  });

  it('2019/20 training: 9 forces, over 200 officers, 96% of respondents intending to use the service', async () => {
    const t = await one(
      `select count(distinct tsf.force_id)::int as forces,
              (select sum(officers_attending)::int from training_session where lantern_financial_year(date) = '2019/20') as officers,
              (select round(100.0 * sum(f.intend_to_use) / sum(f.responses))::int from training_feedback f join training_session s on s.id = f.session_id where lantern_financial_year(s.date) = '2019/20') as intent
         from training_session s join training_session_force tsf on tsf.training_session_id = s.id where lantern_financial_year(s.date) = '2019/20'`,
    );
    expect(t.forces).toBe(9);
    expect(t.officers).toBeGreaterThan(200);
    expect(t.intent).toBe(96);
  });

  it('12 forces invited to the next programme, and several years of sessions', async () => {
    const next = await one(`select count(*)::int as n from training_invitation where programme = ?`, [`${currentFinancialYear()} police training`]);
    expect(next.n).toBe(12);
    const years = await one(`select count(distinct lantern_financial_year(date))::int as n, max(date)::text as latest from training_session`);
    expect(years.n).toBeGreaterThanOrEqual(5);
    expect(years.latest <= new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('alert history: published alerts in past years, all expired or withdrawn, none in anyone’s feed', async () => {
    const rows = await sql<{ fy: string; n: number }>(`select lantern_financial_year(published_at::date) as fy, count(*)::int as n from alert where published_at is not null group by 1 order by 1`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const live = await one(`select count(*)::int as n from alert where status = 'PUBLISHED' or expires_at > now()`);
    expect(live.n).toBe(0);
  });
});
