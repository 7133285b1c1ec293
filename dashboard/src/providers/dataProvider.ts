import { gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyReferenceParams,
  GetManyReferenceResult,
  Identifier,
  RaRecord,
} from 'react-admin';
import type { DocumentNode } from 'graphql';
import { apolloClient } from './apolloClient';
import { buildQuery, MAX_PER_PAGE } from './buildQuery';
import { toHttpError } from './errors';
import { introspectionSchema } from './schema';
import {
  ACCESS_EVENT,
  ALERT_SOURCE_REPORT,
  alertRecord,
  CASE_NOTE,
  MEMBER_CONTACT,
  POLICE_CONTACT,
  POLICE_CONTACT_ROUTE,
  REPORT_CONSENT,
  REPORT_POLICE,
  SUPPORT_ACTION,
  caseRecord,
  policeRequestRecord,
  selectionFor,
  FUNDER,
  TRAINING_INVITATION,
  TRAINING_SESSION_RECORD,
} from './selections';
import { readSession } from './session';

/**
 * react-admin method -> API (see buildQuery.ts for the per-resource names):
 *   getList          -> users(page, perPage, sortField, sortOrder, filter) { nodes totalCount }
 *   getMany          -> users(filter: { ids }), in batches of at most 100 ids
 *   getManyReference -> users(filter: { <target>Id: id }, page, perPage, sort...)
 *   getOne           -> user(id)
 *   create           -> createUser(input)            (input: fields of CreateUserInput only)
 *   update           -> updateUser(id, input)        (input: only the fields that changed)
 *   delete           -> deactivateUser(id)           (users are deactivated, never deleted)
 *   updateMany, deleteMany: not offered.
 * reports: reports / report / createReport / updateReport; cases: cases / case / openCase(reportId,
 * assigneeId); members: members / member (read only); policeRequests: policeRequests /
 * policeRequest / createPoliceRequest(input); alerts: alerts / alert / createAlert / updateAlert
 * (the whole AlertInput); funders, fundingRecords, trainingSessions (each with create, update
 * taking the whole input, and delete for records and sessions) and trainingInvitations (create
 * only: they move on through moveTrainingInvitation). What they select, per role, is in selections.ts
 * (never a member's contact details; for police, only the police-safe fields of a report).
 * A page larger than the server's limit of 100 is fetched as several pages of 100.
 * Every error is turned into a react-admin HttpError by errors.ts.
 *
 * The custom methods below are the API's own mutations, each answering `{ data }`.
 */
export interface LanternDataProvider extends DataProvider {
  /** Sets a new password for a user (ADMIN only on the server). */
  resetPassword(id: Identifier, password: string): Promise<{ data: RaRecord }>;
  /** setReportConsent: changes the consent in force and appends to its history (case workers). */
  setReportConsent(reportId: Identifier, consent: ConsentChange): Promise<{ data: RaRecord }>;
  /** openCase: opens the case on a report, assigned to the caller unless `assigneeId` is given. */
  openCase(reportId: Identifier, assigneeId?: Identifier | null): Promise<{ data: RaRecord }>;
  /** assignCase: gives the case to another case worker (null: to nobody). */
  assignCase(id: Identifier, assigneeId: Identifier | null): Promise<{ data: RaRecord }>;
  /** changeCaseStatus: only to one of the case's `allowedTransitions` (else CONFLICT); closing needs an outcome. */
  changeCaseStatus(id: Identifier, status: string, outcome?: string | null): Promise<{ data: RaRecord }>;
  addCaseNote(caseId: Identifier, body: string): Promise<{ data: RaRecord }>;
  addSupportAction(caseId: Identifier, input: SupportActionInput): Promise<{ data: RaRecord }>;
  updateSupportAction(id: Identifier, status: string, note?: string | null): Promise<{ data: RaRecord }>;
  addPoliceContact(caseId: Identifier, input: PoliceContactInput): Promise<{ data: RaRecord }>;
  /** A member's contact details. Every call is written to the access log, with who and when. */
  getMemberContact(id: Identifier): Promise<{ data: MemberContact }>;
  /** The access log of a member or a report, newest first (first page only). */
  getAccessEvents(filter: AccessEventFilter, perPage?: number): Promise<{ data: RaRecord[]; total: number }>;
  /**
   * Police, for a report with FULL consent only: how the member agreed to be reached
   * (`policeContactRoute`, null when they chose none). The read is logged like any other.
   */
  getPoliceContactRoute(reportId: Identifier): Promise<{ data: { id: Identifier; policeContactRoute: string | null } }>;
  /** shareReportWithForce: officers of that force may then read it (needs police consent above NONE, else CONFLICT). */
  shareReportWithForce(reportId: Identifier, forceId: Identifier): Promise<{ data: RaRecord }>;
  unshareReportWithForce(reportId: Identifier, forceId: Identifier): Promise<{ data: RaRecord }>;
  /** markPoliceRequestWithMember: a case worker is asking the member(s) for consent (OPEN -> WITH_MEMBER). */
  markPoliceRequestWithMember(id: Identifier): Promise<{ data: RaRecord }>;
  /** answerPoliceRequest: only reports the requesting force may see now can be attached (else BAD_USER_INPUT reportIds). */
  answerPoliceRequest(id: Identifier, reply: string, reportIds: Identifier[]): Promise<{ data: RaRecord }>;
  declinePoliceRequest(id: Identifier, reply: string): Promise<{ data: RaRecord }>;
  /** The identifiers of reports an alert may come from (staff): what the editor offers to show. */
  getAlertSourceReports(ids: Identifier[]): Promise<{ data: AlertSourceReport[] }>;
  /**
   * submitAlertForReview: DRAFT -> PENDING_REVIEW. CONFLICT on `findings` while any finding of
   * the alert's current text is neither fixed nor kept with a reason (`overrides`).
   */
  submitAlertForReview(id: Identifier, overrides: AlertOverrideInput[]): Promise<{ data: RaRecord }>;
  /** approveAlert: a manager who is not the author (else FORBIDDEN). */
  approveAlert(id: Identifier): Promise<{ data: RaRecord }>;
  /** returnAlertToDraft: a manager sends a pending alert back to its author. */
  returnAlertToDraft(id: Identifier): Promise<{ data: RaRecord }>;
  /** publishAlert: only once approved; members of the target areas get it. */
  publishAlert(id: Identifier): Promise<{ data: RaRecord }>;
  /** withdrawAlert: a published alert stops being shown; the reason is kept with it. */
  withdrawAlert(id: Identifier, reason: string): Promise<{ data: RaRecord }>;
  /** createAlertCorrection: a new draft that, once reviewed and published, replaces the alert. */
  createAlertCorrection(id: Identifier): Promise<{ data: RaRecord }>;
  /**
   * fundingTotals: sums by year, funder and purpose, computed by the server over the funding the
   * caller may see (a police partner: their own force's only).
   */
  getFundingTotals(filter?: FundingTotalsFilter): Promise<{ data: FundingTotals }>;
  /** impactStatistics (staff only): reports, alerts, training and the costs-avoided estimate. */
  getImpactStatistics(financialYear?: string | null, costs?: CostAssumptions): Promise<{ data: ImpactStatistics }>;
  /** recordTrainingFeedback (managers): records or replaces a session's feedback; answers the session. */
  recordTrainingFeedback(sessionId: Identifier, input: TrainingFeedbackInput): Promise<{ data: RaRecord }>;
  /**
   * moveTrainingInvitation (managers): INVITED -> ACCEPTED | DECLINED, ACCEPTED -> DELIVERED |
   * DECLINED, DECLINED -> ACCEPTED (else CONFLICT), on a date; DELIVERED may name the session.
   */
  moveTrainingInvitation(id: Identifier, status: string, on: string, sessionId?: Identifier | null): Promise<{ data: RaRecord }>;
}

export interface FundingTotalsFilter {
  financialYear?: string;
  funderId?: Identifier;
  purpose?: string;
  funderKind?: string;
}

export interface FunderRef {
  id: Identifier;
  name: string;
  kind: string;
  force?: { id: Identifier; name?: string } | null;
}

export interface FundingTotals {
  totalPence: number;
  byYear: { financialYear: string; amountPence: number; funders: number; forceFunders: number }[];
  byFunder: { funder: FunderRef; amountPence: number }[];
  byYearAndFunder: { financialYear: string; funder: FunderRef; amountPence: number }[];
  byPurpose: { purpose: string; amountPence: number }[];
}

/** The costs-avoided assumptions; anything left out takes the server's default. */
export interface CostAssumptions {
  rapeUnitCostPence?: number | null;
  murderUnitCostPence?: number | null;
  rapesPreventedPerSexualViolenceAlert?: number | null;
  murdersPreventedPerViolenceAlert?: number | null;
}

export interface ImpactStatistics {
  financialYear: string | null;
  reports: number;
  violentOrSexualReports: number;
  violentOrSexualShare: number;
  reportsByIncidentType: { incidentType: string; count: number }[];
  reportsByYear: {
    financialYear: string;
    reports: number;
    violentOrSexual: number;
    fullPoliceConsent: number;
    anonymousIntelligenceConsent: number;
  }[];
  alertsByYear: { financialYear: string; published: number; sexualViolence: number; violence: number }[];
  alertsPublished: number;
  trainingByYear: {
    financialYear: string;
    sessions: number;
    officersTrained: number;
    forcesReached: number;
    responses: number;
    intendToUse: number;
    sessionsWithExpertsByExperience: number;
  }[];
  invitations: { programme: string; invited: number; awaitingReply: number; accepted: number; declined: number; delivered: number }[];
  costsAvoided: {
    estimatedCostsAvoidedPence: number;
    estimatedRapesPrevented: number;
    estimatedMurdersPrevented: number;
    rapeUnitCostPence: number;
    murderUnitCostPence: number;
    rapesPreventedPerSexualViolenceAlert: number;
    murdersPreventedPerViolenceAlert: number;
    sexualViolenceAlerts: number;
    violenceAlerts: number;
    assumptions: string[];
  };
}

export interface ThemeCount {
  theme: string;
  count: number;
}

export interface TrainingFeedbackInput {
  responses: number;
  intendToUse: number;
  concernsBefore?: ThemeCount[];
  concernsAfter?: ThemeCount[];
}

export interface AlertSourceReport extends RaRecord {
  reference: string;
  identifiers: { kind: string; value: string }[];
}

export interface AlertOverrideInput {
  code: string;
  reason: string;
}

export interface ConsentChange {
  police: string;
  alerts: boolean;
  statistics?: boolean | null;
  method?: string | null;
  note?: string | null;
}

export interface SupportActionInput {
  kind: string;
  agency?: string | null;
  status?: string | null;
  note?: string | null;
}

export interface PoliceContactInput {
  contactDate: string;
  forceId: Identifier;
  officer?: string | null;
  crimeReference?: string | null;
  summary: string;
}

export interface MemberContact extends RaRecord {
  contactPhone?: string | null;
  contactEmail?: string | null;
}

export interface AccessEventFilter {
  memberId?: Identifier;
  reportId?: Identifier;
  kind?: string;
}

const graphqlProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: { schema: introspectionSchema },
  buildQuery,
  // errorPolicy 'all': a field hidden from this role must not blank the records around it
  query: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

const withApiErrors = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error: unknown) => {
    throw toHttpError(error);
  });

/** Fetches rows [start, start + perPage) in server pages of at most MAX_PER_PAGE. */
async function inServerPages<P extends { pagination?: { page: number; perPage: number } }, R extends RaRecord>(
  params: P,
  fetchPage: (params: P) => Promise<{ data: R[]; total?: number }>,
): Promise<{ data: R[]; total?: number }> {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (perPage <= MAX_PER_PAGE) return fetchPage(params);
  const start = (page - 1) * perPage;
  const end = start + perPage;
  const firstServerPage = Math.floor(start / MAX_PER_PAGE) + 1;
  const rows: R[] = [];
  let total: number | undefined;
  for (let serverPage = firstServerPage; ; serverPage++) {
    const result = await fetchPage({ ...params, pagination: { page: serverPage, perPage: MAX_PER_PAGE } });
    rows.push(...result.data);
    total = result.total;
    const fetchedUpTo = serverPage * MAX_PER_PAGE;
    if (result.data.length < MAX_PER_PAGE || fetchedUpTo >= end || (total !== undefined && fetchedUpTo >= total)) break;
  }
  const offset = start - (firstServerPage - 1) * MAX_PER_PAGE;
  return { data: rows.slice(offset, offset + perPage), total };
}

const RESET_PASSWORD = gql`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password) {
      id
    }
  }
`;

/** The case as the case page reads it, for the signed-in role (the answer to a case mutation). */
const caseSelection = () => selectionFor(caseRecord, readSession()?.user.role);

const SET_REPORT_CONSENT = gql`
  mutation SetReportConsent(
    $reportId: ID!
    $police: PoliceConsent!
    $alerts: Boolean!
    $statistics: Boolean
    $method: ConsentMethod
    $note: String
  ) {
    data: setReportConsent(reportId: $reportId, police: $police, alerts: $alerts, statistics: $statistics, method: $method, note: $note) {
      ${REPORT_CONSENT}
    }
  }
`;

const openCaseMutation = () => gql`
  mutation OpenCase($reportId: ID!, $assigneeId: ID) {
    data: openCase(reportId: $reportId, assigneeId: $assigneeId) { ${caseSelection()} }
  }
`;

const assignCaseMutation = () => gql`
  mutation AssignCase($id: ID!, $assigneeId: ID) {
    data: assignCase(id: $id, assigneeId: $assigneeId) { ${caseSelection()} }
  }
`;

const changeCaseStatusMutation = () => gql`
  mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!, $outcome: String) {
    data: changeCaseStatus(id: $id, status: $status, outcome: $outcome) { ${caseSelection()} }
  }
`;

const ADD_CASE_NOTE = gql`
  mutation AddCaseNote($caseId: ID!, $body: String!) {
    data: addCaseNote(caseId: $caseId, body: $body) { ${CASE_NOTE} }
  }
`;

const ADD_SUPPORT_ACTION = gql`
  mutation AddSupportAction($caseId: ID!, $input: SupportActionInput!) {
    data: addSupportAction(caseId: $caseId, input: $input) { ${SUPPORT_ACTION} }
  }
`;

const UPDATE_SUPPORT_ACTION = gql`
  mutation UpdateSupportAction($id: ID!, $status: SupportStatus!, $note: String) {
    data: updateSupportAction(id: $id, status: $status, note: $note) { ${SUPPORT_ACTION} }
  }
`;

const ADD_POLICE_CONTACT = gql`
  mutation AddPoliceContact($caseId: ID!, $input: PoliceContactInput!) {
    data: addPoliceContact(caseId: $caseId, input: $input) { ${POLICE_CONTACT} }
  }
`;

const MEMBER_CONTACT_QUERY = gql`
  query MemberContact($id: ID!) {
    data: member(id: $id) { ${MEMBER_CONTACT} }
  }
`;

const ACCESS_EVENTS = gql`
  query AccessEvents($filter: AccessEventFilter, $perPage: Int!) {
    data: accessEvents(filter: $filter, perPage: $perPage, sortOrder: DESC) {
      nodes { ${ACCESS_EVENT} }
      totalCount
    }
  }
`;

const POLICE_CONTACT_ROUTE_QUERY = gql`
  query PoliceContactRoute($id: ID!) {
    data: report(id: $id) { ${POLICE_CONTACT_ROUTE} }
  }
`;

const SHARE_REPORT = gql`
  mutation ShareReportWithForce($reportId: ID!, $forceId: ID!) {
    data: shareReportWithForce(reportId: $reportId, forceId: $forceId) { id ${REPORT_POLICE} }
  }
`;

const UNSHARE_REPORT = gql`
  mutation UnshareReportWithForce($reportId: ID!, $forceId: ID!) {
    data: unshareReportWithForce(reportId: $reportId, forceId: $forceId) { id ${REPORT_POLICE} }
  }
`;

/** The request as its page reads it (the answer to a police request mutation). */
const policeRequestSelection = () => selectionFor(policeRequestRecord, readSession()?.user.role);

const markPoliceRequestWithMemberMutation = () => gql`
  mutation MarkPoliceRequestWithMember($id: ID!) {
    data: markPoliceRequestWithMember(id: $id) { ${policeRequestSelection()} }
  }
`;

const answerPoliceRequestMutation = () => gql`
  mutation AnswerPoliceRequest($id: ID!, $reply: String!, $reportIds: [ID!]) {
    data: answerPoliceRequest(id: $id, reply: $reply, reportIds: $reportIds) { ${policeRequestSelection()} }
  }
`;

const declinePoliceRequestMutation = () => gql`
  mutation DeclinePoliceRequest($id: ID!, $reply: String!) {
    data: declinePoliceRequest(id: $id, reply: $reply) { ${policeRequestSelection()} }
  }
`;

const ALERT_SOURCE_REPORTS = gql`
  query AlertSourceReports($ids: [ID!], $perPage: Int!) {
    data: reports(filter: { ids: $ids }, perPage: $perPage) {
      nodes { ${ALERT_SOURCE_REPORT} }
    }
  }
`;

/** The alert as its page reads it, for the signed-in role (the answer to an alert mutation). */
const alertSelection = () => selectionFor(alertRecord, readSession()?.user.role);

const submitAlertForReviewMutation = () => gql`
  mutation SubmitAlertForReview($id: ID!, $overrides: [OverrideInput!]!) {
    data: submitAlertForReview(id: $id, overrides: $overrides) { ${alertSelection()} }
  }
`;

const approveAlertMutation = () => gql`
  mutation ApproveAlert($id: ID!) {
    data: approveAlert(id: $id) { ${alertSelection()} }
  }
`;

const returnAlertToDraftMutation = () => gql`
  mutation ReturnAlertToDraft($id: ID!) {
    data: returnAlertToDraft(id: $id) { ${alertSelection()} }
  }
`;

const publishAlertMutation = () => gql`
  mutation PublishAlert($id: ID!) {
    data: publishAlert(id: $id) { ${alertSelection()} }
  }
`;

const createAlertCorrectionMutation = () => gql`
  mutation CreateAlertCorrection($id: ID!) {
    data: createAlertCorrection(id: $id) { ${alertSelection()} }
  }
`;

const withdrawAlertMutation = () => gql`
  mutation WithdrawAlert($id: ID!, $reason: String!) {
    data: withdrawAlert(id: $id, reason: $reason) { ${alertSelection()} }
  }
`;

const FUNDING_TOTALS = gql`
  query FundingTotals($filter: FundingFilter) {
    data: fundingTotals(filter: $filter) {
      totalPence
      byYear { financialYear amountPence funders forceFunders }
      byFunder { funder { ${FUNDER} } amountPence }
      byYearAndFunder { financialYear funder { ${FUNDER} } amountPence }
      byPurpose { purpose amountPence }
    }
  }
`;

const IMPACT_STATISTICS = gql`
  query ImpactStatistics($financialYear: String, $costs: CostAssumptionsInput) {
    data: impactStatistics(financialYear: $financialYear, costs: $costs) {
      financialYear reports violentOrSexualReports violentOrSexualShare alertsPublished
      reportsByIncidentType { incidentType count }
      reportsByYear { financialYear reports violentOrSexual fullPoliceConsent anonymousIntelligenceConsent }
      alertsByYear { financialYear published sexualViolence violence }
      trainingByYear { financialYear sessions officersTrained forcesReached responses intendToUse sessionsWithExpertsByExperience }
      invitations { programme invited awaitingReply accepted declined delivered }
      costsAvoided {
        estimatedCostsAvoidedPence estimatedRapesPrevented estimatedMurdersPrevented
        rapeUnitCostPence murderUnitCostPence rapesPreventedPerSexualViolenceAlert murdersPreventedPerViolenceAlert
        sexualViolenceAlerts violenceAlerts assumptions
      }
    }
  }
`;

const RECORD_TRAINING_FEEDBACK = gql`
  mutation RecordTrainingFeedback($sessionId: ID!, $input: TrainingFeedbackInput!) {
    data: recordTrainingFeedback(sessionId: $sessionId, input: $input) { ${TRAINING_SESSION_RECORD('MANAGER')} }
  }
`;

const MOVE_TRAINING_INVITATION = gql`
  mutation MoveTrainingInvitation($id: ID!, $status: InvitationStatus!, $on: String!, $sessionId: ID) {
    data: moveTrainingInvitation(id: $id, status: $status, on: $on, sessionId: $sessionId) { ${TRAINING_INVITATION} }
  }
`;

/** Runs one of the API's own queries; its root field is aliased `data`. */
function queryOne<T>(query: DocumentNode, variables: Record<string, unknown>): Promise<{ data: T }> {
  return withApiErrors(
    apolloClient.query<{ data: T }>({ query, variables, fetchPolicy: 'no-cache' }).then(({ data }) => {
      if (!data?.data) throw new Error('ra.notification.http_error');
      return { data: data.data };
    }),
  );
}

/** Only the assumptions that were given (an emptied one takes the server's default). */
function givenCosts(costs: CostAssumptions | undefined): CostAssumptions | undefined {
  if (!costs) return undefined;
  const out = Object.fromEntries(
    Object.entries(costs).filter(([, value]) => typeof value === 'number' && Number.isFinite(value)),
  ) as CostAssumptions;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Runs one of the API's own mutations; its root field is aliased `data`. */
function mutateOne<T = RaRecord>(mutation: DocumentNode, variables: Record<string, unknown>): Promise<{ data: T }> {
  return withApiErrors(
    apolloClient.mutate<{ data: T }>({ mutation, variables }).then(({ data }) => {
      if (!data?.data) throw new Error('ra.notification.http_error');
      return { data: data.data };
    }),
  );
}

/** Strips empty strings (an untouched optional input) so that the server sees "not given". */
function given<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && value !== undefined)) as T;
}

export const dataProvider: LanternDataProvider = {
  getList: <R extends RaRecord>(resource: string, params: GetListParams) =>
    withApiErrors(
      inServerPages(params, (p) => graphqlProvider.getList<R>(resource, p)) as Promise<GetListResult<R>>,
    ),

  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    withApiErrors(
      inServerPages(params, (p) => graphqlProvider.getManyReference<R>(resource, p)) as Promise<GetManyReferenceResult<R>>,
    ),

  getMany: (resource, params) => {
    const batches: Identifier[][] = [];
    for (let i = 0; i < params.ids.length; i += MAX_PER_PAGE) batches.push(params.ids.slice(i, i + MAX_PER_PAGE));
    if (batches.length <= 1) return withApiErrors(graphqlProvider.getMany(resource, params));
    return withApiErrors(
      Promise.all(batches.map((ids) => graphqlProvider.getMany(resource, { ...params, ids }))).then((results) => ({
        data: results.flatMap((result) => result.data),
      })),
    );
  },

  getOne: (resource, params) => withApiErrors(graphqlProvider.getOne(resource, params)),
  create: (resource, params) => withApiErrors(graphqlProvider.create(resource, params)),
  update: (resource, params) => withApiErrors(graphqlProvider.update(resource, params)),
  delete: (resource, params) => withApiErrors(graphqlProvider.delete(resource, params)),
  updateMany: (resource) => Promise.reject(toHttpError(new Error(`Lantern: "${resource}" cannot be updated in bulk`))),
  deleteMany: (resource) => Promise.reject(toHttpError(new Error(`Lantern: "${resource}" cannot be deleted in bulk`))),

  resetPassword: (id, password) =>
    withApiErrors(
      apolloClient
        .mutate<{ resetPassword: RaRecord }>({ mutation: RESET_PASSWORD, variables: { id, password } })
        .then(({ data }) => {
          if (!data?.resetPassword) throw new Error('ra.notification.http_error');
          return { data: data.resetPassword };
        }),
    ),

  setReportConsent: (reportId, { police, alerts, statistics, method, note }) =>
    mutateOne(SET_REPORT_CONSENT, given({ reportId, police, alerts, statistics, method, note: note?.trim() || undefined })),

  openCase: (reportId, assigneeId) => mutateOne(openCaseMutation(), given({ reportId, assigneeId: assigneeId ?? undefined })),

  assignCase: (id, assigneeId) => mutateOne(assignCaseMutation(), { id, assigneeId }),

  changeCaseStatus: (id, status, outcome) =>
    mutateOne(changeCaseStatusMutation(), given({ id, status, outcome: outcome?.trim() || undefined })),

  addCaseNote: (caseId, body) => mutateOne(ADD_CASE_NOTE, { caseId, body }),

  addSupportAction: (caseId, input) => mutateOne(ADD_SUPPORT_ACTION, { caseId, input: given(input) }),

  updateSupportAction: (id, status, note) => mutateOne(UPDATE_SUPPORT_ACTION, given({ id, status, note })),

  addPoliceContact: (caseId, input) => mutateOne(ADD_POLICE_CONTACT, { caseId, input: given(input) }),

  getMemberContact: (id) =>
    withApiErrors(
      apolloClient.query<{ data: MemberContact }>({ query: MEMBER_CONTACT_QUERY, variables: { id } }).then(({ data }) => {
        if (!data?.data) throw new Error('ra.notification.item_doesnt_exist');
        return { data: data.data };
      }),
    ),

  getAccessEvents: (filter, perPage = 25) =>
    withApiErrors(
      apolloClient
        .query<{ data: { nodes: RaRecord[]; totalCount: number } }>({
          query: ACCESS_EVENTS,
          variables: { filter: given(filter), perPage: Math.min(perPage, MAX_PER_PAGE) },
        })
        .then(({ data }) => ({ data: data?.data.nodes ?? [], total: data?.data.totalCount ?? 0 })),
    ),

  getPoliceContactRoute: (reportId) =>
    withApiErrors(
      apolloClient
        .query<{ data: { id: Identifier; policeContactRoute: string | null } }>({ query: POLICE_CONTACT_ROUTE_QUERY, variables: { id: reportId } })
        .then(({ data }) => {
          if (!data?.data) throw new Error('ra.notification.item_doesnt_exist');
          return { data: data.data };
        }),
    ),

  shareReportWithForce: (reportId, forceId) => mutateOne(SHARE_REPORT, { reportId, forceId }),

  unshareReportWithForce: (reportId, forceId) => mutateOne(UNSHARE_REPORT, { reportId, forceId }),

  markPoliceRequestWithMember: (id) => mutateOne(markPoliceRequestWithMemberMutation(), { id }),

  answerPoliceRequest: (id, reply, reportIds) =>
    mutateOne(answerPoliceRequestMutation(), { id, reply: reply.trim(), reportIds }),

  declinePoliceRequest: (id, reply) => mutateOne(declinePoliceRequestMutation(), { id, reply: reply.trim() }),

  getAlertSourceReports: (ids) =>
    ids.length === 0
      ? Promise.resolve({ data: [] })
      : withApiErrors(
          apolloClient
            .query<{ data: { nodes: AlertSourceReport[] } }>({
              query: ALERT_SOURCE_REPORTS,
              variables: { ids: ids.slice(0, MAX_PER_PAGE), perPage: MAX_PER_PAGE },
              fetchPolicy: 'no-cache',
            })
            .then(({ data }) => ({ data: data?.data.nodes ?? [] })),
        ),

  submitAlertForReview: (id, overrides) =>
    mutateOne(submitAlertForReviewMutation(), {
      id,
      overrides: overrides.map(({ code, reason }) => ({ code, reason: reason.trim() })),
    }),

  approveAlert: (id) => mutateOne(approveAlertMutation(), { id }),

  returnAlertToDraft: (id) => mutateOne(returnAlertToDraftMutation(), { id }),

  publishAlert: (id) => mutateOne(publishAlertMutation(), { id }),
  createAlertCorrection: (id) => mutateOne(createAlertCorrectionMutation(), { id }),

  withdrawAlert: (id, reason) => mutateOne(withdrawAlertMutation(), { id, reason: reason.trim() }),

  getFundingTotals: (filter) => {
    const chosen = filter ? Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '')) : {};
    return queryOne<FundingTotals>(FUNDING_TOTALS, Object.keys(chosen).length > 0 ? { filter: chosen } : {});
  },

  getImpactStatistics: (financialYear, costs) =>
    queryOne<ImpactStatistics>(IMPACT_STATISTICS, given({ financialYear: financialYear || undefined, costs: givenCosts(costs) })),

  recordTrainingFeedback: (sessionId, { responses, intendToUse, concernsBefore = [], concernsAfter = [] }) =>
    mutateOne(RECORD_TRAINING_FEEDBACK, {
      sessionId,
      input: {
        responses,
        intendToUse,
        concernsBefore: concernsBefore.map(({ theme, count }) => ({ theme: theme.trim(), count })),
        concernsAfter: concernsAfter.map(({ theme, count }) => ({ theme: theme.trim(), count })),
      },
    }),

  moveTrainingInvitation: (id, status, on, sessionId) =>
    mutateOne(MOVE_TRAINING_INVITATION, given({ id, status, on, sessionId: sessionId || undefined })),
};
