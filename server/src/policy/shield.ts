import { allow, deny, race } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { ForbiddenError } from '../common/errors';
import { isAdmin, isAuthenticated, isCaseWorker, isEnrolling, isManager, isMember, isOwnReport, isPolicePartner, isPoliceOfFundingForce, isPoliceOfRecordForce, isPoliceOfTrainingForce, isPoliceWithConsent, isPoliceWithFullConsent, isReportStaff, isSelf, isSelfMember, isStaff } from './predicates';

/**
 * THE access policy, as one table: every type and every field has its rule here, and anything
 * not listed is denied (`fallbackRule: deny`). A test fails when the schema has a field this table
 * does not name, and a committed snapshot of `Type.field -> rule` turns every change here into a
 * visible permission change in review. See DESIGN.md, "The access policy".
 */

/**
 * Any one of the rules, tried in order, stopping at the first that passes (graphql-shield's `race`;
 * its `or` would evaluate every rule for every field). Rules that look only at the caller's role
 * come first, so staff reading a long list never run the per-record police and ownership checks.
 */
const either = race;

/** Staff read every account; anyone reads their own. */
const canReadUser = either(isStaff, isSelf);
/** Signed in, or signed in but obliged to turn on two-factor sign-in first (and nothing else). */
const isSignedInOrEnrolling = either(isAuthenticated, isEnrolling);
/** Report data: case workers and managers, and the member who made the report. Not admins, not police. */
const canReadReport = either(isReportStaff, isOwnReport);
/** Report core and police summary: as above, and police of a force that may see it under its current consent. */
const canReadReportCore = either(isReportStaff, isOwnReport, isPoliceWithConsent);
/** Police requests: case workers and managers, and officers of the requesting force. */
const canReadPoliceRequest = either(isReportStaff, isPoliceOfRecordForce);
/** Who reported, and their contact details: case workers (every read logged) and the member. */
const canReadMember = either(isCaseWorker, isSelfMember);
/** The retention audit trail and releasing a legal hold: admins and managers (no personal data in either). */
const isAdminOrManager = either(isAdmin, isManager);
/** Funding and training lists: all staff; police partners (the queries return only their own force's). */
const canListFundingAndTraining = either(isStaff, isPolicePartner);

/** The same rule for each named field (for types whose fields all follow one rule). */
function each<R>(rule: R, ...fields: string[]): Record<string, R> {
  return Object.fromEntries(fields.map((f) => [f, rule]));
}
const TIMESTAMPS = ['id', 'createdAt', 'updatedAt'];

export const policy = {
  Query: {
    me: isSignedInOrEnrolling, // an account that must enrol first may read itself
    users: isStaff,
    user: isAuthenticated, // scoped in SQL: staff see all, everyone else only themselves
    forces: isAuthenticated,
    force: isAuthenticated,
    reports: either(isReportStaff, isMember, isPolicePartner), // scoped in SQL: own reports; police by consent and force
    report: either(isReportStaff, isMember, isPolicePartner), // scoped in SQL: an invisible report is NOT_FOUND
    myReports: isMember,
    members: isCaseWorker,
    member: either(isCaseWorker, isMember), // scoped in SQL: a member only themselves
    myMember: isMember,
    cases: isReportStaff,
    case: isReportStaff,
    accessEvents: isStaff,
    policeRequests: either(isReportStaff, isPolicePartner), // scoped in SQL: officers see their own force's
    policeRequest: either(isReportStaff, isPolicePartner),
    alerts: isAuthenticated, // scoped in SQL: staff all; admins and police published (police also their force's requests); members their feed
    alert: isAuthenticated,
    myAlerts: isMember,
    checkIdentifier: isMember,
    // Funding and training: staff read all; a police partner only their own force's (scoped in SQL).
    funders: canListFundingAndTraining,
    funder: canListFundingAndTraining,
    fundingRecords: canListFundingAndTraining,
    fundingRecord: canListFundingAndTraining,
    fundingTotals: canListFundingAndTraining, // summed over the records the caller may see
    trainingSessions: canListFundingAndTraining,
    trainingSession: canListFundingAndTraining,
    trainingInvitations: canListFundingAndTraining,
    trainingInvitation: canListFundingAndTraining,
    impactStatistics: isStaff, // aggregates of every force's data, and only statistics-consented reports
    // Retention: the audit trail (ids only), legal holds (ids and staff reasons), erasure requests (ids).
    auditEvents: isAdminOrManager,
    auditEvent: isAdminOrManager,
    legalHolds: isStaff,
    legalHold: isStaff,
    erasureRequests: isStaff,
  },
  Mutation: {
    login: allow,
    signOutEverywhere: isSignedInOrEnrolling, // the caller's own sessions only
    // Two-factor sign-in, always on the caller's own account.
    startTwoFactorEnrolment: isSignedInOrEnrolling,
    confirmTwoFactorEnrolment: isSignedInOrEnrolling,
    regenerateRecoveryCodes: isAuthenticated, // needs a current code
    disableTwoFactor: isAuthenticated, // needs the password and a code
    resetTwoFactor: isAdmin, // another account's (a lost phone); audited, ends its sessions
    createUser: isAdmin,
    updateUser: isAdmin,
    deactivateUser: isAdmin,
    resetPassword: isAdmin,
    registerMember: allow, // anyone may become a member
    updateMyMember: isMember, // only their own record
    createReport: isCaseWorker,
    submitReport: isMember,
    updateReport: isCaseWorker,
    setReportConsent: either(isCaseWorker, isMember), // a member: only their own report (else NOT_FOUND)
    openCase: isCaseWorker,
    assignCase: isCaseWorker,
    changeCaseStatus: isCaseWorker,
    addCaseNote: isCaseWorker,
    addSupportAction: isCaseWorker,
    updateSupportAction: isCaseWorker,
    addPoliceContact: isCaseWorker,
    shareReportWithForce: isCaseWorker,
    unshareReportWithForce: isCaseWorker,
    createPoliceRequest: isPolicePartner,
    markPoliceRequestWithMember: isCaseWorker,
    answerPoliceRequest: isCaseWorker,
    declinePoliceRequest: isCaseWorker,
    createAlert: isReportStaff,
    updateAlert: isReportStaff,
    submitAlertForReview: isReportStaff,
    approveAlert: isManager, // and never the author (the service refuses: FORBIDDEN)
    returnAlertToDraft: isManager,
    publishAlert: isReportStaff, // only once approved
    createAlertCorrection: isReportStaff, // a new draft, reviewed like any other
    withdrawAlert: isReportStaff,
    // Managers keep the funding and training records.
    createFunder: isManager,
    updateFunder: isManager,
    createFundingRecord: isManager,
    updateFundingRecord: isManager,
    deleteFundingRecord: isManager,
    createTrainingSession: isManager,
    updateTrainingSession: isManager,
    deleteTrainingSession: isManager,
    recordTrainingFeedback: isManager,
    createTrainingInvitation: isManager,
    moveTrainingInvitation: isManager,
    // Retention. Placing a hold preserves (the safe direction): any staff, on a record by id, and it
    // answers with the hold only, never the record. Releasing it lets deletion proceed: managers and admins.
    placeLegalHold: isStaff,
    releaseLegalHold: isAdminOrManager,
    runRetention: isAdmin,
    requestErasure: isMember, // their own account, confirmed with their password
    eraseMember: isCaseWorker, // at the member's request; scoped like member(id)
  },
  LoginPayload: {
    token: allow,
    expiresAt: allow,
    user: allow,
    twoFactorEnrolmentRequired: allow,
  },
  // Reached only through the enrolment mutations, on the caller's own account.
  TwoFactorEnrolment: each(isSignedInOrEnrolling, 'otpauthUri', 'qrCodeDataUrl', 'secret', 'expiresAt'),
  TwoFactorConfirmation: each(isSignedInOrEnrolling, 'recoveryCodes', 'token', 'expiresAt'),
  // Reached only through User.twoFactor, which is the account holder's alone.
  TwoFactorStatus: each(isSignedInOrEnrolling, 'enabled', 'enabledAt', 'required', 'recoveryCodesRemaining'),
  User: {
    id: canReadUser,
    email: canReadUser,
    name: canReadUser,
    role: canReadUser,
    force: canReadUser,
    active: canReadUser,
    deactivatedAt: canReadUser,
    lastLoginAt: canReadUser,
    createdAt: canReadUser,
    updatedAt: canReadUser,
    twoFactorEnabled: either(isAdmin, isSelf), // not other staff: who lacks it is a target
    twoFactor: isSelf, // recovery codes left and the like: the account holder alone
  },
  UserList: {
    nodes: isStaff,
    totalCount: isStaff,
  },
  Force: {
    id: isAuthenticated,
    code: isAuthenticated,
    name: isAuthenticated,
    nation: isAuthenticated,
    region: isAuthenticated,
    createdAt: isAuthenticated,
    updatedAt: isAuthenticated,
  },
  ForceList: {
    nodes: isAuthenticated,
    totalCount: isAuthenticated,
  },
  Report: {
    // The core police may read, with consent: DESIGN.md's "Report core" and `policeSummary`.
    ...each(canReadReportCore, ...TIMESTAMPS, 'reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes', 'identifiers'),
    policeSummary: canReadReportCore,
    consent: canReadReportCore, // police see only Consent.police, the current level
    policeContactRoute: either(isReportStaff, isOwnReport, isPoliceWithFullConsent),
    // Never police.
    channel: canReadReport,
    status: canReadReport,
    narrative: canReadReport,
    location: canReadReport,
    perpetratorDescription: canReadReport,
    consentHistory: canReadReport,
    policeReads: canReadReport, // "Kent Police read your report on ..."
    sharedWith: isReportStaff,
    caseStatus: canReadReport,
    member: either(isCaseWorker, isOwnReport),
    case: isReportStaff,
    linkedReports: isReportStaff,
    legalHold: isReportStaff, // covers its case too
    anonymisedAt: isReportStaff,
  },
  ReportList: each(either(isReportStaff, isMember, isPolicePartner), 'nodes', 'totalCount', 'endCursor'),
  // Reached only through Report.policeReads, which is guarded above.
  PoliceRead: each(isAuthenticated, 'at', 'force', 'fields'),
  // Reached only through Report.identifiers, which is guarded above.
  Identifier: each(isAuthenticated, ...TIMESTAMPS, 'kind', 'value'),
  // Reached only through Report.consent, which is guarded above.
  Consent: {
    police: isAuthenticated, // police too: the current level of a report they may see
    ...each(either(isReportStaff, isMember), ...TIMESTAMPS, 'alerts', 'statistics', 'method', 'recordedAt', 'withdrawnAt'),
    recordedByName: isReportStaff,
  },
  // Reached only through Report.consentHistory, which is guarded above.
  ConsentEvent: {
    ...each(isAuthenticated, ...TIMESTAMPS, 'at', 'actorRole', 'method', 'previousPolice', 'previousAlerts', 'previousStatistics', 'police', 'alerts', 'statistics', 'note'),
    actorName: isReportStaff,
  },
  Member: {
    ...each(canReadMember, ...TIMESTAMPS, 'pseudonym', 'workSetting', 'policeContactRoute', 'emailAlerts', 'alertAreas', 'contactAnonymisedAt', 'erasedAt'),
    legalHold: isCaseWorker,
    contactPhone: canReadMember, // staff reads are written to the access log
    contactEmail: canReadMember,
  },
  MemberList: { nodes: isCaseWorker, totalCount: isCaseWorker },
  // Case work: case workers write, managers read, nobody else (members see Report.caseStatus).
  Case: each(isReportStaff, ...TIMESTAMPS, 'report', 'assignee', 'status', 'outcome', 'openedAt', 'closedAt', 'allowedTransitions', 'notes', 'supportActions', 'policeContacts'),
  CaseList: { nodes: isReportStaff, totalCount: isReportStaff },
  CaseNote: each(isReportStaff, ...TIMESTAMPS, 'author', 'body'),
  SupportAction: each(isReportStaff, ...TIMESTAMPS, 'kind', 'agency', 'status', 'note', 'createdBy'),
  PoliceContact: each(isReportStaff, ...TIMESTAMPS, 'contactDate', 'force', 'officer', 'crimeReference', 'summary', 'recordedBy'),
  AccessEvent: each(isStaff, ...TIMESTAMPS, 'at', 'kind', 'actor', 'actorRole', 'force', 'report', 'member', 'fields'),
  AccessEventList: { nodes: isStaff, totalCount: isStaff },
  PoliceRequest: {
    ...each(canReadPoliceRequest, ...TIMESTAMPS, 'force', 'kind', 'question', 'identifierKind', 'identifierValue', 'crimeReference', 'status', 'reply', 'answeredAt', 'requestedByName'),
    reports: canReadPoliceRequest, // filtered again by the caller's report scope at read time
  },
  PoliceRequestList: { nodes: either(isReportStaff, isPolicePartner), totalCount: either(isReportStaff, isPolicePartner) },
  // What members and partners see of an alert they may see (the query scopes which ones).
  Alert: {
    ...each(isAuthenticated, ...TIMESTAMPS, 'title', 'body', 'status', 'incidentTypes', 'shownIdentifiers', 'targetAreas', 'onBehalfOf', 'publishedAt', 'expiresAt', 'withdrawnAt', 'withdrawalReason'),
    // The work behind it: staff only.
    ...each(isReportStaff, 'authorName', 'approverName', 'approvedAt', 'sourceReports', 'findings', 'overrides', 'canApprove', 'deliveries', 'corrects', 'archivedAt'),
  },
  AlertList: { nodes: isAuthenticated, totalCount: isAuthenticated },
  AlertIdentifier: each(isAuthenticated, 'kind', 'value'),
  AlertFinding: each(isReportStaff, 'kind', 'code', 'excerpt', 'field', 'message'),
  FindingOverride: each(isReportStaff, 'code', 'reason', 'byName', 'at'),
  IdentifierCheckResult: each(isMember, 'value', 'alerts', 'note'),
  DeliveryCounts: each(isReportStaff, 'pending', 'sent', 'failed'),
  // Funding: staff; a police partner only their own force's (the record's funder is their force).
  Funder: each(either(isStaff, isPoliceOfRecordForce), ...TIMESTAMPS, 'name', 'kind', 'force'),
  FunderList: each(canListFundingAndTraining, 'nodes', 'totalCount'),
  FundingRecord: each(either(isStaff, isPoliceOfFundingForce), ...TIMESTAMPS, 'funder', 'financialYear', 'amountPence', 'purpose', 'receivedOn', 'agreementReference', 'notes'),
  FundingRecordList: each(canListFundingAndTraining, 'nodes', 'totalCount'),
  // Reached only through fundingTotals, which sums only what the caller may see.
  FundingTotals: each(canListFundingAndTraining, 'totalPence', 'byYear', 'byFunder', 'byYearAndFunder', 'byPurpose'),
  FundingYearTotal: each(canListFundingAndTraining, 'financialYear', 'amountPence', 'funders', 'forceFunders'),
  FunderTotal: each(canListFundingAndTraining, 'funder', 'amountPence'),
  FundingYearFunderTotal: each(canListFundingAndTraining, 'financialYear', 'funder', 'amountPence'),
  FundingPurposeTotal: each(canListFundingAndTraining, 'purpose', 'amountPence'),
  // Training: staff; a police partner only sessions their force attended and their force's invitations.
  TrainingSession: each(either(isStaff, isPoliceOfTrainingForce), ...TIMESTAMPS, 'date', 'financialYear', 'forces', 'format', 'location', 'programme', 'trainers', 'officersAttending', 'notes', 'feedback'),
  TrainingSessionList: each(canListFundingAndTraining, 'nodes', 'totalCount'),
  // Reached only through TrainingSession.trainers / .feedback, which are guarded above.
  // Trainers' names stay with the charity: experts by experience are people with lived experience
  // of sex work. Police partners see only whether a session was led by one.
  Trainer: { name: isStaff, expertByExperience: canListFundingAndTraining },
  TrainingFeedback: each(canListFundingAndTraining, ...TIMESTAMPS, 'responses', 'intendToUse', 'concernsBefore', 'concernsAfter'),
  ThemeCount: each(canListFundingAndTraining, 'theme', 'count'),
  TrainingInvitation: each(either(isStaff, isPoliceOfRecordForce), ...TIMESTAMPS, 'force', 'programme', 'status', 'invitedOn', 'acceptedOn', 'declinedOn', 'deliveredOn', 'session', 'notes'),
  TrainingInvitationList: each(canListFundingAndTraining, 'nodes', 'totalCount'),
  // The managers' dashboard: staff only (every force's figures at once).
  ImpactStatistics: each(isStaff, 'financialYear', 'reports', 'violentOrSexualReports', 'violentOrSexualShare', 'reportsByIncidentType', 'reportsByYear', 'alertsByYear', 'alertsPublished', 'trainingByYear', 'invitations', 'costsAvoided'),
  IncidentTypeCount: each(isStaff, 'incidentType', 'count'),
  ReportYear: each(isStaff, 'financialYear', 'reports', 'violentOrSexual', 'fullPoliceConsent', 'anonymousIntelligenceConsent'),
  AlertYear: each(isStaff, 'financialYear', 'published', 'sexualViolence', 'violence'),
  TrainingYear: each(isStaff, 'financialYear', 'sessions', 'officersTrained', 'forcesReached', 'responses', 'intendToUse', 'sessionsWithExpertsByExperience'),
  InvitationPipeline: each(isStaff, 'programme', 'invited', 'awaitingReply', 'accepted', 'declined', 'delivered'),
  // Retention (modules/retention, modules/audit).
  AuditEvent: each(isAdminOrManager, ...TIMESTAMPS, 'at', 'action', 'entityType', 'entityId', 'count', 'actorRole', 'actorName', 'job', 'schedule', 'cutoff', 'runId'),
  AuditEventList: each(isAdminOrManager, 'nodes', 'totalCount'),
  LegalHold: each(isStaff, ...TIMESTAMPS, 'target', 'entityId', 'active', 'reason', 'placedAt', 'placedByName', 'releasedAt', 'releaseReason', 'releasedByName'),
  LegalHoldList: each(isStaff, 'nodes', 'totalCount'),
  ErasureRequest: {
    ...each(isStaff, ...TIMESTAMPS, 'status', 'requestedByRole', 'completedAt', 'memberId'),
    member: isCaseWorker,
  },
  ErasureRequestList: each(isStaff, 'nodes', 'totalCount'),
  RetentionRun: each(isAdmin, 'runId', 'startedAt', 'finishedAt', 'outcomes'),
  RetentionOutcome: each(isAdmin, 'action', 'count', 'cutoff'),
  CostEstimate: each(isStaff, 'rapeUnitCostPence', 'murderUnitCostPence', 'rapesPreventedPerSexualViolenceAlert', 'murdersPreventedPerViolenceAlert', 'sexualViolenceAlerts', 'violenceAlerts', 'estimatedRapesPrevented', 'estimatedMurdersPrevented', 'estimatedCostsAvoidedPence', 'assumptions'),
} satisfies IRules;

/**
 * Served as a federation subgraph, the same table plus the federation entry points: `_service`
 * (the SDL, for the gateway) and `_entities`, whose entities are resolved by the same scoped
 * services and whose fields keep the rules above.
 */
export const subgraphPolicy = {
  ...policy,
  Query: { ...policy.Query, _service: allow, _entities: isAuthenticated },
  _Service: { sdl: allow },
} satisfies IRules;

/** How graphql-shield answers: deny what the table does not name, with a FORBIDDEN-coded error. */
export const SHIELD_OPTIONS = {
  fallbackRule: deny,
  // Our own coded errors (NOT_FOUND, BAD_USER_INPUT, ...) pass through; formatError masks the rest.
  allowExternalErrors: true,
  fallbackError: () => new ForbiddenError(),
  debug: false,
};
