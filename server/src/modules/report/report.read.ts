import { Utils, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
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
 * expects an entity. The scope and filters are the same FilterQuery as the ORM path: the page's
 * ids come from MikroORM's own query builder, as a sub-select, so the access predicates are not
 * written twice. Views are read-only: no mutation ever receives one.
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

/** True when the selection under this field (a `ReportList`, or one `Report`) can be answered from views. */
export function canUseViews(info: GraphQLResolveInfo, type: 'ReportList' | 'Report' = 'ReportList'): boolean {
  return info.fieldNodes.every((node) => fits(node.selectionSet, type, info.fragments));
}

function fits(set: SelectionSetNode | undefined, type: string, fragments: Record<string, FragmentDefinitionNode>): boolean {
  if (!set) return true;
  const allowed = FAST_FIELDS[type];
  if (!allowed) return false;
  return set.selections.every((sel) => {
    if (sel.directives?.length) return false;
    if (sel.kind === Kind.INLINE_FRAGMENT) return (!sel.typeCondition || sel.typeCondition.name.value === type) && fits(sel.selectionSet, type, fragments);
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = fragments[sel.name.value];
      return !!frag && frag.typeCondition.name.value === type && fits(frag.selectionSet, type, fragments);
    }
    const field = (sel as FieldNode).name.value;
    if (field === '__typename') return true;
    if (!allowed.has(field) || (sel as FieldNode).arguments?.length) return false;
    const child = CHILD_TYPE[`${type}.${field}`];
    return child ? fits((sel as FieldNode).selectionSet, child, fragments) : !(sel as FieldNode).selectionSet;
  });
}

/** A report read for a list: the entity's shape, plain data. */
export interface ReportView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  reference: string;
  receivedAt: Date;
  channel: string;
  incidentDate: string;
  incidentTypes: string[];
  location: string | null;
  narrative: string;
  policeSummary: string | null;
  perpetratorDescription: string | null;
  status: string;
  forceArea: { id: string; code: string; name: string; nation: string; region: string; createdAt: Date; updatedAt: Date };
  consent: {
    id: string;
    police: string;
    alerts: boolean;
    statistics: boolean;
    method: string;
    recordedAt: Date;
    withdrawnAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    recordedBy: { id: string; name: string } | null;
  };
  identifiers: { id: string; kind: string; value: string; createdAt: Date; updatedAt: Date }[];
  member: { id: string } | null;
  caseFile: CaseView | null;
  /** Forces the report was shared with (for the police rule). */
  sharedForceIds: string[];
}

interface CaseView {
  id: string;
  status: string;
  outcome: string | null;
  openedAt: Date;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  assignee: Record<string, unknown> | null;
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
const dates = <T extends Record<string, unknown>>(o: T, ...keys: (keyof T)[]): T => {
  for (const k of keys) (o as Record<keyof T, unknown>)[k] = date(o[k] as string | null);
  return o;
};

/** What a page of views is read by: `where` and `orderBy` exactly as the ORM path would use them. */
export interface ViewQuery {
  where: FilterQuery<Report>;
  orderBy: QueryOrderMap<Report>[];
  page: { limit: number; offset?: number };
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

/**
 * One page of reports as views. One statement: the ids sub-select (MikroORM's query builder, with
 * the scope's joins) inside the query that builds the rows. `key`, when given, must determine
 * `query()` completely (see `statements`); `query` is called only when the statement is not known.
 */
export async function findReportViews(em: EntityManager, key: string | null, query: () => ViewQuery): Promise<ReportView[]> {
  let statement = key === null ? undefined : statements.get(key);
  if (!statement) {
    statement = buildStatement(em, query());
    if (key !== null) {
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(key, statement);
    }
  }
  const rows = await em.execute<Record<string, any>[]>(statement.sql, [...statement.bindings]);
  return rows.map(toView);
}

function buildStatement(em: EntityManager, { where, orderBy, page }: ViewQuery): Statement {
  const ids = em.createQueryBuilder(Report, 'r0').select('r0.id').where(where as QBFilterQuery<Report>).orderBy(orderBy).limit(page.limit, page.offset ?? 0);
  // `?` placeholders, as em.execute expects (getQuery() would give PostgreSQL's $1, $2...).
  const idsSql = ids.getKnexQuery().toSQL();
  const sort = orderBy
    .flatMap((o) => Object.entries(o))
    .map(([prop, dir]) => `r.${em.getMetadata().get(Report.name).properties[prop as 'id'].fieldNames[0]} ${String(dir).toUpperCase() === 'ASC' ? 'asc' : 'desc'}`)
    .join(', ');
  const sql = `
    select r.id, to_json(r.created_at) as created_at, to_json(r.updated_at) as updated_at, r.reference, to_json(r.received_at) as received_at, r.channel, to_char(r.incident_date, 'YYYY-MM-DD') as incident_date,
           r.incident_types, r.location, r.narrative, r.police_summary, r.perpetrator_description, r.status, r.member_id,
           json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'nation', f.nation, 'region', f.region,
                             'createdAt', f.created_at, 'updatedAt', f.updated_at) as force_area,
           json_build_object('id', c.id, 'police', c.police, 'alerts', c.alerts, 'statistics', c.statistics, 'method', c.method,
                             'recordedAt', c.recorded_at, 'withdrawnAt', c.withdrawn_at, 'createdAt', c.created_at, 'updatedAt', c.updated_at,
                             'recordedBy', case when cu.id is null then null else json_build_object('id', cu.id, 'name', cu.name) end) as consent,
           coalesce((select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'value', i.value, 'createdAt', i.created_at, 'updatedAt', i.updated_at)
                                     order by i.created_at, i.id)
                       from report_identifier i where i.report_id = r.id), '[]') as identifiers,
           (select json_build_object('id', k.id, 'status', k.status, 'outcome', k.outcome, 'openedAt', k.opened_at, 'closedAt', k.closed_at,
                                     'createdAt', k.created_at, 'updatedAt', k.updated_at,
                                     'assignee', case when u.id is null then null else json_build_object(
                                       'id', u.id, 'name', u.name, 'email', u.email, 'role', u.role, 'active', u.active,
                                       'deactivatedAt', u.deactivated_at, 'lastLoginAt', u.last_login_at, 'createdAt', u.created_at, 'updatedAt', u.updated_at) end)
              from case_file k left join app_user u on u.id = k.assignee_id where k.report_id = r.id) as case_file,
           coalesce((select json_agg(s.force_id) from report_share s where s.report_id = r.id), '[]') as shared_force_ids
      from report r
      join force f on f.id = r.force_area_id
      join consent c on c.id = r.consent_id
      left join app_user cu on cu.id = c.recorded_by_id
     where r.id in (${idsSql.sql})
     order by ${sort}`;
  return { sql, bindings: idsSql.bindings };
}

function toView(row: Record<string, any>): ReportView {
  const caseFile = row.case_file as (CaseView & Record<string, any>) | null;
  if (caseFile) {
    dates(caseFile, 'openedAt', 'closedAt', 'createdAt', 'updatedAt');
    if (caseFile.assignee) dates(caseFile.assignee, 'deactivatedAt', 'lastLoginAt', 'createdAt', 'updatedAt');
  }
  return asView<ReportView>({
    id: row.id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    reference: row.reference,
    receivedAt: new Date(row.received_at),
    channel: row.channel,
    incidentDate: row.incident_date,
    incidentTypes: row.incident_types,
    location: row.location,
    narrative: row.narrative,
    policeSummary: row.police_summary,
    perpetratorDescription: row.perpetrator_description,
    status: row.status,
    forceArea: dates(row.force_area, 'createdAt', 'updatedAt'),
    consent: asView(dates(row.consent, 'recordedAt', 'withdrawnAt', 'createdAt', 'updatedAt'), Consent.prototype),
    identifiers: row.identifiers.map((i: Record<string, any>) => dates(i, 'createdAt', 'updatedAt')),
    member: row.member_id ? { id: row.member_id } : null,
    caseFile: caseFile ? asView<CaseView>(caseFile, CaseFile.prototype) : null,
    sharedForceIds: row.shared_force_ids,
  }, Report.prototype);
}
