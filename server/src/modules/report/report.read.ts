import { Utils, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { queryPrepared } from '../../db/prepared';
import { CaseFile } from '../case/case.entity';
import { Consent } from '../consent/consent.entity';
import { Report } from './report.entity';

/**
 * The fast read path for report lists. A page of reports is read in ONE statement that builds
 * each row's force area, consent, identifiers, case (with its assignee) and shares as JSON in
 * PostgreSQL, and is handed to GraphQL as plain objects shaped like the entities ("views"),
 * skipping the ORM's per-entity hydration, identity map and change-tracking snapshots, which
 * were most of the CPU time of a list request.
 *
 * It is used only when every field the client selected is one this module knows how to fill
 * (FAST_FIELDS); any other selection takes the ORM path, so a view never meets a resolver that
 * expects an entity. The statement reads only the selected fields (and what the access rules
 * read), and runs as a prepared statement (db/prepared.ts). The scope and filters are the same
 * FilterQuery as the ORM path: the page's ids come from MikroORM's own query builder, as a
 * sub-select, so the access predicates are not written twice. Views are read-only: no mutation
 * ever receives one. test/statements.test.ts checks random selections against the ORM path.
 */

/** The fields a view can answer, per GraphQL type. `__typename` is always allowed. */
const FAST_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  ReportList: new Set(['nodes', 'totalCount', 'endCursor']),
  Report: new Set([
    'id', 'createdAt', 'updatedAt', 'reference', 'receivedAt', 'incidentDate', 'channel', 'status', 'incidentTypes',
    'policeSummary', 'narrative', 'location', 'perpetratorDescription', 'caseStatus', 'forceArea', 'identifiers', 'consent', 'case',
  ]),
  Force: new Set(['id', 'code', 'name', 'nation', 'region', 'createdAt', 'updatedAt']),
  Identifier: new Set(['id', 'kind', 'value', 'createdAt', 'updatedAt']),
  Consent: new Set(['id', 'police', 'alerts', 'statistics', 'method', 'recordedAt', 'withdrawnAt', 'createdAt', 'updatedAt', 'recordedByName']),
  Case: new Set(['id', 'status', 'outcome', 'openedAt', 'closedAt', 'createdAt', 'updatedAt', 'assignee', 'allowedTransitions']),
  User: new Set(['id', 'name', 'email', 'role', 'active', 'deactivatedAt', 'lastLoginAt', 'createdAt', 'updatedAt']),
};

/** The GraphQL type each known field leads to (for walking nested selections). */
const CHILD_TYPE: Readonly<Record<string, string>> = {
  'ReportList.nodes': 'Report',
  'Report.forceArea': 'Force',
  'Report.identifiers': 'Identifier',
  'Report.consent': 'Consent',
  'Report.case': 'Case',
  'Case.assignee': 'User',
};

/**
 * What a request selected of each view type (`__typename` left out): the fields to read, and the
 * key of that choice (part of a kept statement's key, since the statement reads only these).
 */
export interface ViewSelection {
  readonly fields: Readonly<Record<string, ReadonlySet<string>>>;
  readonly key: string;
}

/**
 * The selection under this field (a `ReportList`, or one `Report`) when views can answer all of
 * it; null when some field needs the ORM path. Aliases, fragments and repeated fields are merged.
 */
export function viewSelection(info: GraphQLResolveInfo, type: 'ReportList' | 'Report' = 'ReportList'): ViewSelection | null {
  const fields: Record<string, Set<string>> = {};
  for (const node of info.fieldNodes) if (!collect(node.selectionSet, type, info.fragments, fields)) return null;
  const key = Object.keys(fields)
    .sort()
    .map((t) => `${t}:${[...fields[t]].sort().join(',')}`)
    .join(';');
  return { fields, key };
}

function collect(set: SelectionSetNode | undefined, type: string, fragments: Record<string, FragmentDefinitionNode>, into: Record<string, Set<string>>): boolean {
  if (!set) return true;
  const allowed = FAST_FIELDS[type];
  if (!allowed) return false;
  const chosen = (into[type] ??= new Set());
  return set.selections.every((sel) => {
    if (sel.directives?.length) return false;
    if (sel.kind === Kind.INLINE_FRAGMENT) return (!sel.typeCondition || sel.typeCondition.name.value === type) && collect(sel.selectionSet, type, fragments, into);
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = fragments[sel.name.value];
      return !!frag && frag.typeCondition.name.value === type && collect(frag.selectionSet, type, fragments, into);
    }
    const field = (sel as FieldNode).name.value;
    if (field === '__typename') return true;
    if (!allowed.has(field) || (sel as FieldNode).arguments?.length) return false;
    chosen.add(field);
    const child = CHILD_TYPE[`${type}.${field}`];
    return child ? collect((sel as FieldNode).selectionSet, child, fragments, into) : !(sel as FieldNode).selectionSet;
  });
}

/**
 * A report read for a list: the entity's shape, plain data. Only what the request selected is
 * present (see buildStatement), and always what the access rules read: id, receivedAt (the
 * cursor), member, forceArea.id, consent.police and, for police callers, sharedForceIds.
 */
export interface ReportView {
  id: string;
  receivedAt: Date;
  member: { id: string } | null;
  forceArea: { id: string; code?: string; name?: string; nation?: string; region?: string; createdAt?: Date; updatedAt?: Date };
  consent: {
    id?: string;
    police: string;
    alerts?: boolean;
    statistics?: boolean;
    method?: string;
    recordedAt?: Date;
    withdrawnAt?: Date | null;
    createdAt?: Date;
    updatedAt?: Date;
    recordedBy?: { id: string; name: string } | null;
  };
  /** Forces the report was shared with (for the police rule); empty unless the caller is police. */
  sharedForceIds: string[];
  createdAt?: Date;
  updatedAt?: Date;
  reference?: string;
  channel?: string;
  incidentDate?: string;
  incidentTypes?: string[];
  location?: string | null;
  narrative?: string;
  policeSummary?: string | null;
  perpetratorDescription?: string | null;
  status?: string;
  identifiers?: { id: string; kind?: string; value?: string; createdAt?: Date; updatedAt?: Date }[];
  caseFile?: CaseView | null;
}

/** A case read with a report view: the chosen fields, and its id. */
interface CaseView {
  id: string;
  status?: string;
  outcome?: string | null;
  openedAt?: Date;
  closedAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
  assignee?: Record<string, unknown> | null;
}

const VIEW = Symbol('ReportView');

/** A view object (the report, its consent or its case), as opposed to an ORM entity. */
export function isView(value: unknown): boolean {
  return !!value && (value as { [VIEW]?: boolean })[VIEW] === true;
}

export function isReportView(value: unknown): value is ReportView {
  return isView(value) && value instanceof Report;
}

/** A related object that is loaded: part of a view (always complete), or an initialised entity. */
export function isLoadedObject(value: unknown): boolean {
  if (!value) return false;
  if (isView(value) || !Utils.isEntity(value)) return true;
  return (value as { __helper: { __initialized: boolean } }).__helper.__initialized;
}

/**
 * Gives a view its entity's prototype, so that type-graphql passes it to `@Root()` as it is
 * (it converts a root that is not an instance of the resolver's class by constructing one and
 * copying the fields in, which would make an entity). The view's own data properties shadow
 * anything on the prototype; nothing here is ever persisted or given to the EntityManager.
 */
function asView<T extends object>(data: object, proto: object): T {
  Object.defineProperty(data, VIEW, { value: true });
  return Object.setPrototypeOf(data, proto) as T;
}

/** Timestamps are read as JSON (ISO-8601 strings), then made Dates as the entities have them. */
const date = (v: string | null): Date | null => (v === null ? null : new Date(v));
/** What a page of views is read by: `where` and `orderBy` exactly as the ORM path would use them. */
export interface ViewQuery {
  where: FilterQuery<Report>;
  orderBy: QueryOrderMap<Report>[];
  page: { limit: number; offset?: number };
  /** The fields to read (viewSelection); the key of the kept statement must include its key. */
  select: ViewSelection;
  /** Read the forces each report was shared with (the police rule needs them); else none are. */
  shares: boolean;
}

interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * The statements of recent reads, by a key that names everything their SQL and parameters are
 * made from (the caller's role, force and member, and the query's arguments): building the ids
 * sub-select with the query builder costs more CPU than PostgreSQL spends running the whole
 * statement, and a case worker's list, or an officer's, is asked for again and again. Never
 * shared across keys; bounded (the oldest is dropped first).
 */
const statements = new Map<string, Statement>();
const MAX_STATEMENTS = 1000;

/** The statement kept under `key` in `map`, built and kept (the oldest dropped past the bound) when missing; `null` keeps nothing. */
function kept(map: Map<string, Statement>, key: string | null, build: () => Statement): Statement {
  let statement = key === null ? undefined : map.get(key);
  if (!statement) {
    statement = build();
    if (key !== null) {
      if (map.size >= MAX_STATEMENTS) map.delete(map.keys().next().value!);
      map.set(key, statement);
    }
  }
  return statement;
}

/**
 * One page of reports as views. One statement: the ids sub-select (MikroORM's query builder, with
 * the scope's joins) inside the query that builds the rows. `key`, when given, must determine
 * `query()` completely (see `statements`); `query` is called only when the statement is not known.
 */
export async function findReportViews(em: EntityManager, key: string | null, query: () => ViewQuery): Promise<ReportView[]> {
  const statement = kept(statements, key, () => buildStatement(em, query()));
  const [{ rows }] = await queryPrepared<{ rows: Record<string, any>[] }>(em, statement.sql, statement.bindings);
  return rows.map(toView);
}

/** The count statements of recent lists (`totalCount`), kept as `statements` are and for the same reason. */
const counts = new Map<string, Statement>();

/**
 * How many reports match `where`: MikroORM's own count query (`count(*)`, or of distinct ids when
 * the filter joins a collection), built once per key and then run as a kept prepared statement.
 * `key`, when given, must determine `where()` completely; `where` is called only when the
 * statement is not known.
 */
export async function countReportRows(em: EntityManager, key: string | null, where: () => FilterQuery<Report>): Promise<number> {
  const statement = kept(counts, key, () => {
    const qb = em.createQueryBuilder(Report, 'r0').where(where() as QBFilterQuery<Report>);
    // Distinct ids when a join could repeat a report, as em.count decides (hasToManyJoins is not in the typings).
    const distinct = (qb as unknown as { hasToManyJoins(): boolean }).hasToManyJoins();
    return qb.count(undefined, distinct).getKnexQuery().toSQL();
  });
  const [row] = await queryPrepared<{ count: string | number }>(em, statement.sql, statement.bindings);
  return Number(row.count);
}

/**
 * How many reports there are in a force area and/or with a status (either may be null: all), from
 * the counts the database keeps per force area and status (`report_tally`, Migration20261129140000):
 * a sum of at most a row per force and status, where counting the reports themselves reads every
 * matching index entry. Only for callers whose scope is every report (the caller decides).
 */
export async function countReportsFromTally(em: EntityManager, forceAreaId: string | null, status: string | null): Promise<number> {
  const [row] = await queryPrepared<{ count: string | number }>(em, TALLY_COUNT[(forceAreaId ? 2 : 0) + (status ? 1 : 0)], [
    ...(forceAreaId ? [forceAreaId] : []),
    ...(status ? [status] : []),
  ]);
  return Number(row.count);
}

/** The tally's four statements, by (force area given ? 2 : 0) + (status given ? 1 : 0). */
const TALLY_COUNT = [
  'select coalesce(sum(reports), 0) as count from report_tally',
  'select coalesce(sum(reports), 0) as count from report_tally where status = ?::report_status',
  'select coalesce(sum(reports), 0) as count from report_tally where force_area_id = ?::uuid',
  'select coalesce(sum(reports), 0) as count from report_tally where force_area_id = ?::uuid and status = ?::report_status',
] as const;

/** SQL for a Report scalar a view can answer (id and receivedAt are always read). */
const REPORT_COLUMNS: Readonly<Record<string, string>> = {
  createdAt: 'to_json(r.created_at) as created_at',
  updatedAt: 'to_json(r.updated_at) as updated_at',
  reference: 'r.reference',
  incidentDate: `to_char(r.incident_date, 'YYYY-MM-DD') as incident_date`,
  channel: 'r.channel',
  status: 'r.status',
  incidentTypes: 'r.incident_types',
  policeSummary: 'r.police_summary',
  narrative: 'r.narrative',
  location: 'r.location',
  perpetratorDescription: 'r.perpetrator_description',
};

/** JSON members (`'key', expression`) for the chosen fields of a nested object; `id` always. */
function members(alias: string, chosen: ReadonlySet<string> | undefined, columns: Readonly<Record<string, string>>): string {
  const keys = new Set(['id', ...(chosen ?? [])]);
  return [...keys].filter((k) => k in columns).map((k) => `'${k}', ${alias}.${columns[k]}`).join(', ');
}

const FORCE_COLUMNS = { id: 'id', code: 'code', name: 'name', nation: 'nation', region: 'region', createdAt: 'created_at', updatedAt: 'updated_at' };
const IDENTIFIER_COLUMNS = { id: 'id', kind: 'kind', value: 'value', createdAt: 'created_at', updatedAt: 'updated_at' };
const CONSENT_COLUMNS = {
  id: 'id', police: 'police', alerts: 'alerts', statistics: 'statistics', method: 'method', recordedAt: 'recorded_at',
  withdrawnAt: 'withdrawn_at', createdAt: 'created_at', updatedAt: 'updated_at',
};
const CASE_COLUMNS = { id: 'id', status: 'status', outcome: 'outcome', openedAt: 'opened_at', closedAt: 'closed_at', createdAt: 'created_at', updatedAt: 'updated_at' };
const USER_COLUMNS = {
  id: 'id', name: 'name', email: 'email', role: 'role', active: 'active', deactivatedAt: 'deactivated_at', lastLoginAt: 'last_login_at',
  createdAt: 'created_at', updatedAt: 'updated_at',
};

/**
 * The page's statement: the ids sub-select (MikroORM's query builder, with the scope's joins), and
 * around it only what the selection needs. Every view also carries what the access rules read of
 * a report, whatever was selected: its id, member, force area id and consent level (and, for a
 * police caller, the forces it was shared with). A field left out is never resolved: the
 * selection it was read for is the selection GraphQL executes.
 */
function buildStatement(em: EntityManager, { where, orderBy, page, select, shares }: ViewQuery): Statement {
  const ids = em.createQueryBuilder(Report, 'r0').select('r0.id').where(where as QBFilterQuery<Report>).orderBy(orderBy).limit(page.limit, page.offset ?? 0);
  // The page size is written into the text, not bound: with `limit $n` PostgreSQL's generic plan
  // of a prepared statement must guess the limit (a tenth of the rows), and for the police list
  // that guess picks a plan 10x slower, so every execution was planned anew (0.4 ms of its 3).
  // With the number in the text the generic plan is the right one and is kept. A page size is
  // one of a few validated integers; the offset stays a parameter.
  if (!Number.isSafeInteger(page.limit) || page.limit < 1) throw new Error('page limit must be a positive integer');
  // `?` placeholders, as em.execute expects (getQuery() would give PostgreSQL's $1, $2...).
  const idsSql = ids.getKnexQuery().limit(page.limit, { skipBinding: true }).toSQL();
  const sort = orderBy
    .flatMap((o) => Object.entries(o))
    .map(([prop, dir]) => `r.${em.getMetadata().get(Report.name).properties[prop as 'id'].fieldNames[0]} ${String(dir).toUpperCase() === 'ASC' ? 'asc' : 'desc'}`)
    .join(', ');
  const report = select.fields.Report ?? new Set<string>();
  const columns = ['r.id', 'to_json(r.received_at) as received_at', 'r.member_id', 'r.force_area_id', 'c.police as consent_police'];
  for (const field of report) if (REPORT_COLUMNS[field]) columns.push(REPORT_COLUMNS[field]);
  if (report.has('forceArea')) {
    columns.push(`(select json_build_object(${members('f', select.fields.Force, FORCE_COLUMNS)}) from force f where f.id = r.force_area_id) as force_area`);
  }
  // The consent level is always read (consent_police); other consent fields only when chosen.
  if (report.has('consent') && [...(select.fields.Consent ?? [])].some((f) => f !== 'police')) {
    const consent = select.fields.Consent;
    const recordedBy = consent?.has('recordedByName')
      ? `, 'recordedBy', (select json_build_object('id', cu.id, 'name', cu.name) from app_user cu where cu.id = c.recorded_by_id)`
      : '';
    columns.push(`json_build_object(${members('c', new Set([...(consent ?? []), 'police']), CONSENT_COLUMNS)}${recordedBy}) as consent`);
  }
  if (report.has('identifiers')) {
    columns.push(`coalesce((select json_agg(json_build_object(${members('i', select.fields.Identifier, IDENTIFIER_COLUMNS)}) order by i.created_at, i.id)
                       from report_identifier i where i.report_id = r.id), '[]') as identifiers`);
  }
  if (report.has('case') || report.has('caseStatus')) {
    const chosen = new Set(select.fields.Case ?? []);
    if (report.has('caseStatus') || chosen.has('allowedTransitions')) chosen.add('status');
    const assignee = chosen.has('assignee')
      ? `, 'assignee', (select json_build_object(${members('u', select.fields.User, USER_COLUMNS)}) from app_user u where u.id = k.assignee_id)`
      : '';
    columns.push(`(select json_build_object(${members('k', chosen, CASE_COLUMNS)}${assignee}) from case_file k where k.report_id = r.id) as case_file`);
  }
  if (shares) columns.push(`coalesce((select json_agg(s.force_id) from report_share s where s.report_id = r.id), '[]') as shared_force_ids`);
  // The page comes back as ONE JSON value (one array, in order): the driver parses one value
  // instead of every column of every row, which cost more CPU than building the JSON here.
  columns.push(`row_number() over (order by ${sort}) as ord`);
  const sql = `
    select coalesce(json_agg(t order by t.ord), '[]') as rows from (
    select ${columns.join(',\n           ')}
      from report r
      join consent c on c.id = r.consent_id
     where r.id in (${idsSql.sql})) t`;
  return { sql, bindings: idsSql.bindings };
}

/** Timestamps in a view's nested objects: read as JSON (ISO-8601 strings), made Dates as the entities have them. */
const DATE_KEYS = ['createdAt', 'updatedAt', 'recordedAt', 'withdrawnAt', 'openedAt', 'closedAt', 'deactivatedAt', 'lastLoginAt'];
function datesIn<T extends Record<string, unknown>>(o: T): T {
  for (const k of DATE_KEYS) if (k in o) (o as Record<string, unknown>)[k] = date(o[k] as string | null);
  return o;
}

/** Report scalars read under another name. */
const RENAMED: Readonly<Record<string, string>> = {
  incident_date: 'incidentDate', incident_types: 'incidentTypes', police_summary: 'policeSummary', perpetrator_description: 'perpetratorDescription',
};

function toView(row: Record<string, any>): ReportView {
  const view: Record<string, unknown> = {
    id: row.id,
    receivedAt: new Date(row.received_at),
    member: row.member_id ? { id: row.member_id } : null,
    sharedForceIds: row.shared_force_ids ?? [],
  };
  for (const [column, value] of Object.entries(row)) {
    switch (column) {
      case 'id': case 'received_at': case 'member_id': case 'shared_force_ids': case 'force_area_id': case 'consent_police': case 'force_area': case 'consent': case 'identifiers': case 'case_file': case 'ord':
        break;
      case 'created_at': view.createdAt = new Date(value); break;
      case 'updated_at': view.updatedAt = new Date(value); break;
      default: view[RENAMED[column] ?? column] = value;
    }
  }
  view.forceArea = row.force_area ? datesIn(row.force_area) : { id: row.force_area_id };
  view.consent = asView(row.consent ? datesIn(row.consent) : { police: row.consent_police }, Consent.prototype);
  if ('identifiers' in row) view.identifiers = row.identifiers.map(datesIn);
  if ('case_file' in row) {
    const caseFile = row.case_file as Record<string, any> | null;
    if (caseFile) {
      datesIn(caseFile);
      if (caseFile.assignee) datesIn(caseFile.assignee);
    }
    view.caseFile = caseFile ? asView<CaseView>(caseFile, CaseFile.prototype) : null;
  }
  return asView<ReportView>(view, Report.prototype);
}
