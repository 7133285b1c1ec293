/**
 * SQL shared by the raw-SQL server and the PostGraphile side:
 *  - RAW_SQL: one statement per query, the whole answer built as JSON by PostgreSQL (json_agg),
 *    the limit of what a server over this schema can do;
 *  - PGL_SCHEMA: the objects PostGraphile needs to express what its plain table API cannot: the
 *    police predicate and masking (a view with only the police-visible columns + a function with
 *    the force-or-shared predicate), the financial-year aggregates and the identifier check. They
 *    live in their own schema, `bench_pgl`, and do not touch Lantern's tables.
 */

const IDENTIFIERS = `(select coalesce(json_agg(json_build_object('kind', i.kind, 'value', i.value)), '[]'::json)
                        from report_identifier i where i.report_id = r.id)`;

const Q1_ROWS = `select r.id, r.reference, r.received_at as "receivedAt", r.incident_types as "incidentTypes", r.status,
         ${IDENTIFIERS} as identifiers,
         (select u.name from case_file c join app_user u on u.id = c.assignee_id where c.report_id = r.id) as "assigneeName"
    from report r
   where r.force_area_id = $1 and r.status = $2::report_status
   order by r.received_at desc, r.id desc
   limit 50`;

/** London-time date bounds of a financial year, as timestamptz. */
const FY = (from: string, to: string) =>
  `r.received_at >= (${from}::date::timestamp at time zone 'Europe/London') and r.received_at < (${to}::date::timestamp at time zone 'Europe/London')`;

export const RAW_SQL = {
  Q1: {
    params: ['forceAreaId', 'status'],
    text: `select json_build_object('nodes', coalesce(json_agg(x), '[]'::json))::text as json from (${Q1_ROWS}) x`,
  },
  Q2: {
    params: ['forceAreaId', 'status'],
    text: `select json_build_object(
             'nodes', (select coalesce(json_agg(x), '[]'::json) from (${Q1_ROWS}) x),
             'totalCount', (select count(*) from report r where r.force_area_id = $1 and r.status = $2::report_status))::text as json`,
  },
  Q3: {
    params: ['forceId'],
    text: `select json_build_object('nodes', coalesce(json_agg(x), '[]'::json))::text as json from (
             select r.id, r.reference, r.received_at as "receivedAt", r.incident_date as "incidentDate",
                    r.incident_types as "incidentTypes", r.police_summary as "policeSummary",
                    ${IDENTIFIERS} as identifiers, c.police as "consentPolice"
               from report r join consent c on c.id = r.consent_id
              where c.police in ('ANONYMOUS_INTELLIGENCE', 'FULL')
                and (r.force_area_id = $1 or exists (select 1 from report_share s where s.report_id = r.id and s.force_id = $1))
              order by r.received_at desc, r.id desc
              limit 50) x`,
  },
  Q4: {
    params: ['from', 'to'],
    text: `with r as (
             select r.incident_types, c.police
               from report r join consent c on c.id = r.consent_id
              where c.statistics and ${FY('$1', '$2')}
           ), t as (
             select t as type, count(*)::int as n from r cross join lateral unnest(r.incident_types) as t group by t
           )
           select json_build_object(
             'reports', (select count(*) from r),
             'violentOrSexual', (select count(*) from r where r.incident_types && array['VIOLENCE', 'RAPE', 'SEXUAL_ASSAULT']::text[]),
             'fullPoliceConsent', (select count(*) from r where r.police = 'FULL'),
             'anonymousIntelligenceConsent', (select count(*) from r where r.police = 'ANONYMOUS_INTELLIGENCE'),
             'byIncidentType', (select coalesce(json_agg(json_build_object('incidentType', type, 'count', n) order by n desc, type), '[]'::json) from t)
           )::text as json`,
  },
  Q5: {
    params: ['id'],
    text: `select coalesce((select row_to_json(x) from (
             select r.id, r.reference, r.received_at as "receivedAt", r.incident_date as "incidentDate", r.incident_types as "incidentTypes",
                    r.status, r.narrative, r.police_summary as "policeSummary", f.name as "forceArea",
                    ${IDENTIFIERS} as identifiers, c.police as "consentPolice",
                    (select json_build_object('status', k.status, 'assigneeName', u.name)
                       from case_file k left join app_user u on u.id = k.assignee_id where k.report_id = r.id) as "case"
               from report r join force f on f.id = r.force_area_id join consent c on c.id = r.consent_id
              where r.id = $1::uuid) x), 'null'::json)::text as json`,
  },
  Q6: {
    params: ['kind', 'value'],
    text: `select json_build_object('alerts', coalesce((select json_agg(x) from (
             select a.id, a.title, a.published_at as "publishedAt"
               from alert a
              where a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > now())
                and a.shown_identifiers @> jsonb_build_array(jsonb_build_object('kind', $1::text, 'value', $2::text))
              order by a.published_at desc) x), '[]'::json))::text as json`,
  },
} as const;

export const PGL_SCHEMA = `
drop schema if exists bench_pgl cascade;
create schema bench_pgl;

-- Police masking: only the columns a police partner may read, only police-visible consent.
create view bench_pgl.police_report as
  select r.id, r.reference, r.received_at, r.incident_date, r.incident_types, r.police_summary, r.force_area_id,
         c.police as consent_police
    from public.report r join public.consent c on c.id = r.consent_id
   where c.police in ('ANONYMOUS_INTELLIGENCE', 'FULL');
comment on view bench_pgl.police_report is E'@primaryKey id';

-- The officer's force or shared with it; newest first. SQL, stable: the planner inlines it.
create function bench_pgl.police_reports(officer_force uuid) returns setof bench_pgl.police_report
  language sql stable as $$
    select p.* from bench_pgl.police_report p
     where p.force_area_id = officer_force
        or exists (select 1 from public.report_share s where s.report_id = p.id and s.force_id = officer_force)
     order by p.received_at desc, p.id desc
  $$;

-- A computed column: PoliceReport.identifiers.
create function bench_pgl.police_report_identifiers(p bench_pgl.police_report) returns setof public.report_identifier
  language sql stable as $$ select * from public.report_identifier where report_id = p.id $$;

-- Q4: the financial year's totals and counts by incident type (statistics consent only).
create type bench_pgl.report_totals as (reports int, violent_or_sexual int, full_police_consent int, anonymous_intelligence_consent int);
create function bench_pgl.report_totals(fy_start date, fy_end date) returns bench_pgl.report_totals
  language sql stable as $$
    select count(*)::int,
           (count(*) filter (where r.incident_types && array['VIOLENCE', 'RAPE', 'SEXUAL_ASSAULT']::text[]))::int,
           (count(*) filter (where c.police = 'FULL'))::int,
           (count(*) filter (where c.police = 'ANONYMOUS_INTELLIGENCE'))::int
      from public.report r join public.consent c on c.id = r.consent_id
     where c.statistics and ${FY('fy_start', 'fy_end')}
  $$;
create type bench_pgl.incident_type_count as (incident_type text, count int);
create function bench_pgl.report_counts_by_incident_type(fy_start date, fy_end date) returns setof bench_pgl.incident_type_count
  language sql stable as $$
    select t, count(*)::int
      from public.report r join public.consent c on c.id = r.consent_id cross join lateral unnest(r.incident_types) as t
     where c.statistics and ${FY('fy_start', 'fy_end')}
     group by t order by 2 desc, 1
  $$;

-- Q6: published, unexpired alerts that show an identifier.
create function bench_pgl.check_identifier(kind text, value text) returns setof public.alert
  language sql stable as $$
    select a.* from public.alert a
     where a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > now())
       and a.shown_identifiers @> jsonb_build_array(jsonb_build_object('kind', kind, 'value', value))
     order by a.published_at desc
  $$;
`;
