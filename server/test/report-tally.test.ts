import { Client } from 'pg';
import { Role } from '../src/policy/roles';
import { createReport, forceId } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * The tallies triggers keep: report_tally (Migration20261129140000), the reports per force area and
 * status, from which a staff list's totalCount is summed when its filter is a force area and/or a
 * status; and the managers' figures per financial year (Migration20261129141000), from which
 * impactStatistics reads its report counts. Every way reports and consents change must leave them
 * equal to counting the reports themselves.
 */
let server: TestServer;
let db: Client;
let avon: string;
let kent: string;

beforeAll(async () => {
  server = await startTestServer();
  db = new Client({ connectionString: server.dbUrl });
  await db.connect();
  avon = await forceId(server, 'avon-and-somerset');
  kent = await forceId(server, 'kent');
  for (let i = 0; i < 6; i++) await createReport(server, { forceAreaId: i % 3 ? avon : kent });
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

/**
 * Rows where a tally and counting the reports disagree (none, when they are exact): report_tally,
 * and the managers' per-year figures (Migration20261129141000) against the aggregates
 * impactStatistics ran before them.
 */
async function disagreements(client: Pick<Client, 'query'> = db): Promise<unknown[]> {
  const { rows } = await client.query(
    `select 'force/status' as tally, coalesce(t.force_area_id, c.force_area_id)::text || ' ' || coalesce(t.status, c.status) as key,
            row(coalesce(t.reports, 0))::text as kept, row(coalesce(c.n, 0))::text as counted
       from report_tally t
       full join (select force_area_id, status, count(*) as n from report group by 1, 2) c
         on c.force_area_id = t.force_area_id and c.status = t.status
      where coalesce(t.reports, 0) <> coalesce(c.n, 0)
     union all
     select 'year', coalesce(t.financial_year, c.fy), row(t.reports, t.violent_or_sexual, t.full_police, t.anonymous_intelligence)::text,
            row(c.reports, c.violent, c.full, c.anonymous)::text
       from (select * from report_year_tally where reports <> 0) t
       full join (
         select lantern_financial_year((r.received_at at time zone 'Europe/London')::date) as fy, count(*) as reports,
                count(*) filter (where r.incident_types && array['VIOLENCE', 'RAPE', 'SEXUAL_ASSAULT']::text[]) as violent,
                count(*) filter (where c.police = 'FULL') as full,
                count(*) filter (where c.police = 'ANONYMOUS_INTELLIGENCE') as anonymous
           from report r join consent c on c.id = r.consent_id where c.statistics group by 1
       ) c on c.fy = t.financial_year
      where row(t.reports, t.violent_or_sexual, t.full_police, t.anonymous_intelligence) is distinct from row(c.reports, c.violent, c.full, c.anonymous)
     union all
     select 'type', coalesce(t.financial_year, c.fy) || ' ' || coalesce(t.incident_type, c.t), row(t.reports)::text, row(c.n)::text
       from (select * from report_type_tally where reports <> 0) t
       full join (
         select lantern_financial_year((r.received_at at time zone 'Europe/London')::date) as fy, x as t, count(*) as n
           from report r join consent c on c.id = r.consent_id cross join lateral unnest(r.incident_types) as x
          where c.statistics group by 1, 2
       ) c on c.fy = t.financial_year and c.t = t.incident_type
      where t.reports is distinct from c.n`,
  );
  return rows;
}

const LIST = 'query ($f: ReportFilter) { reports(perPage: 1, filter: $f) { totalCount } }';

describe('the report tallies', () => {
  it('the migration counted what was there, and every report filed since is counted', async () => {
    expect(await disagreements()).toEqual([]);
    const { rows } = await db.query<{ n: string }>('select sum(reports)::text as n from report_tally');
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(6);
  });

  it('staff totalCount by nothing, force area, status or both is summed from the tally, equal to counting the reports', async () => {
    const sent: { text: string; values?: unknown[] }[] = [];
    const original = Client.prototype.query;
    (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string; values?: unknown[] };
      sent.push(typeof q === 'string' ? { text: q } : q);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      for (const role of [Role.CASE_WORKER, Role.MANAGER]) {
        const token = await server.tokenFor(role);
        for (const filter of [{}, { forceAreaId: avon }, { status: 'NEW' }, { forceAreaId: kent, status: 'NEW' }, { forceAreaId: avon, status: 'CLOSED' }]) {
          sent.length = 0;
          const res = await server.gql(LIST, { f: filter }, token);
          expect(res.errors).toBeUndefined();
          expect(sent.some((s) => /from report_tally/.test(s.text))).toBe(true);
          expect(sent.some((s) => /count\(/.test(s.text))).toBe(false);
          const where = [
            ...('forceAreaId' in filter ? [`force_area_id = '${filter.forceAreaId}'`] : []),
            ...('status' in filter ? [`status = '${filter.status}'`] : []),
          ];
          const { rows } = await db.query<{ n: string }>(`select count(*)::text as n from report ${where.length ? `where ${where.join(' and ')}` : ''}`);
          expect(res.data!.reports.totalCount).toBe(Number(rows[0].n));
        }
      }
      // Any other criterion, and every other role, counts the reports themselves.
      sent.length = 0;
      const other = await server.gql(LIST, { f: { forceAreaId: avon, incidentType: 'VIOLENCE' } }, await server.tokenFor(Role.CASE_WORKER));
      expect(other.errors).toBeUndefined();
      expect(sent.some((s) => /from report_tally/.test(s.text))).toBe(false);
      for (const token of [await server.tokenFor('POLICE_AVON'), await server.tokenFor(Role.MEMBER)]) {
        sent.length = 0;
        const scoped = await server.gql(LIST, { f: { forceAreaId: avon } }, token);
        expect(scoped.errors).toBeUndefined();
        expect(sent.some((s) => /from report_tally/.test(s.text))).toBe(false);
        expect(sent.some((s) => /count\(/.test(s.text))).toBe(true);
      }
      // A force area that is not an id matches nothing, as before.
      const bad = await server.gql(LIST, { f: { forceAreaId: 'not-an-id' } }, await server.tokenFor(Role.CASE_WORKER));
      expect(bad.data!.reports.totalCount).toBe(0);
    } finally {
      (Client.prototype as { query: unknown }).query = original;
    }
  });

  it('follows a report through status changes and a move to another force area', async () => {
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const report = await createReport(server, { forceAreaId: avon });
    const before = (await server.gql(LIST, { f: { forceAreaId: kent, status: 'TRIAGED' } }, cw)).data!.reports.totalCount as number;
    const opened = await server.gql('mutation ($id: ID!) { openCase(reportId: $id, assigneeId: null) { id } }', { id: report.id }, cw);
    expect(opened.errors).toBeUndefined();
    expect(await disagreements()).toEqual([]);
    const moved = await server.gql('mutation ($id: ID!, $f: ID!) { updateReport(id: $id, input: { forceAreaId: $f }) { status } }', { id: report.id, f: kent }, cw);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateReport.status).toBe('TRIAGED');
    expect((await server.gql(LIST, { f: { forceAreaId: kent, status: 'TRIAGED' } }, cw)).data!.reports.totalCount).toBe(before + 1);
    const closed = await server.gql('mutation ($id: ID!) { updateReport(id: $id, input: { status: CLOSED }) { status } }', { id: report.id }, cw);
    expect(closed.errors).toBeUndefined();
    expect((await server.gql(LIST, { f: { forceAreaId: kent, status: 'TRIAGED' } }, cw)).data!.reports.totalCount).toBe(before);
    expect(await disagreements()).toEqual([]);
  });

  it("follows consent and report changes into the managers' figures, which impactStatistics reads from it", async () => {
    const cw = await server.tokenFor(Role.CASE_WORKER);
    const manager = await server.tokenFor(Role.MANAGER);
    const figures = async () => {
      const res = await server.gql(
        `{ impactStatistics { reports violentOrSexualReports reportsByIncidentType { incidentType count }
             reportsByYear { financialYear reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent } } }`,
        {},
        manager,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.impactStatistics;
    };
    const before = await figures();
    const typeCount = (f: any, t: string) => f.reportsByIncidentType.find((x: any) => x.incidentType === t)?.count ?? 0;
    const report = await createReport(server, { incidentTypes: ['STALKING', 'FRAUD'], consent: { police: 'FULL', alerts: false, statistics: true } });
    const withReport = await figures();
    expect(withReport.reports).toBe(before.reports + 1);
    expect(typeCount(withReport, 'STALKING')).toBe(typeCount(before, 'STALKING') + 1);
    expect(withReport.violentOrSexualReports).toBe(before.violentOrSexualReports);
    expect(await disagreements()).toEqual([]);

    // Now violent: the type counts and the violent-or-sexual count move.
    const changed = await server.gql('mutation ($id: ID!) { updateReport(id: $id, input: { incidentTypes: [RAPE] }) { id } }', { id: report.id }, cw);
    expect(changed.errors).toBeUndefined();
    const violent = await figures();
    expect(violent.violentOrSexualReports).toBe(before.violentOrSexualReports + 1);
    expect(typeCount(violent, 'STALKING')).toBe(typeCount(before, 'STALKING'));
    expect(typeCount(violent, 'RAPE')).toBe(typeCount(before, 'RAPE') + 1);
    expect(await disagreements()).toEqual([]);

    // The member's police consent changes, then their statistics consent is withdrawn: out of every figure.
    const police = await server.gql('mutation ($id: ID!) { setReportConsent(reportId: $id, police: ANONYMOUS_INTELLIGENCE, alerts: false) { id } }', { id: report.id }, cw);
    expect(police.errors).toBeUndefined();
    expect(await disagreements()).toEqual([]);
    const withdrawn = await server.gql('mutation ($id: ID!) { setReportConsent(reportId: $id, police: ANONYMOUS_INTELLIGENCE, alerts: false, statistics: false) { id } }', { id: report.id }, cw);
    expect(withdrawn.errors).toBeUndefined();
    const after = await figures();
    expect(after.reports).toBe(before.reports);
    expect(after.reportsByIncidentType).toEqual(before.reportsByIncidentType);
    expect(after.reportsByYear).toEqual(before.reportsByYear);
    expect(await disagreements()).toEqual([]);
  });

  it('reports filed at the same moment for the same force area and status are all counted', async () => {
    await Promise.all(Array.from({ length: 8 }, () => createReport(server, { forceAreaId: kent })));
    expect(await disagreements()).toEqual([]);
  });

  it('many rows in one statement, deletes, TRUNCATE and rollbacks keep it exact', async () => {
    // In a transaction that is rolled back, so the other tests' data stays as it was.
    const c = new Client({ connectionString: server.dbUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`update report set status = 'CLOSED' where force_area_id = $1`, [avon]);
      expect(await disagreements(c)).toEqual([]);
      await c.query(`update report set force_area_id = $1, status = 'TRIAGED' where id in (select id from report order by id limit 3)`, [kent]);
      expect(await disagreements(c)).toEqual([]);
      await c.query('update report set updated_at = now()');
      expect(await disagreements(c)).toEqual([]);
      // Consents and reports changed in bulk, in one transaction, in both orders.
      await c.query(`update consent set statistics = not statistics, police = 'FULL' where id in (select consent_id from report where force_area_id = $1)`, [kent]);
      expect(await disagreements(c)).toEqual([]);
      await c.query(`update report set incident_types = array['ROBBERY', 'VIOLENCE'], received_at = received_at - interval '1 year' where force_area_id = $1`, [kent]);
      expect(await disagreements(c)).toEqual([]);
      await c.query(`update consent set police = 'NONE' where id in (select consent_id from report where force_area_id = $1)`, [avon]);
      expect(await disagreements(c)).toEqual([]);
      // Fifty reports in one INSERT, with their consents.
      await c.query(
        `with c as (
           insert into consent (id, created_at, updated_at, method, recorded_at)
           select gen_random_uuid(), now(), now(), 'PHONE', now() from generate_series(1, 50) returning id
         )
         insert into report (id, created_at, updated_at, reference, received_at, channel, incident_date, force_area_id, incident_types, narrative, status, consent_id)
         select gen_random_uuid(), now(), now(), 'TALLY-' || k, now(), 'PHONE', current_date,
                case when k % 2 = 0 then $1::uuid else $2::uuid end, array['VIOLENCE'], 'n',
                (case when k % 3 = 0 then 'NEW' else 'CLOSED' end)::report_status, id
           from (select id, row_number() over () as k from c) c`,
        [avon, kent],
      );
      expect(await disagreements(c)).toEqual([]);
      await c.query(`delete from report where reference like 'TALLY-%' and status = 'NEW'`);
      expect(await disagreements(c)).toEqual([]);
      // TRUNCATE: the append-only tables that hang off reports refuse it, so their guards are
      // lifted for this (rolled back) transaction only.
      await c.query(`do $$ declare t record; begin
        for t in select tgrelid::regclass as rel, tgname from pg_trigger where tgname like '%_no_truncate' loop
          execute format('alter table %s disable trigger %I', t.rel, t.tgname);
        end loop; end $$`);
      await c.query('truncate report cascade');
      for (const table of ['report_tally', 'report_year_tally', 'report_type_tally']) {
        expect((await c.query(`select count(*)::int as n from ${table}`)).rows[0].n).toBe(0);
      }
      expect(await disagreements(c)).toEqual([]);
      await c.query('rollback');
    } finally {
      await c.end();
    }
    expect(await disagreements()).toEqual([]);
  });
});
