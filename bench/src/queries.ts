/**
 * The six benchmark queries, as each server is asked them, and how each answer is normalised to
 * one shape so that the three servers can be checked for equal data before any timing.
 */

export type ServerName = 'lantern' | 'postgraphile' | 'raw';
export const SERVERS: ServerName[] = ['lantern', 'postgraphile', 'raw'];
export type QueryName = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6';
export const QUERIES: QueryName[] = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'];

export const QUERY_TITLES: Record<QueryName, string> = {
  Q1: "Case worker's list: Avon and Somerset, status TRIAGED, newest first, 50, identifiers + case assignee",
  Q2: 'Q1 with totalCount',
  Q3: "Police partner's consented list (police.avon), masked fields, newest first, 50",
  Q4: "Manager's aggregates for one financial year: reports by incident type, totals by consent (impactStatistics)",
  Q5: 'One report by id (case worker; 200 ids rotated)',
  Q6: "Member identifier check (checkIdentifier PHONE; 500 numbers and 20k members' tokens rotated)",
};

/** What the queries need to know about the generated data and the accounts. */
export interface QueryContext {
  avon: string;
  status: string;
  financialYear: string;
  financialYearBounds: [string, string];
  reportIds: string[];
  checkValues: string[];
  tokens: { caseWorker: string; manager: string; policeAvon: string; members: string[] };
}

export interface Call {
  body: string;
  headers: Record<string, string>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const gql = (query: string, variables: Record<string, unknown>, token?: string): Call => ({
  body: JSON.stringify({ query, variables }),
  headers: token ? { ...JSON_HEADERS, authorization: `Bearer ${token}` } : JSON_HEADERS,
});
const raw = (op: QueryName, vars: Record<string, unknown>): Call => ({ body: JSON.stringify({ op, vars }), headers: JSON_HEADERS });

const LANTERN_Q1 = `query Q1($f: ID!, $s: ReportStatus!) {
  reports(filter: { forceAreaId: $f, status: $s }, page: 1, perPage: 50) {
    nodes { id reference receivedAt incidentTypes status identifiers { kind value } case { assignee { name } } }
  }
}`;
const LANTERN_Q2 = LANTERN_Q1.replace('query Q1', 'query Q2').replace(/\n  }\n}$/, '\n    totalCount\n  }\n}');
const LANTERN_Q3 = `query Q3 {
  reports(page: 1, perPage: 50) {
    nodes { id reference receivedAt incidentDate incidentTypes policeSummary identifiers { kind value } consent { police } }
  }
}`;
const LANTERN_Q4 = `query Q4($fy: String!) {
  impactStatistics(financialYear: $fy) {
    reports violentOrSexualReports
    reportsByIncidentType { incidentType count }
    reportsByYear { financialYear reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent }
  }
}`;
const LANTERN_Q5 = `query Q5($id: ID!) {
  report(id: $id) {
    id reference receivedAt incidentDate incidentTypes status narrative policeSummary forceArea { name }
    identifiers { kind value } consent { police } case { status assignee { name } }
  }
}`;
const LANTERN_Q6 = `query Q6($v: String!) { checkIdentifier(kind: PHONE, value: $v) { value alerts { id title publishedAt } } }`;

const PGL_Q1 = `query Q1($f: UUID!, $s: ReportStatus!) {
  allReports(condition: { forceAreaId: $f, status: $s }, orderBy: [RECEIVED_AT_DESC, ID_DESC], first: 50) {
    nodes { id reference receivedAt incidentTypes status
      reportIdentifiersByReportId { nodes { kind value } }
      caseFileByReportId { appUserByAssigneeId { name } } }
  }
}`;
const PGL_Q2 = PGL_Q1.replace('query Q1', 'query Q2').replace(/\n  }\n}$/, '\n    totalCount\n  }\n}');
const PGL_Q3 = `query Q3($f: UUID!) {
  policeReports(officerForce: $f, first: 50) {
    nodes { id reference receivedAt incidentDate incidentTypes policeSummary consentPolice identifiers { nodes { kind value } } }
  }
}`;
const PGL_Q4 = `query Q4($from: Date!, $to: Date!) {
  reportTotals(fyStart: $from, fyEnd: $to) { reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent }
  reportCountsByIncidentType(fyStart: $from, fyEnd: $to) { nodes { incidentType count } }
}`;
const PGL_Q5 = `query Q5($id: UUID!) {
  reportById(id: $id) {
    id reference receivedAt incidentDate incidentTypes status narrative policeSummary forceByForceAreaId { name }
    reportIdentifiersByReportId { nodes { kind value } } consentByConsentId { police }
    caseFileByReportId { status appUserByAssigneeId { name } }
  }
}`;
const PGL_Q6 = `query Q6($v: String!) { checkIdentifier(kind: "PHONE", value: $v) { nodes { id title publishedAt } } }`;

/** The request for query `q` to `server`; `i` rotates ids, values and member tokens. */
export function buildCall(q: QueryName, server: ServerName, ctx: QueryContext, i = 0): Call {
  const id = ctx.reportIds[i % ctx.reportIds.length];
  const value = ctx.checkValues[i % ctx.checkValues.length];
  const member = ctx.tokens.members[i % ctx.tokens.members.length];
  const [from, to] = ctx.financialYearBounds;
  switch (server) {
    case 'lantern':
      switch (q) {
        case 'Q1': return gql(LANTERN_Q1, { f: ctx.avon, s: ctx.status }, ctx.tokens.caseWorker);
        case 'Q2': return gql(LANTERN_Q2, { f: ctx.avon, s: ctx.status }, ctx.tokens.caseWorker);
        case 'Q3': return gql(LANTERN_Q3, {}, ctx.tokens.policeAvon);
        case 'Q4': return gql(LANTERN_Q4, { fy: ctx.financialYear }, ctx.tokens.manager);
        case 'Q5': return gql(LANTERN_Q5, { id }, ctx.tokens.caseWorker);
        case 'Q6': return gql(LANTERN_Q6, { v: value }, member);
      }
      break;
    case 'postgraphile':
      switch (q) {
        case 'Q1': return gql(PGL_Q1, { f: ctx.avon, s: ctx.status });
        case 'Q2': return gql(PGL_Q2, { f: ctx.avon, s: ctx.status });
        case 'Q3': return gql(PGL_Q3, { f: ctx.avon });
        case 'Q4': return gql(PGL_Q4, { from, to });
        case 'Q5': return gql(PGL_Q5, { id });
        case 'Q6': return gql(PGL_Q6, { v: value });
      }
      break;
    case 'raw':
      switch (q) {
        case 'Q1': case 'Q2': return raw(q, { forceAreaId: ctx.avon, status: ctx.status });
        case 'Q3': return raw(q, { forceId: ctx.avon });
        case 'Q4': return raw(q, { from, to });
        case 'Q5': return raw(q, { id });
        case 'Q6': return raw(q, { kind: 'PHONE', value });
      }
  }
  throw new Error(`no call for ${q} on ${server}`);
}

/**
 * The least a signed-in request costs on Lantern, measured next to Q6 (not one of the issue's
 * queries): `{ me { id } }` by the same rotated members, which reads the caller and nothing else
 * (no rate limit, no record). Q6's p99 target is judged against it in RESULTS.md.
 */
const LANTERN_FLOOR = `query Floor { me { id } }`;
export function floorCall(ctx: QueryContext, i = 0): Call {
  return gql(LANTERN_FLOOR, {}, ctx.tokens.members[i % ctx.tokens.members.length]);
}

/** Queries whose request changes from one call to the next (ids, values, tokens). */
export const ROTATED: ReadonlySet<QueryName> = new Set(['Q5', 'Q6']);

// ---------------------------------------------------------------------------------------------
// Normalising answers to one shape

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (v: Json) => (v == null ? null : new Date(v).toISOString());
const idents = (list: Json[] | undefined | null) =>
  (list ?? []).map((i: Json) => ({ kind: i.kind, value: i.value })).sort((a, b) => `${a.kind}|${a.value}`.localeCompare(`${b.kind}|${b.value}`));

function listRow(r: Json, server: ServerName) {
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: iso(r.receivedAt),
    incidentTypes: r.incidentTypes,
    status: r.status,
    identifiers: idents(server === 'postgraphile' ? r.reportIdentifiersByReportId.nodes : r.identifiers),
    assigneeName:
      server === 'lantern' ? (r.case?.assignee?.name ?? null)
      : server === 'postgraphile' ? (r.caseFileByReportId?.appUserByAssigneeId?.name ?? null)
      : (r.assigneeName ?? null),
  };
}

function policeRow(r: Json, server: ServerName) {
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: iso(r.receivedAt),
    incidentDate: r.incidentDate,
    incidentTypes: r.incidentTypes,
    policeSummary: r.policeSummary ?? null,
    identifiers: idents(server === 'postgraphile' ? r.identifiers.nodes : r.identifiers),
    consentPolice: server === 'lantern' ? r.consent.police : r.consentPolice,
  };
}

/** The data of an answer in one shape; throws when the answer carries errors. */
export function normalise(q: QueryName, server: ServerName, text: string): unknown {
  const body = JSON.parse(text) as Json;
  if (body.errors) throw new Error(`${server} ${q} answered errors: ${JSON.stringify(body.errors).slice(0, 600)}`);
  const d = body.data;
  switch (q) {
    case 'Q1':
    case 'Q2': {
      const list = server === 'postgraphile' ? d.allReports : server === 'lantern' ? d.reports : d;
      const nodes = list.nodes.map((r: Json) => listRow(r, server));
      return q === 'Q2' ? { totalCount: Number(list.totalCount), nodes } : { nodes };
    }
    case 'Q3': {
      const list = server === 'postgraphile' ? d.policeReports : server === 'lantern' ? d.reports : d;
      return list.nodes.map((r: Json) => policeRow(r, server));
    }
    case 'Q4': {
      if (server === 'lantern') {
        const s = d.impactStatistics;
        const y = s.reportsByYear[0] ?? { reports: 0, violentOrSexual: 0, fullPoliceConsent: 0, anonymousIntelligenceConsent: 0 };
        return {
          reports: s.reports,
          violentOrSexual: s.violentOrSexualReports,
          fullPoliceConsent: y.fullPoliceConsent,
          anonymousIntelligenceConsent: y.anonymousIntelligenceConsent,
          byIncidentType: s.reportsByIncidentType.map((t: Json) => ({ incidentType: t.incidentType, count: t.count })),
        };
      }
      if (server === 'postgraphile') {
        const t = d.reportTotals;
        return {
          reports: t.reports,
          violentOrSexual: t.violentOrSexual,
          fullPoliceConsent: t.fullPoliceConsent,
          anonymousIntelligenceConsent: t.anonymousIntelligenceConsent,
          byIncidentType: d.reportCountsByIncidentType.nodes.map((x: Json) => ({ incidentType: x.incidentType, count: x.count })),
        };
      }
      return d;
    }
    case 'Q5': {
      const r = server === 'raw' ? d : d[server === 'lantern' ? 'report' : 'reportById'];
      if (!r) return null;
      const pg = server === 'postgraphile';
      const kase = server === 'lantern' ? r.case : pg ? r.caseFileByReportId : r.case;
      return {
        id: r.id,
        reference: r.reference,
        receivedAt: iso(r.receivedAt),
        incidentDate: r.incidentDate,
        incidentTypes: r.incidentTypes,
        status: r.status,
        narrative: r.narrative,
        policeSummary: r.policeSummary ?? null,
        forceArea: server === 'raw' ? r.forceArea : pg ? r.forceByForceAreaId.name : r.forceArea.name,
        identifiers: idents(pg ? r.reportIdentifiersByReportId.nodes : r.identifiers),
        consentPolice: server === 'raw' ? r.consentPolice : pg ? r.consentByConsentId.police : r.consent.police,
        case: kase
          ? {
              status: kase.status,
              assigneeName: (server === 'lantern' ? kase.assignee?.name : pg ? kase.appUserByAssigneeId?.name : kase.assigneeName) ?? null,
            }
          : null,
      };
    }
    case 'Q6': {
      const alerts: Json[] = server === 'lantern' ? d.checkIdentifier.alerts : server === 'postgraphile' ? d.checkIdentifier.nodes : d.alerts;
      return {
        alerts: alerts.map((a) => ({ id: a.id, title: a.title, publishedAt: iso(a.publishedAt) })).sort((a, b) => a.id.localeCompare(b.id)),
      };
    }
  }
}

/** How many rows an answer has (so that "equal" cannot mean "equally empty"). */
export function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.nodes)) return v.nodes.length;
    if (Array.isArray(v.alerts)) return v.alerts.length;
    if (Array.isArray(v.byIncidentType)) return v.byIncidentType.length;
    return 1;
  }
  return 0;
}
