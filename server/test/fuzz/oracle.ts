/**
 * What every response must satisfy, whatever was asked and by whom:
 *  1. never HTTP 5xx; always a well-formed GraphQL response (data and/or errors);
 *  2. every error has a known code and nothing internal: no stack, SQL, file path, class name,
 *     internal message or schema hint, and only the public extension keys;
 *  3. no object the access policy keeps from the viewer: a model of DESIGN.md's policy table
 *     (written from the table, not from the server's code), checked record by record against
 *     what the database says now, plus canary text planted in the world.
 */
import type { Client } from 'pg';
import type { Operation, Sel, ViewerKey } from './generate';
import { CANARY } from './world';

export interface HttpResult {
  status: number;
  contentType: string;
  text: string;
  body?: unknown;
}

export interface Problem {
  kind: string;
  detail: string;
}

/** The codes of server/src/common/errors.ts that reach clients. */
export const LANTERN_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'TWO_FACTOR_REQUIRED', 'TWO_FACTOR_ENROLMENT_REQUIRED', 'SERVICE_UNAVAILABLE'] as const;
/** Apollo Server's own codes (formatError turns the request ones into BAD_USER_INPUT; accepted if one slips through). */
export const APOLLO_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'] as const;
const KNOWN_CODES = new Set<string>([...LANTERN_CODES, ...APOLLO_CODES]);
/** The only extension keys a client may see (format-error.ts). */
const EXTENSION_KEYS = new Set(['code', 'field', 'fields', 'retryAfterSeconds']);

const LEAKS: [string, RegExp][] = [
  ['stack trace', /\n\s+at\s|\bat\s+[\w.<>]+\s+\(|\.(?:ts|js|mjs|cjs):\d+|stacktrace/i],
  // PostgreSQL's "syntax error at or near"; GraphQL's own "Syntax Error: Expected Name" is the caller's mistake, told as such.
  ['SQL', /select |insert |update |delete |syntax error at|relation "|column "|duplicate key|violates/i],
  ['file path', /(?:^|[\s"'(])\/(?:work|home|root|tmp|usr|var|opt|app|srv|src|dist|node_modules)\/|[A-Za-z]:\\/],
  ['class name', /MikroORM|Knex|TypeError|ReferenceError|RangeError|\bSyntaxError\b|DriverException|ConstraintViolation|QueryFailed|EntityManager|PostgreSql|node:internal|\bpg_\w+/],
  ['internal message', /Cannot read propert|is not a function|\w is not defined|is not iterable|Unexpected token|ECONN|ETIMEDOUT|timeout exceeded|canceling statement|invalid input syntax|invalid byte sequence|out of range for type/i],
  ['schema hint', /did you mean/i],
];

/** 1. Transport: status and shape. */
export function checkShape(res: HttpResult): Problem[] {
  const out: Problem[] = [];
  if (res.status >= 500) out.push({ kind: 'HTTP 5xx', detail: `status ${res.status}` });
  const body = res.body as { data?: unknown; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    out.push({ kind: 'not a GraphQL response', detail: `status ${res.status}, ${res.contentType}: ${res.text.slice(0, 200)}` });
    return out;
  }
  const keys = Object.keys(body);
  if (!('data' in body) && !('errors' in body)) out.push({ kind: 'not a GraphQL response', detail: `neither data nor errors: ${keys.join(', ')}` });
  for (const k of keys) if (!['data', 'errors', 'extensions'].includes(k)) out.push({ kind: 'not a GraphQL response', detail: `unexpected top-level key ${k}` });
  if ('data' in body && body.data !== null && (typeof body.data !== 'object' || Array.isArray(body.data))) out.push({ kind: 'not a GraphQL response', detail: 'data is not an object' });
  if ('errors' in body) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) out.push({ kind: 'not a GraphQL response', detail: 'errors is not a non-empty list' });
  } else if (body.data === null || body.data === undefined) {
    out.push({ kind: 'not a GraphQL response', detail: 'no data and no errors' });
  }
  if ('extensions' in (body as object)) out.push({ kind: 'leak', detail: `response extensions: ${JSON.stringify((body as { extensions: unknown }).extensions).slice(0, 200)}` });
  return out;
}

/** 2. Errors: known codes, public keys only, nothing internal (echoes of what we sent excepted). */
export function checkErrors(res: HttpResult, op: Operation): Problem[] {
  const out: Problem[] = [];
  const errors = (res.body as { errors?: unknown[] } | undefined)?.errors;
  if (!Array.isArray(errors)) return out;
  const echoes = echoForms(op.sent);
  for (const e of errors as { message?: unknown; extensions?: Record<string, unknown>; path?: unknown; locations?: unknown }[]) {
    if (typeof e !== 'object' || e === null || typeof e.message !== 'string') {
      out.push({ kind: 'malformed error', detail: JSON.stringify(e).slice(0, 300) });
      continue;
    }
    const code = e.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR') out.push({ kind: 'internal error', detail: `${e.message} at ${JSON.stringify(e.path)}` });
    else if (typeof code !== 'string' || !KNOWN_CODES.has(code)) out.push({ kind: 'unknown error code', detail: `${JSON.stringify(code)}: ${e.message.slice(0, 200)}` });
    for (const k of Object.keys(e.extensions ?? {})) if (!EXTENSION_KEYS.has(k)) out.push({ kind: 'leak', detail: `extension key "${k}": ${JSON.stringify(e.extensions![k]).slice(0, 300)}` });
    for (const k of Object.keys(e)) if (!['message', 'extensions', 'path', 'locations'].includes(k)) out.push({ kind: 'leak', detail: `error key "${k}"` });
    const said = withoutEchoes(`${e.message}\n${JSON.stringify({ ...e.extensions, code: undefined })}`, echoes);
    for (const [what, re] of LEAKS) {
      const m = re.exec(said);
      if (m) out.push({ kind: `leak: ${what}`, detail: `${JSON.stringify(m[0])} in ${JSON.stringify(e.message.slice(0, 300))}` });
    }
  }
  return out;
}

/** The forms in which an error message may quote what was sent (as is, JSON-escaped, GraphQL-escaped). */
function echoForms(sent: string[]): string[] {
  const forms = new Set<string>();
  for (const s of sent) {
    if (s.length < 2) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).replace(/"/g, '\\"'));
  }
  return [...forms].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length);
}

function withoutEchoes(text: string, echoes: string[]): string {
  let out = text;
  for (const e of echoes) if (out.includes(e)) out = out.split(e).join('\u2063');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The policy model
// ---------------------------------------------------------------------------------------------

type RoleKey = 'CASE_WORKER' | 'MANAGER' | 'ADMIN' | 'POLICE' | 'MEMBER' | 'ANONYMOUS';
/** all: every record of the type; none: never; record: only some records (checked against the database). */
type Access = 'all' | 'none' | 'record';

/**
 * DESIGN.md's access policy table, per GraphQL type (CASE_WORKER, MANAGER, ADMIN, POLICE, MEMBER,
 * ANONYMOUS). Types reached only through a parent (Consent, Identifier...) follow the parent's
 * record and the field rules below. A type missing here fails the test: add its row.
 */
const T = (cw: Access, mgr: Access, admin: Access, police: Access, member: Access, anon: Access): Record<RoleKey, Access> => ({ CASE_WORKER: cw, MANAGER: mgr, ADMIN: admin, POLICE: police, MEMBER: member, ANONYMOUS: anon });
const TYPE_RULES: Record<string, Record<RoleKey, Access>> = {
  // Report core: staff who work with reports; police by consent and force; a member their own. Never admins.
  Report: T('all', 'all', 'none', 'record', 'record', 'none'),
  ReportList: T('all', 'all', 'none', 'record', 'record', 'none'),
  Consent: T('all', 'all', 'none', 'all', 'all', 'none'),
  Identifier: T('all', 'all', 'none', 'all', 'all', 'none'),
  // Consent history and police reads: staff and the member (field rules keep them from police).
  ConsentEvent: T('all', 'all', 'none', 'none', 'all', 'none'),
  PoliceRead: T('all', 'all', 'none', 'none', 'all', 'none'),
  // Who reported, and their contact details: case workers and the member themself.
  Member: T('all', 'none', 'none', 'none', 'record', 'none'),
  MemberList: T('all', 'none', 'none', 'none', 'none', 'none'),
  // Case work: case workers and managers only.
  Case: T('all', 'all', 'none', 'none', 'none', 'none'),
  CaseList: T('all', 'all', 'none', 'none', 'none', 'none'),
  CaseNote: T('all', 'all', 'none', 'none', 'none', 'none'),
  SupportAction: T('all', 'all', 'none', 'none', 'none', 'none'),
  PoliceContact: T('all', 'all', 'none', 'none', 'none', 'none'),
  // Access log: staff read it.
  AccessEvent: T('all', 'all', 'all', 'none', 'none', 'none'),
  AccessEventList: T('all', 'all', 'all', 'none', 'none', 'none'),
  // Police requests: report staff; officers their own force's.
  PoliceRequest: T('all', 'all', 'none', 'record', 'none', 'none'),
  PoliceRequestList: T('all', 'all', 'none', 'record', 'none', 'none'),
  // Alerts: report staff all; admins and police published (police also their force's requests); members their areas.
  Alert: T('all', 'all', 'record', 'record', 'record', 'none'),
  AlertList: T('all', 'all', 'record', 'record', 'record', 'none'),
  AlertIdentifier: T('all', 'all', 'all', 'all', 'all', 'none'),
  AlertFinding: T('all', 'all', 'none', 'none', 'none', 'none'),
  FindingOverride: T('all', 'all', 'none', 'none', 'none', 'none'),
  DeliveryCounts: T('all', 'all', 'none', 'none', 'none', 'none'),
  IdentifierCheckResult: T('none', 'none', 'none', 'none', 'all', 'none'),
  // Funding and training: staff read all; police their own force's; members never.
  Funder: T('all', 'all', 'all', 'record', 'none', 'none'),
  FunderList: T('all', 'all', 'all', 'record', 'none', 'none'),
  FundingRecord: T('all', 'all', 'all', 'record', 'none', 'none'),
  FundingRecordList: T('all', 'all', 'all', 'record', 'none', 'none'),
  FundingTotals: T('all', 'all', 'all', 'record', 'none', 'none'),
  FundingYearTotal: T('all', 'all', 'all', 'all', 'none', 'none'),
  FunderTotal: T('all', 'all', 'all', 'all', 'none', 'none'),
  FundingYearFunderTotal: T('all', 'all', 'all', 'all', 'none', 'none'),
  FundingPurposeTotal: T('all', 'all', 'all', 'all', 'none', 'none'),
  TrainingSession: T('all', 'all', 'all', 'record', 'none', 'none'),
  TrainingSessionList: T('all', 'all', 'all', 'record', 'none', 'none'),
  TrainingInvitation: T('all', 'all', 'all', 'record', 'none', 'none'),
  TrainingInvitationList: T('all', 'all', 'all', 'record', 'none', 'none'),
  TrainingFeedback: T('all', 'all', 'all', 'all', 'none', 'none'),
  ThemeCount: T('all', 'all', 'all', 'all', 'none', 'none'),
  Trainer: T('all', 'all', 'all', 'all', 'none', 'none'),
  // The managers' dashboard: staff only.
  ImpactStatistics: T('all', 'all', 'all', 'none', 'none', 'none'),
  IncidentTypeCount: T('all', 'all', 'all', 'none', 'none', 'none'),
  ReportYear: T('all', 'all', 'all', 'none', 'none', 'none'),
  AlertYear: T('all', 'all', 'all', 'none', 'none', 'none'),
  TrainingYear: T('all', 'all', 'all', 'none', 'none', 'none'),
  InvitationPipeline: T('all', 'all', 'all', 'none', 'none', 'none'),
  CostEstimate: T('all', 'all', 'all', 'none', 'none', 'none'),
  // Users: staff read every account; everyone else themselves (or the account that just signed in).
  User: T('all', 'all', 'all', 'record', 'record', 'record'),
  UserList: T('all', 'all', 'all', 'none', 'none', 'none'),
  // Forces: reference data for anyone signed in (or signing in).
  Force: T('all', 'all', 'all', 'all', 'all', 'record'),
  ForceList: T('all', 'all', 'all', 'all', 'all', 'none'),
  LoginPayload: T('all', 'all', 'all', 'all', 'all', 'all'),
  // Two-factor sign-in: only ever the caller's own (User.twoFactor is checked per field below).
  TwoFactorEnrolment: T('all', 'all', 'all', 'all', 'all', 'none'),
  TwoFactorConfirmation: T('all', 'all', 'all', 'all', 'all', 'none'),
  TwoFactorStatus: T('all', 'all', 'all', 'all', 'all', 'none'),
  // Retention: the audit trail for admins and managers; legal holds and erasure requests for staff; runs for admins.
  AuditEvent: T('none', 'all', 'all', 'none', 'none', 'none'),
  AuditEventList: T('none', 'all', 'all', 'none', 'none', 'none'),
  LegalHold: T('all', 'all', 'all', 'none', 'none', 'none'),
  LegalHoldList: T('all', 'all', 'all', 'none', 'none', 'none'),
  ErasureRequest: T('all', 'all', 'all', 'none', 'none', 'none'),
  ErasureRequestList: T('all', 'all', 'all', 'none', 'none', 'none'),
  RetentionRun: T('none', 'none', 'all', 'none', 'none', 'none'),
  RetentionOutcome: T('none', 'none', 'all', 'none', 'none', 'none'),
};

/** Report fields a police partner may receive (DESIGN.md: the core and the police summary; the current consent level). */
const POLICE_REPORT_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes', 'identifiers', 'policeSummary', 'consent', 'policeContactRoute', '__typename']);
/** Report fields only staff who work with reports receive (not even the member who made it). */
const STAFF_ONLY_REPORT_FIELDS = new Set(['case', 'linkedReports', 'sharedWith']);
/** The work behind an alert: case workers and managers only. */
const STAFF_ONLY_ALERT_FIELDS = new Set(['authorName', 'approverName', 'approvedAt', 'sourceReports', 'findings', 'overrides', 'canApprove', 'deliveries', 'corrects', 'archivedAt']);

/** Who may run each mutation (DESIGN.md): a mutation that returns data to anyone else is a breach. */
const MUTATION_ROLES: Record<string, readonly RoleKey[] | 'anyone' | 'signed-in'> = {
  login: 'anyone',
  registerMember: 'anyone',
  signOutEverywhere: 'signed-in',
  createUser: ['ADMIN'],
  updateUser: ['ADMIN'],
  deactivateUser: ['ADMIN'],
  resetPassword: ['ADMIN'],
  updateMyMember: ['MEMBER'],
  submitReport: ['MEMBER'],
  setReportConsent: ['CASE_WORKER', 'MEMBER'],
  createReport: ['CASE_WORKER'],
  updateReport: ['CASE_WORKER'],
  openCase: ['CASE_WORKER'],
  assignCase: ['CASE_WORKER'],
  changeCaseStatus: ['CASE_WORKER'],
  addCaseNote: ['CASE_WORKER'],
  addSupportAction: ['CASE_WORKER'],
  updateSupportAction: ['CASE_WORKER'],
  addPoliceContact: ['CASE_WORKER'],
  shareReportWithForce: ['CASE_WORKER'],
  unshareReportWithForce: ['CASE_WORKER'],
  markPoliceRequestWithMember: ['CASE_WORKER'],
  answerPoliceRequest: ['CASE_WORKER'],
  declinePoliceRequest: ['CASE_WORKER'],
  createPoliceRequest: ['POLICE'],
  createAlert: ['CASE_WORKER', 'MANAGER'],
  updateAlert: ['CASE_WORKER', 'MANAGER'],
  submitAlertForReview: ['CASE_WORKER', 'MANAGER'],
  publishAlert: ['CASE_WORKER', 'MANAGER'],
  withdrawAlert: ['CASE_WORKER', 'MANAGER'],
  createAlertCorrection: ['CASE_WORKER', 'MANAGER'],
  approveAlert: ['MANAGER'],
  returnAlertToDraft: ['MANAGER'],
  createFunder: ['MANAGER'],
  updateFunder: ['MANAGER'],
  createFundingRecord: ['MANAGER'],
  updateFundingRecord: ['MANAGER'],
  deleteFundingRecord: ['MANAGER'],
  createTrainingSession: ['MANAGER'],
  updateTrainingSession: ['MANAGER'],
  deleteTrainingSession: ['MANAGER'],
  recordTrainingFeedback: ['MANAGER'],
  createTrainingInvitation: ['MANAGER'],
  moveTrainingInvitation: ['MANAGER'],
  startTwoFactorEnrolment: 'signed-in',
  confirmTwoFactorEnrolment: 'signed-in',
  regenerateRecoveryCodes: 'signed-in',
  disableTwoFactor: 'signed-in',
  resetTwoFactor: ['ADMIN'],
  placeLegalHold: ['CASE_WORKER', 'MANAGER', 'ADMIN'],
  releaseLegalHold: ['MANAGER', 'ADMIN'],
  runRetention: ['ADMIN'],
  requestErasure: ['MEMBER'],
  eraseMember: ['CASE_WORKER'],
};

export interface ViewerFacts {
  key: ViewerKey;
  role: RoleKey;
  userId?: string;
  forceId?: string | null;
  memberId?: string | null;
}

/** The viewer as the database says now (the server reads it afresh on every request, so do we). */
export async function viewerFacts(db: Client, key: ViewerKey, userId: string | undefined): Promise<ViewerFacts> {
  if (!userId) return { key, role: 'ANONYMOUS' };
  const row = (await db.query(`select u.role::text as role, u.force_id, m.id as member_id from app_user u left join member m on m.user_id = u.id where u.id = $1`, [userId])).rows[0];
  const role = row.role === 'POLICE_PARTNER' ? 'POLICE' : (row.role as RoleKey);
  return { key, role, userId, forceId: row.force_id, memberId: row.member_id };
}

interface Found {
  type: string;
  id?: string;
  obj: Record<string, unknown>;
  sels: Sel[];
  path: string;
  root: Sel;
  /** The report this object hangs under (Consent, Identifier, ConsentEvent, PoliceRead). */
  reportId?: string;
}

/** Every object in `data`, with its type (from the plan), id and path. */
export function collect(roots: Sel[], data: Record<string, unknown>): Found[] {
  const out: Found[] = [];
  const visit = (type: string, obj: Record<string, unknown>, sels: Sel[], path: string, root: Sel, reportId?: string) => {
    const idSel = sels.find((s) => s.field === 'id' && !s.mangled);
    const id = idSel && typeof obj[idSel.key] === 'string' ? (obj[idSel.key] as string) : undefined;
    out.push({ type, id, obj, sels, path, root, reportId });
    const nextReport = type === 'Report' ? id : reportId;
    for (const s of sels) {
      if (!s.children.length || s.mangled) continue;
      const v = obj[s.key];
      for (const [i, o] of flatten(v)) visit(s.typeName, o, s.children, `${path}.${s.key}${i}`, root, nextReport);
    }
  };
  for (const root of roots) {
    if (root.mangled || !root.children.length) continue;
    for (const [i, o] of flatten(data[root.key])) visit(root.typeName, o, root.children, `${root.key}${i}`, root);
  }
  return out;
}

function flatten(v: unknown, prefix = ''): [string, Record<string, unknown>][] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => flatten(x, `${prefix}[${i}]`));
  if (typeof v === 'object') return [[prefix, v as Record<string, unknown>]];
  return [];
}

const present = (obj: Record<string, unknown>, s: Sel) => obj[s.key] !== null && obj[s.key] !== undefined;

function argOf(sel: Sel, name: string): unknown {
  return sel.args.find((a) => a.name === name && a.via !== 'undeclared-var')?.value;
}

const normaliseEmail = (e: unknown) => (typeof e === 'string' ? e.trim().toLowerCase() : undefined);

/** 3. The policy: every object and field in `data` is one this viewer may receive now. */
export async function checkPolicy(db: Client, viewer: ViewerFacts, op: Operation, res: HttpResult, stats?: (f: Found) => void): Promise<Problem[]> {
  const out: Problem[] = [];
  const data = (res.body as { data?: Record<string, unknown> | null } | undefined)?.data;
  if (!data) return out;
  if (op.viewer === 'BAD_TOKEN') out.push({ kind: 'policy', detail: 'a request with a bad token got data' });
  if (op.transport.kind === 'raw') return out;
  const role = viewer.role;

  // Root fields: anonymous callers get nothing but signing in; mutations run only for their roles.
  for (const root of op.roots) {
    if (root.mangled || data[root.key] === null || data[root.key] === undefined || root.field === '__typename') continue;
    if (role === 'ANONYMOUS' && !['login', 'registerMember'].includes(root.field)) out.push({ kind: 'policy', detail: `anonymous got ${root.key} (${root.field})` });
    if (op.kind === 'mutation') {
      const who = MUTATION_ROLES[root.field];
      if (!who) out.push({ kind: 'oracle', detail: `no rule for Mutation.${root.field}: add it to MUTATION_ROLES in test/fuzz/oracle.ts` });
      else if (who === 'signed-in' ? role === 'ANONYMOUS' : who !== 'anyone' && !who.includes(role)) out.push({ kind: 'policy', detail: `${role} ran ${root.field}` });
    }
  }

  const found = collect(op.roots, data);
  const needs: Record<string, Set<string>> = {};
  const need = (type: string, id: string) => (needs[type] ??= new Set()).add(id);

  for (const f of found) {
    stats?.(f);
    const rule = TYPE_RULES[f.type];
    if (!rule) {
      out.push({ kind: 'oracle', detail: `no rule for type ${f.type}: add its row to TYPE_RULES in test/fuzz/oracle.ts` });
      continue;
    }
    const access = rule[role];
    // An object whose every selected field was refused carries no data (e.g. an admin's
    // AccessEvent.report when only denied fields were asked for): nothing was received.
    if (!f.sels.some((x) => x.field !== '__typename' && present(f.obj, x))) continue;
    if (access === 'none') {
      out.push({ kind: 'policy', detail: `${role} received a ${f.type} at ${f.path}${f.id ? ` (${f.id})` : ''}` });
      continue;
    }
    fieldRules(viewer, f, out);
    if (access === 'record' && f.id) need(f.type, f.id);
    if (f.type === 'Report' && f.id) need('Report', f.id); // for policeContactRoute with FULL consent
  }

  const facts = await loadFacts(db, viewer, needs);
  for (const f of found) {
    const access = TYPE_RULES[f.type]?.[role];
    if (access === 'record' && f.sels.some((x) => x.field !== '__typename' && present(f.obj, x))) recordRule(viewer, f, facts, out);
    if (role === 'POLICE' && f.type === 'Report' && f.id) {
      const r = facts.reports.get(f.id);
      const route = f.sels.filter((s) => s.field === 'policeContactRoute' && present(f.obj, s));
      if (route.length && r?.police !== 'FULL') out.push({ kind: 'policy', detail: `police got policeContactRoute of ${f.id} without FULL consent` });
    }
  }
  await countRules(db, viewer, op, data, out);
  return resolvePendingUsers(db, out);
}

const signingIn = (f: Found) => f.root.field === 'login' || f.root.field === 'registerMember';

/** Fields a viewer may not read on a record they may see. */
function fieldRules(v: ViewerFacts, f: Found, out: Problem[]): void {
  const got = f.sels.filter((s) => !s.mangled && present(f.obj, s)).map((s) => s.field);
  const forbid = (fields: Iterable<string>, why: string) => {
    for (const name of fields) if (got.includes(name)) out.push({ kind: 'policy', detail: `${v.role} got ${f.type}.${name} at ${f.path} (${why})` });
  };
  if (f.type === 'Report') {
    if (v.role === 'POLICE') forbid(got.filter((n) => !POLICE_REPORT_FIELDS.has(n)), 'police read only the core and the police summary');
    if (v.role === 'MEMBER') forbid(STAFF_ONLY_REPORT_FIELDS, 'staff only');
    if (v.role === 'MANAGER') forbid(['member'], 'managers do not read who reported');
  }
  if (f.type === 'Consent' && v.role === 'POLICE') forbid(got.filter((n) => n !== 'police' && n !== '__typename'), 'police see only the current level');
  if (f.type === 'Consent' && !['CASE_WORKER', 'MANAGER'].includes(v.role)) forbid(['recordedByName'], 'staff names');
  if (f.type === 'ConsentEvent' && !['CASE_WORKER', 'MANAGER'].includes(v.role)) forbid(['actorName'], 'staff names');
  if (f.type === 'Alert' && !['CASE_WORKER', 'MANAGER'].includes(v.role)) forbid(STAFF_ONLY_ALERT_FIELDS, 'the work behind an alert');
  if (f.type === 'Trainer' && !['CASE_WORKER', 'MANAGER', 'ADMIN'].includes(v.role)) forbid(['name'], "trainers' names stay with the charity");
  // (A member's own record without its id cannot be told apart here; the record rule and the contact canaries cover it.)
  if (f.type === 'Member' && v.role !== 'CASE_WORKER' && !(v.role === 'MEMBER' && (!f.id || f.id === v.memberId))) forbid(['contactPhone', 'contactEmail'], 'contact details');
  if (f.type === 'Member' && v.role !== 'CASE_WORKER') forbid(['legalHold'], 'staff only');
  if (f.type === 'Report' && !['CASE_WORKER', 'MANAGER'].includes(v.role)) forbid(['legalHold', 'anonymisedAt'], 'staff only');
  // Two-factor status: the account holder alone (not even admins); whether it is on: admins and the holder.
  if (f.type === 'User' && f.id && f.id !== v.userId && !signingIn(f)) forbid(['twoFactor'], 'the account holder alone');
  if (f.type === 'User' && f.id && f.id !== v.userId && !signingIn(f) && v.role !== 'ADMIN') forbid(['twoFactorEnabled'], 'admins and the holder');
}

interface Facts {
  reports: Map<string, { memberId: string | null; forceAreaId: string; police: string; shared: string[] }>;
  alerts: Map<string, { status: string; live: boolean; onBehalfOf: string | null; targets: string[] }>;
  memberAreas: string[];
  forceOf: Map<string, string | null>;
  sessionForces: Map<string, string[]>;
  users: Map<string, string>;
}

async function loadFacts(db: Client, v: ViewerFacts, needs: Record<string, Set<string>>): Promise<Facts> {
  const ids = (t: string) => [...(needs[t] ?? [])];
  const facts: Facts = { reports: new Map(), alerts: new Map(), memberAreas: [], forceOf: new Map(), sessionForces: new Map(), users: new Map() };
  if (ids('Report').length) {
    const rows = (await db.query(`select r.id, r.member_id, r.force_area_id, c.police::text as police, array(select s.force_id from report_share s where s.report_id = r.id) as shared
      from report r join consent c on c.id = r.consent_id where r.id = any($1::uuid[])`, [ids('Report')])).rows;
    for (const r of rows) facts.reports.set(r.id, { memberId: r.member_id, forceAreaId: r.force_area_id, police: r.police, shared: r.shared });
  }
  if (ids('Alert').length) {
    const rows = (await db.query(`select a.id, a.status::text as status, (a.expires_at is null or a.expires_at > now()) as live, a.on_behalf_of_id, array(select t.force_id from alert_target_area t where t.alert_id = a.id) as targets
      from alert a where a.id = any($1::uuid[])`, [ids('Alert')])).rows;
    for (const r of rows) facts.alerts.set(r.id, { status: r.status, live: r.live, onBehalfOf: r.on_behalf_of_id, targets: r.targets });
    if (v.memberId) facts.memberAreas = (await db.query(`select force_id from member_alert_area where member_id = $1`, [v.memberId])).rows.map((r) => r.force_id);
  }
  const byForce: [string, string][] = [
    ['PoliceRequest', 'select id, force_id from police_request where id = any($1::uuid[])'],
    ['Funder', 'select id, force_id from funder where id = any($1::uuid[])'],
    ['FundingRecord', 'select f.id, u.force_id from funding_record f join funder u on u.id = f.funder_id where f.id = any($1::uuid[])'],
    ['TrainingInvitation', 'select id, force_id from training_invitation where id = any($1::uuid[])'],
  ];
  for (const [type, sql] of byForce) if (ids(type).length) for (const r of (await db.query(sql, [ids(type)])).rows) facts.forceOf.set(`${type}:${r.id}`, r.force_id);
  if (ids('TrainingSession').length) {
    for (const r of (await db.query('select s.id, array(select f.force_id from training_session_force f where f.training_session_id = s.id) as forces from training_session s where s.id = any($1::uuid[])', [ids('TrainingSession')])).rows) facts.sessionForces.set(r.id, r.forces);
  }
  return facts;
}

/** Record-level rules: is this very record one the viewer may receive? */
function recordRule(v: ViewerFacts, f: Found, facts: Facts, out: Problem[]): void {
  const deny = (why: string): void => {
    out.push({ kind: 'policy', detail: `${v.role} (${v.key}) received ${f.type} ${f.id ?? '(no id)'} at ${f.path}: ${why}` });
  };
  switch (f.type) {
    case 'Report': {
      if (!f.id) return;
      const r = facts.reports.get(f.id);
      if (!r) return deny('no such report in the database');
      if (v.role === 'MEMBER' && r.memberId !== v.memberId) return deny("another member's report");
      if (v.role === 'POLICE') {
        if (!['ANONYMOUS_INTELLIGENCE', 'FULL'].includes(r.police)) return deny(`police consent is ${r.police}`);
        if (r.forceAreaId !== v.forceId && !r.shared.includes(v.forceId!)) return deny('another force’s report, not shared with theirs');
      }
      return;
    }
    case 'Member':
      if (f.id && f.id !== v.memberId) deny('another member');
      return;
    case 'Alert': {
      if (!f.id) return;
      const a = facts.alerts.get(f.id);
      if (!a) return deny('no such alert in the database');
      if (v.role === 'ADMIN' && a.status !== 'PUBLISHED') deny(`an alert ${a.status}`);
      if (v.role === 'POLICE' && a.status !== 'PUBLISHED' && a.onBehalfOf !== v.forceId) deny(`an alert ${a.status}, not asked for by their force`);
      if (v.role === 'MEMBER') {
        if (a.status !== 'PUBLISHED' || !a.live) deny(`an alert ${a.status}${a.live ? '' : ' (expired)'}`);
        // The identifier checker answers about every published alert; the feed only for their areas.
        else if (f.root.field !== 'checkIdentifier' && !a.targets.some((t) => facts.memberAreas.includes(t))) deny('an alert outside their alert areas');
      }
      return;
    }
    case 'PoliceRequest':
    case 'Funder':
    case 'FundingRecord':
    case 'TrainingInvitation': {
      if (!f.id) return;
      const key = `${f.type}:${f.id}`;
      if (!facts.forceOf.has(key)) return deny('no such record in the database');
      if (facts.forceOf.get(key) !== v.forceId) deny('another force’s record');
      return;
    }
    case 'TrainingSession': {
      if (!f.id) return;
      const forces = facts.sessionForces.get(f.id);
      if (!forces) return deny('no such session in the database');
      if (!forces.includes(v.forceId!)) deny('a session their force did not attend');
      return;
    }
    case 'User': {
      if (!f.id) return;
      if (f.id === v.userId) return;
      if (f.root.field === 'login' || f.root.field === 'registerMember') {
        // The account that has just signed in (or been created) in this request, and no other.
        const input = argOf(f.root, 'input') as Record<string, unknown> | undefined;
        const email = normaliseEmail(f.root.field === 'login' ? argOf(f.root, 'email') : input?.email);
        out.push({ kind: 'pending-user', detail: JSON.stringify({ id: f.id, email, path: f.path }) });
        return;
      }
      deny('another account');
      return;
    }
    case 'Force':
      // Anonymous: only the force of the account signing in.
      if (f.root.field !== 'login' && f.root.field !== 'registerMember') deny('a force, while not signed in');
      return;
    case 'ReportList':
    case 'AlertList':
    case 'PoliceRequestList':
    case 'FunderList':
    case 'FundingRecordList':
    case 'FundingTotals':
    case 'TrainingSessionList':
    case 'TrainingInvitationList':
      return; // counted in countRules
    default:
      out.push({ kind: 'oracle', detail: `no record rule for ${f.type}` });
  }
}

/** Resolves the accounts that signed in within the request (checked by e-mail against the database). */
async function resolvePendingUsers(db: Client, problems: Problem[]): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const p of problems) {
    if (p.kind !== 'pending-user') {
      out.push(p);
      continue;
    }
    const { id, email, path } = JSON.parse(p.detail) as { id: string; email?: string; path: string };
    const row = email ? (await db.query('select id from app_user where email = $1', [email])).rows[0] : undefined;
    if (!row || row.id !== id) out.push({ kind: 'policy', detail: `signing in as ${email} returned account ${id} at ${path}` });
  }
  return out;
}

/** Counts: a scoped list never counts more than the viewer may see. */
async function countRules(db: Client, v: ViewerFacts, op: Operation, data: Record<string, unknown>, out: Problem[]): Promise<void> {
  if (!['POLICE', 'MEMBER', 'ADMIN'].includes(v.role)) return;
  for (const root of op.roots) {
    const value = data[root.key] as Record<string, unknown> | null | undefined;
    if (!value || root.mangled) continue;
    const countSel = root.children.find((s) => s.field === 'totalCount' || s.field === 'totalPence');
    if (!countSel || typeof value[countSel.key] !== 'number') continue;
    const got = value[countSel.key] as number;
    const bound = await countBound(db, v, root.field);
    if (bound === undefined) continue;
    if (got > bound) out.push({ kind: 'policy', detail: `${v.role} (${v.key}) got ${root.field}.${countSel.field} = ${got}, more than the ${bound} they may see` });
  }
}

async function countBound(db: Client, v: ViewerFacts, field: string): Promise<number | undefined> {
  const n = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);
  const police = v.role === 'POLICE';
  switch (field) {
    case 'reports':
    case 'myReports':
      if (v.role === 'MEMBER') return n('select count(*) as n from report where member_id = $1', [v.memberId]);
      if (police) return n(`select count(*) as n from report r join consent c on c.id = r.consent_id where c.police in ('ANONYMOUS_INTELLIGENCE', 'FULL') and (r.force_area_id = $1 or exists (select 1 from report_share s where s.report_id = r.id and s.force_id = $1))`, [v.forceId]);
      return 0;
    case 'alerts':
    case 'myAlerts':
      if (v.role === 'ADMIN') return n(`select count(*) as n from alert where status = 'PUBLISHED'`, []);
      if (police) return n(`select count(*) as n from alert where status = 'PUBLISHED' or on_behalf_of_id = $1`, [v.forceId]);
      return n(`select count(*) as n from alert a where a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > now()) and exists (select 1 from alert_target_area t join member_alert_area m on m.force_id = t.force_id where t.alert_id = a.id and m.member_id = $1)`, [v.memberId]);
    case 'policeRequests':
      return police ? n('select count(*) as n from police_request where force_id = $1', [v.forceId]) : undefined;
    case 'funders':
      return police ? n('select count(*) as n from funder where force_id = $1', [v.forceId]) : undefined;
    case 'fundingRecords':
      return police ? n('select count(*) as n from funding_record f join funder u on u.id = f.funder_id where u.force_id = $1', [v.forceId]) : undefined;
    case 'fundingTotals':
      return police ? n('select coalesce(sum(f.amount_pence), 0) as n from funding_record f join funder u on u.id = f.funder_id where u.force_id = $1', [v.forceId]) : undefined;
    case 'trainingSessions':
      return police ? n('select count(*) as n from training_session_force where force_id = $1', [v.forceId]) : undefined;
    case 'trainingInvitations':
      return police ? n('select count(*) as n from training_invitation where force_id = $1', [v.forceId]) : undefined;
    default:
      return undefined;
  }
}

/**
 * Canaries: planted text only some viewers may receive, looked for anywhere in the response (data
 * and errors alike), whatever shape the operation had. A report's canaries follow its owner as the
 * database has it now (a case worker may have moved the report to another member).
 */
export async function checkCanaries(db: Client, v: ViewerFacts, res: HttpResult, canaryReports: ReadonlyMap<number, string>, memberIds: Record<'SKY' | 'RIVER', string>): Promise<Problem[]> {
  const out: Problem[] = [];
  const text = res.text;
  const lower = text.toLowerCase();
  if (!text.includes('CANARY') && !lower.includes('contact.canary') && !Object.values(CANARY.contactPhoneDigits).some((d) => text.includes(d))) return out;
  const staff = v.role === 'CASE_WORKER' || v.role === 'MANAGER';
  const seen = [...new Set(text.match(/(?:NARRATIVE|LOCATION|PERPETRATOR)-CANARY-(?:SKY|RIVER|NOBODY)-\d+/g) ?? [])];
  for (const c of seen) {
    if (staff) continue;
    const reportId = canaryReports.get(Number(c.split('-').pop()));
    const owner = v.role === 'MEMBER' && reportId ? (await db.query('select member_id from report where id = $1', [reportId])).rows[0]?.member_id : undefined;
    if (!owner || owner !== v.memberId) out.push({ kind: 'policy', detail: `${v.role} (${v.key}) received ${c}` });
  }
  for (const c of new Set(text.match(/CASENOTE-CANARY-\d+/g) ?? [])) if (!staff) out.push({ kind: 'policy', detail: `${v.role} (${v.key}) received ${c}` });
  for (const owner of ['SKY', 'RIVER'] as const) {
    const mayRead = v.role === 'CASE_WORKER' || (v.role === 'MEMBER' && v.memberId === memberIds[owner]);
    if (mayRead) continue;
    if (lower.includes(CANARY.contactEmail(owner)) || text.includes(CANARY.contactPhoneDigits[owner])) out.push({ kind: 'policy', detail: `${v.role} (${v.key}) received ${owner}'s contact details` });
  }
  return out;
}
