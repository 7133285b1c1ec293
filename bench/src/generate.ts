/**
 * A deterministic data generator for the benchmark, in SQL with generate_series: nothing is
 * inserted row by row from Node. Every "random" choice is a hash of the row number and a salt
 * (hashint8extended), and every id is md5('<kind><n>')::uuid, so two runs with the same size
 * produce the same rows, ids included.
 *
 * It writes on top of a database that Lantern has migrated and seeded with its forces and demo
 * accounts (prepareDatabase with demo accounts, no demo reports):
 *  - N reports over 3 years (received_at evenly spaced, newest 2026-10-31), each with a consent
 *    (police NONE 55% / ANONYMOUS_INTELLIGENCE 30% / FULL 15%, statistics 92%, alerts 40%) and the
 *    consent event the server writes with every new report, 1-3 normalised identifiers drawn
 *    from skewed pools (so popular ones link many reports), a case on ~30% (assigned to the demo
 *    case worker or one of 20 generated staff), incident types (~42% violence, rape or sexual
 *    assault) and force areas over the 46 forces, weighted (Avon and Somerset 14%, Kent 9%);
 *  - report_share rows (~2% of police-visible reports outside Avon and Somerset shared with it,
 *    ~1% with Kent);
 *  - member accounts for the identifier check (role MEMBER + member, with the demo accounts'
 *    password hash) and published alerts that show some of the checked phone numbers;
 *  - members with e-mail alerts in one area (Cumbria) for the alert-publishing target;
 *  - a second manager (an alert is approved by a manager who did not write it).
 * Secondary indexes of the big tables are dropped for the load and rebuilt after it; foreign-key
 * triggers are skipped during the load (session_replication_role = replica) and the references
 * are checked with anti-joins afterwards instead.
 */
import type { Client } from 'pg';

export interface GenerateOptions {
  reports: number;
  /** Member accounts for Q6 (each may check 30 identifiers a day). */
  checkMembers: number;
  /** Members with e-mail alerts in the alert-target area (the publishing target). */
  alertMembers: number;
  log?: (line: string) => void;
}

export interface GeneratedData {
  reports: number;
  counts: Record<string, number>;
  timings: Record<string, number>;
  forces: { avon: string; kent: string; alertArea: string };
  accounts: {
    caseWorker: string;
    manager: string;
    secondManager: string;
    policeAvon: string;
    policeKent: string;
  };
  checkMemberUserIds: string[];
  /** Phone numbers for Q6, in rotation order; some appear in published alerts. */
  checkValues: string[];
  /** Report ids for Q5, in rotation order. */
  reportIds: string[];
  /** A report with alerts consent, as the source of the published-alert target's alert. */
  alertSourceReportId: string;
  /** The financial year Q4 aggregates. */
  financialYear: string;
  /** Its bounds, as London-time dates (inclusive start, exclusive end). */
  financialYearBounds: [string, string];
}

/** The tables whose secondary indexes are dropped for the load and rebuilt after it. */
const LOADED_TABLES = ['report', 'consent', 'consent_event', 'report_identifier', 'case_file', 'report_share', 'member', 'member_alert_area', 'app_user', 'alert', 'alert_target_area'];

const START = '2023-11-01T00:00:00Z';
const END = '2026-11-01T00:00:00Z';

/** A deterministic number in [0, 1) from a row number and a salt. */
const rnd = (expr: string, salt: number) => `((hashint8extended((${expr})::int8, ${salt}) & 2147483647)::float8 / 2147483648.0)`;

/** Picks one of `values` with the given weights, from a uniform number `u` in [0, 1). */
function pick(u: string, choices: [string, number][]): string {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let acc = 0;
  const whens = choices.slice(0, -1).map(([v, w]) => {
    acc += w / total;
    return `when ${u} < ${acc.toFixed(6)} then ${v}`;
  });
  return `(case ${whens.join(' ')} else ${choices[choices.length - 1][0]} end)`;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

const INCIDENT_WEIGHTS: [string, number][] = [
  ['VIOLENCE', 22], ['RAPE', 8], ['SEXUAL_ASSAULT', 10], ['ROBBERY', 12], ['THREATS', 10],
  ['HARASSMENT', 12], ['STALKING', 5], ['OUTING', 5], ['FRAUD', 12], ['OTHER', 4],
];

const FORCE_WEIGHTS: Record<string, number> = {
  'avon-and-somerset': 14, kent: 9, metropolitan: 10, 'greater-manchester': 6, 'west-midlands': 5,
  'west-yorkshire': 4, merseyside: 3, 'police-scotland': 3, 'thames-valley': 3, nottinghamshire: 3,
  northumbria: 3,
};
/** Members for the publishing target live here, and no generated report does. */
const ALERT_AREA = 'cumbria';

const STAFF_NAMES = ['Ash Patel', 'Bea Okafor', 'Cal Murray', 'Dani Evans', 'Eli Novak', 'Fran Doyle', 'Gus Rahman', 'Hana Kowalski', 'Ira Campbell', 'Jo Mensah',
  'Kai Lewis', 'Lou Fischer', 'Max Byrne', 'Nia Hughes', 'Oli Santos', 'Pat Quinn', 'Rae Ahmed', 'Sam Kerr', 'Tam Ward', 'Val Price'];

export async function generate(client: Client, options: GenerateOptions): Promise<GeneratedData> {
  const log = options.log ?? (() => undefined);
  const n = options.reports;
  const timings: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const res = await client.query(sql, params);
    const ms = performance.now() - t0;
    timings[name] = (timings[name] ?? 0) + ms;
    log(`  ${name}: ${(ms / 1000).toFixed(1)} s${res.rowCount != null && res.command === 'INSERT' ? ` (${res.rowCount.toLocaleString('en-GB')} rows)` : ''}`);
    return res;
  };
  const total0 = performance.now();

  const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as T;
  const forces = (await client.query<{ id: string; code: string }>('select id, code from force order by code')).rows;
  if (forces.length < 40) throw new Error(`expected the UK forces to be seeded, found ${forces.length}`);
  const forceId = (code: string) => {
    const f = forces.find((x) => x.code === code);
    if (!f) throw new Error(`no force ${code}`);
    return f.id;
  };
  const userId = async (email: string) => (await one<{ id: string }>('select id from app_user where email = $1', [email])).id;
  const caseWorker = await userId('caseworker@example.org');
  const manager = await userId('manager@example.org');
  const policeAvon = await userId('police.avon@example.org');
  const policeKent = await userId('police.kent@example.org');
  const { password_hash: passwordHash } = await one<{ password_hash: string }>('select password_hash from app_user where email = $1', ['caseworker@example.org']);

  // Forces weighted, none in the alert-target area; picked with width_bucket over cumulative bounds.
  const weighted = forces.filter((f) => f.code !== ALERT_AREA).map((f) => ({ id: f.id, w: FORCE_WEIGHTS[f.code] ?? 1 }));
  const wTotal = weighted.reduce((s, f) => s + f.w, 0);
  let acc = 0;
  const cumulative: number[] = [];
  for (let i = 0; i < weighted.length - 1; i++) {
    acc += weighted[i].w;
    cumulative.push(acc / wTotal);
  }
  const forceArray = `array[${weighted.map((f) => q(f.id)).join(',')}]::uuid[]`;
  const boundArray = `array[${cumulative.map((b) => b.toFixed(8)).join(',')}]::float8[]`;

  await client.query(`set session_replication_role = replica`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set synchronous_commit = off`);

  // Secondary indexes off for the load (those behind constraints stay: primary keys, uniques).
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
         join pg_namespace ns on ns.oid = t.relnamespace
        where ns.nspname = 'public' and t.relname = any($1)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    )
  ).rows;
  await step('drop secondary indexes', indexes.map((i) => `drop index "${i.name}";`).join('\n') || 'select 1');

  // Staff: 20 generated case workers, and a second manager to approve alerts.
  await step(
    'staff accounts',
    `insert into app_user (id, created_at, updated_at, email, name, role, password_hash)
     select md5('staff' || k)::uuid, now(), now(), 'bench.staff' || lpad(k::text, 2, '0') || '@example.org',
            (array[${STAFF_NAMES.map(q).join(',')}])[k], 'CASE_WORKER'::role, $1
       from generate_series(1, 20) k
     union all
     select md5('manager2')::uuid, now(), now(), 'bench.manager2@example.org', 'Robin Second-Manager', 'MANAGER'::role, $1`,
    [passwordHash],
  );
  const secondManager = (await one<{ id: string }>(`select md5('manager2')::uuid::text as id`)).id;

  const N = `${n}`;
  const startMs = Date.parse(START);
  const stepMs = Math.floor((Date.parse(END) - startMs) / n);
  // received_at for row i: evenly spaced, oldest first (so the table is in arrival order).
  const receivedAt = (i: string) => `(timestamptz ${q(START)} + ((${i} - 1) * ${stepMs}::int8) * interval '1 millisecond')`;
  const channel = (i: string) => pick(rnd(i, 2), [["'WEB'", 30], ["'PHONE'", 30], ["'EMAIL'", 20], ["'OUTREACH'", 15], ["'THIRD_PARTY'", 5]]);
  const method = (i: string) => pick(rnd(i, 2), [["'SELF_SERVICE'", 30], ["'PHONE'", 30], ["'EMAIL'", 20], ["'IN_PERSON'", 20]]);
  const police = (i: string) => pick(rnd(i, 3), [["'NONE'", 55], ["'ANONYMOUS_INTELLIGENCE'", 30], ["'FULL'", 15]]);
  const alerts = (i: string) => `(${rnd(i, 4)} < 0.4)`;
  const statistics = (i: string) => `(${rnd(i, 5)} < 0.92)`;
  const incident = (u: string) => pick(u, INCIDENT_WEIGHTS.map(([t, w]) => [q(t), w]));
  const forceOf = (i: string) => `(${forceArray})[width_bucket(${rnd(i, 6)}, ${boundArray}) + 1]`;

  await step(
    'consent',
    `insert into consent (id, created_at, updated_at, police, alerts, statistics, method, recorded_by_id, recorded_at, withdrawn_at)
     select md5('c' || i)::uuid, t.ra, t.ra, ${police('i')}::police_consent, ${alerts('i')}, ${statistics('i')},
            ${method('i')}::consent_method, case when ${rnd('i', 2)} < 0.3 then null else $1::uuid end, t.ra,
            case when ${police('i')} = 'NONE' and ${rnd('i', 7)} < 0.03 then t.ra + interval '10 days' end
       from generate_series(1, ${N}) i, lateral (select ${receivedAt('i')} as ra) t`,
    [caseWorker],
  );

  await step(
    'report',
    `insert into report (id, created_at, updated_at, reference, received_at, channel, incident_date, force_area_id, incident_types,
                         location, narrative, police_summary, perpetrator_description, status, member_id, created_by_id, consent_id,
                         police_visible)
     select md5('r' || i)::uuid, t.ra, t.ra,
            'LN-' || y.yr || '-' || lpad((i - greatest(1, ((y.year_ms - ${startMs}::int8 + ${stepMs}::int8 - 1) / ${stepMs}::int8) + 1) + 1)::text, 6, '0'),
            t.ra, ${channel('i')}::channel, (t.ra at time zone 'Europe/London')::date - floor(${rnd('i', 8)} * 30)::int,
            ${forceOf('i')},
            case when ${rnd('i', 10)} < 0.35 and ${incident(rnd('i', 11))} <> ${incident(rnd('i', 9))}
                 then array[${incident(rnd('i', 9))}, ${incident(rnd('i', 11))}] else array[${incident(rnd('i', 9))}] end,
            case when ${rnd('i', 12)} < 0.6 then 'Near ' || (array['the station','the ring road','a hotel','a flat','the park','a car park'])[1 + (i % 6)::int] end,
            'Generated narrative of report ' || i || ': what happened, in the reporter''s words.',
            case when ${police('i')} <> 'NONE' then 'Redacted summary for police of report ' || i end,
            case when ${rnd('i', 13)} < 0.5 then 'Tall, about 40, drove a dark saloon' end,
            ${pick(rnd('i', 14), [["'NEW'", 15], ["'TRIAGED'", 45], ["'CLOSED'", 40]])}::report_status,
            null, case when ${rnd('i', 2)} < 0.3 then null else $1::uuid end, md5('c' || i)::uuid,
            -- What the trigger (off for the load) would set: the consent's police level lets police read it.
            ${police('i')} in ('ANONYMOUS_INTELLIGENCE', 'FULL')
       from generate_series(1, ${N}) i,
            lateral (select ${receivedAt('i')} as ra) t,
            lateral (select extract(year from t.ra at time zone 'UTC')::int as yr,
                            (extract(epoch from make_timestamptz(extract(year from t.ra at time zone 'UTC')::int, 1, 1, 0, 0, 0, 'UTC')) * 1000)::int8 as year_ms) y`,
    [caseWorker],
  );

  await step(
    'consent_event',
    `insert into consent_event (id, created_at, updated_at, report_id, at, actor_id, actor_role, method, police, alerts, statistics, note)
     select md5('e' || i)::uuid, t.ra, t.ra, md5('r' || i)::uuid, t.ra,
            case when ${rnd('i', 2)} < 0.3 then null else $1::uuid end,
            case when ${rnd('i', 2)} < 0.3 then 'MEMBER' else 'CASE_WORKER' end::role,
            ${method('i')}::consent_method, ${police('i')}::police_consent, ${alerts('i')}, ${statistics('i')},
            'Consent recorded with the report'
       from generate_series(1, ${N}) i, lateral (select ${receivedAt('i')} as ra) t`,
    [caseWorker],
  );

  // Identifiers: 1-3 per report, from skewed pools (k = pool * u^2) so that popular ones repeat.
  const pool = Math.max(2000, Math.floor(n / 4));
  await step(
    'report_identifier',
    `insert into report_identifier (id, created_at, updated_at, report_id, kind, value)
     select md5('i' || i || '.' || j)::uuid, t.ra, t.ra, md5('r' || i)::uuid, v.kind::identifier_kind, v.value
       from generate_series(1, ${N}) i
       cross join lateral generate_series(1, 1 + floor(${rnd('i', 20)} * 3)::int) j
       cross join lateral (select ${receivedAt('i')} as ra,
                                  floor(${pool} * power(${rnd('i * 4 + j', 22)}, 2))::int8 as k,
                                  ${pick(rnd('i * 4 + j', 21), [["'PHONE'", 50], ["'EMAIL'", 20], ["'VEHICLE'", 15], ["'HANDLE'", 15]])} as kind) t
       cross join lateral (select t.kind,
                                  case t.kind
                                    when 'PHONE' then '+4477' || lpad(t.k::text, 8, '0')
                                    when 'EMAIL' then 'user' || t.k || '@' || (array['gmail.com','hotmail.co.uk','yahoo.co.uk','outlook.com'])[1 + (t.k % 4)::int]
                                    when 'VEHICLE' then chr(65 + (t.k % 26)::int) || chr(65 + ((t.k / 26) % 26)::int) || lpad(((t.k / 676) % 100)::text, 2, '0')
                                                        || chr(65 + ((t.k / 7) % 26)::int) || chr(65 + ((t.k / 3) % 26)::int) || chr(65 + ((t.k / 11) % 26)::int)
                                    else 'punter_' || t.k
                                  end as value) v
     on conflict (report_id, kind, value) do nothing`,
  );

  const staffIds = `array(select md5('staff' || k)::uuid from generate_series(1, 20) k)`;
  await step(
    'case_file',
    `insert into case_file (id, created_at, updated_at, report_id, assignee_id, status, outcome, opened_at, closed_at)
     select md5('k' || r.i)::uuid, r.opened, r.opened, md5('r' || r.i)::uuid,
            case when ${rnd('r.i', 31)} < 0.35 then $1::uuid
                 when ${rnd('r.i', 31)} < 0.95 then (${staffIds})[1 + floor(${rnd('r.i', 32)} * 20)::int] end,
            case when r.closed then 'CLOSED' else ${pick(rnd('r.i', 33), [["'OPEN'", 30], ["'ACTIVE'", 40], ["'AWAITING_MEMBER'", 15], ["'POLICE_LIAISON'", 15]])} end::case_status,
            case when r.closed then 'Support given; member safe' end,
            r.opened, case when r.closed then r.opened + interval '21 days' end
       from (select i, ${receivedAt('i')} + interval '1 hour' as opened,
                    ${pick(rnd('i', 14), [['false', 60], ['true', 40]])} as closed
               from generate_series(1, ${N}) i
              where ${rnd('i', 30)} < 0.3) r`,
    [caseWorker],
  );

  const avon = forceId('avon-and-somerset');
  const kent = forceId('kent');
  await step(
    'report_share',
    `insert into report_share (id, created_at, updated_at, report_id, force_id, shared_by_id, shared_at)
     select md5('s' || i || f.id)::uuid, now(), now(), md5('r' || i)::uuid, f.id, $3::uuid, ${receivedAt('i')} + interval '2 days'
       from generate_series(1, ${N}) i
       cross join (values ($1::uuid, 0.02::float8, 40), ($2::uuid, 0.01::float8, 41)) as f(id, share, salt)
      where ${police('i')} <> 'NONE' and ${forceOf('i')} <> f.id and ${rnd('i', 40)} < f.share`,
    [avon, kent, caseWorker],
  );

  await step(
    'report_sequence',
    `insert into report_sequence (year, last)
     select substring(reference from 4 for 4)::int, max(substring(reference from 9)::int) from report group by 1
     on conflict (year) do update set last = greatest(report_sequence.last, excluded.last)`,
  );

  // Members who check identifiers (Q6): accounts + member records, working in Avon and Somerset.
  const m = options.checkMembers;
  await step(
    'check members',
    `with u as (
       insert into app_user (id, created_at, updated_at, email, name, role, password_hash)
       select md5('mu' || k)::uuid, now(), now(), 'bench.member' || k || '@example.org', 'Bench member ' || k, 'MEMBER', $1
         from generate_series(1, ${m}) k
       returning id
     ), mm as (
       insert into member (id, created_at, updated_at, pseudonym, user_id, work_setting, email_alerts)
       select md5('m' || k)::uuid, now(), now(), 'Member ' || k, md5('mu' || k)::uuid,
              (array['STREET','OFF_STREET_INDEPENDENT','AGENCY_PARLOUR','ONLINE','OTHER'])[1 + k % 5]::work_setting, false
         from generate_series(1, ${m}) k
       returning id
     )
     insert into member_alert_area (member_id, force_id) select id, $2::uuid from mm`,
    [passwordHash, avon],
  );

  // Members subscribed to e-mail alerts in the alert-target area (no accounts needed).
  const alertArea = forceId(ALERT_AREA);
  await step(
    'alert members',
    `with mm as (
       insert into member (id, created_at, updated_at, pseudonym, user_id, work_setting, email_alerts)
       select md5('am' || k)::uuid, now(), now(), 'Subscriber ' || k, null,
              (array['STREET','OFF_STREET_INDEPENDENT','AGENCY_PARLOUR','ONLINE','OTHER'])[1 + k % 5]::work_setting, true
         from generate_series(1, ${options.alertMembers}) k
       returning id
     )
     insert into member_alert_area (member_id, force_id) select id, $1::uuid from mm`,
    [alertArea],
  );

  // Published alerts showing the most common phone numbers (k = 0..79, two per alert).
  await step(
    'published alerts',
    `with a as (
       insert into alert (id, created_at, updated_at, title, body, status, incident_types, shown_identifiers,
                          author_id, approver_id, approved_at, published_at, expires_at, overrides)
       select md5('alert' || k)::uuid, now() - (k || ' hours')::interval, now(), 'Warning: dangerous client ' || k,
              'Members report a client who turned violent. Do not meet this person alone.', 'PUBLISHED',
              array['VIOLENCE'], jsonb_build_array(jsonb_build_object('kind', 'PHONE', 'value', '+4477' || lpad((2 * k)::text, 8, '0')),
                                                   jsonb_build_object('kind', 'PHONE', 'value', '+4477' || lpad((2 * k + 1)::text, 8, '0'))),
              $1::uuid, $2::uuid, now() - (k || ' hours')::interval, now() - (k || ' hours')::interval, now() + interval '60 days', '[]'::jsonb
         from generate_series(0, 39) k
       returning id
     )
     insert into alert_target_area (alert_id, force_id) select id, $3::uuid from a`,
    [caseWorker, manager, avon],
  );

  await client.query(`set session_replication_role = origin`);
  const t0 = performance.now();
  for (const index of indexes) await client.query(index.def);
  timings['rebuild indexes'] = performance.now() - t0;
  log(`  rebuild ${indexes.length} indexes: ${(timings['rebuild indexes'] / 1000).toFixed(1)} s`);

  // The foreign keys were not checked during the load: check them now, all at once (and the
  // police_visible flag the trigger would have set).
  const orphans = await one<Record<string, number>>(
    `select
       (select count(*) from report r left join consent c on c.id = r.consent_id where c.id is null)::int as report_consent,
       (select count(*) from report r left join force f on f.id = r.force_area_id where f.id is null)::int as report_force,
       (select count(*) from report_identifier x left join report r on r.id = x.report_id where r.id is null)::int as identifier_report,
       (select count(*) from consent_event x left join report r on r.id = x.report_id where r.id is null)::int as event_report,
       (select count(*) from case_file x left join report r on r.id = x.report_id where r.id is null)::int as case_report,
       (select count(*) from case_file x left join app_user u on u.id = x.assignee_id where x.assignee_id is not null and u.id is null)::int as case_assignee,
       (select count(*) from report_share x left join report r on r.id = x.report_id where r.id is null)::int as share_report,
       (select count(*) from report r join consent c on c.id = r.consent_id
         where r.police_visible is distinct from (c.police in ('ANONYMOUS_INTELLIGENCE', 'FULL')))::int as police_visible_flag`,
  );
  timings['check references'] = performance.now() - t0 - timings['rebuild indexes'];
  const bad = Object.entries(orphans).filter(([, v]) => Number(v) > 0);
  if (bad.length) throw new Error(`generated rows with dangling references: ${JSON.stringify(orphans)}`);

  // Triggers were off for the load: the counts they keep (per force area and status, and the
  // managers' figures per financial year) are counted now.
  await step('report tallies', 'select lantern_rebuild_report_tally(), lantern_rebuild_report_statistics()');

  await step('vacuum analyze', 'vacuum (analyze)');
  timings.total = performance.now() - total0;

  const counts = await one<Record<string, number>>(
    `select (select count(*) from report)::int as report, (select count(*) from consent)::int as consent,
            (select count(*) from consent_event)::int as consent_event, (select count(*) from report_identifier)::int as report_identifier,
            (select count(*) from case_file)::int as case_file, (select count(*) from report_share)::int as report_share,
            (select count(*) from member)::int as member, (select count(*) from app_user)::int as app_user,
            (select count(*) from alert where status = 'PUBLISHED')::int as published_alerts,
            (select count(distinct (kind, value)) from report_identifier)::int as distinct_identifiers`,
  );

  const checkMemberUserIds = (await client.query<{ id: string }>(`select md5('mu' || k)::uuid::text as id from generate_series(1, ${m}) k`)).rows.map((r) => r.id);
  // 500 numbers to check: the 80 shown in alerts are among them (k < 80), the rest are not.
  const checkValues = Array.from({ length: 500 }, (_, k) => `+4477${String((k * 37) % 500).padStart(8, '0')}`);
  // Q5: 200 reports spread over the table (about 30% of them with a case).
  const reportIds = (
    await client.query<{ id: string }>(`select md5('r' || (1 + ((k * 7919) % ${n})))::uuid::text as id from generate_series(1, 200) k`)
  ).rows.map((r) => r.id);
  const { id: alertSourceReportId } = await one<{ id: string }>(
    `select r.id from report r join consent c on c.id = r.consent_id where c.alerts and r.force_area_id = $1 order by r.received_at desc limit 1`,
    [avon],
  );

  return {
    reports: n,
    counts,
    timings,
    forces: { avon, kent, alertArea },
    accounts: { caseWorker, manager, secondManager, policeAvon, policeKent },
    checkMemberUserIds,
    checkValues,
    reportIds,
    alertSourceReportId,
    financialYear: '2025/26',
    financialYearBounds: ['2025-04-01', '2026-04-01'],
  };
}
