import type { Role } from './canAccess';

/**
 * What the dashboard reads of each record, per role, for the resources where "every field one
 * level down" (buildQuery's default) would be wrong:
 * - a role is never asked for a field the policy refuses it (a MANAGER may not read
 *   `Report.member`; a POLICE_PARTNER reads only the police-safe fields of a report), so the
 *   server has nothing to refuse and logs no refusals;
 * - a member's contact details (`contactPhone`, `contactEmail`: every staff read is written to
 *   the access log) are in no selection here. They are read only on demand, by
 *   dataProvider.getMemberContact, from the member's page.
 * Each string is the inside of a GraphQL selection set; buildQuery checks it against the schema.
 */
export type Selection = string | ((role: Role | undefined) => string);

const FORCE = 'id name';
const USER = 'id name';

// ---------------------------------------------------------------------------------------------
// Reports

/**
 * All a police partner may read of a report (DESIGN.md, "Report core" and `policeSummary`), and
 * of its consent only the current level. Every one of these reads is logged on the server and
 * shown to the member. Not `policeContactRoute`: it is refused unless the consent is FULL, so it
 * is read on its own, only for a FULL report (dataProvider.getPoliceContactRoute).
 */
export const POLICE_REPORT_ROW = `
  id reference receivedAt incidentDate incidentTypes
  forceArea { ${FORCE} }
  consent { police }`;

const POLICE_REPORT_RECORD = `
  ${POLICE_REPORT_ROW}
  createdAt updatedAt policeSummary
  identifiers { id kind value }`;

const REPORT_ROW = `
  id reference receivedAt incidentDate channel status incidentTypes caseStatus
  forceArea { ${FORCE} }
  consent { id police alerts statistics withdrawnAt }`;

export const CONSENT_EVENT =
  'id at actorRole actorName method previousPolice police previousAlerts alerts previousStatistics statistics note';

/** Which forces besides its force area may read a report, and every police read of it (staff). */
export const REPORT_POLICE = `
  sharedWith { ${FORCE} }
  policeReads { at fields force { ${FORCE} } }`;

/** A report as a row of a list (the reports list, a member's reports, a linked report). */
export const reportRow: Selection = (role) => (role === 'POLICE_PARTNER' ? POLICE_REPORT_ROW : REPORT_ROW);

/** A whole report: every tab of the report page, and the answer to create/update. */
export const reportRecord: Selection = (role) =>
  role === 'POLICE_PARTNER'
    ? POLICE_REPORT_RECORD
    : `
  id reference receivedAt incidentDate channel status incidentTypes caseStatus createdAt updatedAt
  forceArea { ${FORCE} }
  location narrative perpetratorDescription policeSummary
  identifiers { id kind value }
  consent { id police alerts statistics method recordedAt withdrawnAt recordedByName }
  consentHistory { ${CONSENT_EVENT} }
  case { id status openedAt }
  linkedReports {
    id reference receivedAt incidentDate incidentTypes status
    forceArea { ${FORCE} }
    identifiers { id kind value }
  }
  ${REPORT_POLICE}
  ${role === 'CASE_WORKER' ? 'member { id pseudonym }' : ''}`;

/** With FULL consent only (police): how the member agreed to be reached. */
export const POLICE_CONTACT_ROUTE = 'id policeContactRoute';

/** What setReportConsent answers with: the consent tab of the report page. */
export const REPORT_CONSENT = `
  id
  consent { id police alerts statistics method recordedAt withdrawnAt recordedByName }
  consentHistory { ${CONSENT_EVENT} }`;

// ---------------------------------------------------------------------------------------------
// Cases (case workers and managers read the same)

const CASE_ROW = `
  id status openedAt updatedAt closedAt
  assignee { ${USER} }
  report { id reference incidentTypes forceArea { ${FORCE} } }`;

export const caseRow: Selection = CASE_ROW;

export const CASE_NOTE = `id body createdAt author { ${USER} }`;
export const SUPPORT_ACTION = `id kind agency status note createdAt updatedAt createdBy { ${USER} }`;
export const POLICE_CONTACT = `id contactDate officer crimeReference summary createdAt force { ${FORCE} } recordedBy { ${USER} }`;

export const caseRecord: Selection = `
  id status openedAt updatedAt closedAt outcome allowedTransitions
  assignee { ${USER} }
  report {
    id reference receivedAt incidentDate incidentTypes status
    forceArea { ${FORCE} }
    consent { id police alerts }
  }
  notes { ${CASE_NOTE} }
  supportActions { ${SUPPORT_ACTION} }
  policeContacts { ${POLICE_CONTACT} }`;

// ---------------------------------------------------------------------------------------------
// Police requests (officers of the requesting force, case workers and managers read the same).
// The attached reports are read with the police-safe selection whoever reads them: the server
// lists only those the caller may see now, and logs an officer's reads of them.

const POLICE_REQUEST_ROW = `
  id createdAt kind status question identifierKind identifierValue crimeReference answeredAt requestedByName
  force { ${FORCE} }`;

export const policeRequestRow: Selection = POLICE_REQUEST_ROW;

export const policeRequestRecord: Selection = `
  ${POLICE_REQUEST_ROW}
  updatedAt reply
  reports { ${POLICE_REPORT_ROW} }`;

// ---------------------------------------------------------------------------------------------
// Members (case workers only). Never contactPhone or contactEmail here.

export const memberRow: Selection = `id pseudonym workSetting createdAt alertAreas { ${FORCE} }`;

export const memberRecord: Selection = `
  id pseudonym workSetting policeContactRoute emailAlerts createdAt updatedAt
  alertAreas { ${FORCE} }`;

/** Read on demand only, after the case worker asks (and the server logs the read). */
export const MEMBER_CONTACT = 'id contactPhone contactEmail';

// ---------------------------------------------------------------------------------------------
// Alerts. Everyone who may see an alert reads its public face; case workers and managers also
// read the work behind it (author, approver, source reports, the re-identification findings,
// computed on every read, and the findings kept with their reasons). Never for police or admins.

const ALERT_ROW = `
  id title status publishedAt expiresAt createdAt
  targetAreas { ${FORCE} }`;

const ALERT_STAFF_ROW = `${ALERT_ROW} authorName approvedAt`;

const ALERT_RECORD = `
  ${ALERT_ROW}
  body incidentTypes withdrawnAt withdrawalReason updatedAt
  shownIdentifiers { kind value }
  onBehalfOf { ${FORCE} }`;

export const ALERT_FINDING = 'kind code excerpt field message';

const ALERT_STAFF_RECORD = `
  ${ALERT_RECORD}
  authorName approverName approvedAt
  sourceReports { id reference identifiers { kind value } }
  findings { ${ALERT_FINDING} }
  overrides { code reason byName at }
  deliveries { pending sent failed }`;

const isReportStaff = (role: Role | undefined) => role === 'CASE_WORKER' || role === 'MANAGER';

export const alertRow: Selection = (role) => (isReportStaff(role) ? ALERT_STAFF_ROW : ALERT_ROW);

/** A whole alert: its page, the editor, and the answer to every alert mutation. */
export const alertRecord: Selection = (role) => (isReportStaff(role) ? ALERT_STAFF_RECORD : ALERT_RECORD);

/** The source reports the editor offers identifiers from (staff). */
export const ALERT_SOURCE_REPORT = 'id reference identifiers { kind value }';

export const ACCESS_EVENT = `id at kind actorRole fields actor { ${USER} }`;

export function selectionFor(selection: Selection, role: Role | undefined): string {
  return typeof selection === 'function' ? selection(role) : selection;
}

// ---------------------------------------------------------------------------------------------
// Funding and training. Staff read every record; a police partner reads every field of their own
// force's records (the server lists nothing else), so one selection serves every role.

export const FUNDER = `id name kind force { ${FORCE} }`;

export const funderRecord: Selection = `${FUNDER} createdAt updatedAt`;

const FUNDING_ROW = `
  id financialYear amountPence purpose receivedOn agreementReference
  funder { ${FUNDER} }`;

export const fundingRecordRow: Selection = FUNDING_ROW;

export const fundingRecordRecord: Selection = `${FUNDING_ROW} notes createdAt updatedAt`;

export const TRAINING_FEEDBACK = `
  id responses intendToUse createdAt updatedAt
  concernsBefore { theme count }
  concernsAfter { theme count }`;

/** Trainers' names are for staff: a police partner reads only whether an expert by experience led it. */
const trainers = (role: Role | undefined) => (role === 'POLICE_PARTNER' ? 'trainers { expertByExperience }' : 'trainers { name expertByExperience }');

const TRAINING_SESSION_ROW = (role: Role | undefined) => `
  id date financialYear programme format location officersAttending
  forces { ${FORCE} }
  ${trainers(role)}
  feedback { id responses intendToUse }`;

export const trainingSessionRow: Selection = TRAINING_SESSION_ROW;

/** A whole session: its page, the editor, and the answer to every session mutation. */
export const TRAINING_SESSION_RECORD = (role: Role | undefined) => `
  id date financialYear programme format location notes officersAttending createdAt updatedAt
  forces { ${FORCE} }
  ${trainers(role)}
  feedback { ${TRAINING_FEEDBACK} }`;

export const trainingSessionRecord: Selection = TRAINING_SESSION_RECORD;

export const TRAINING_INVITATION = `
  id programme status invitedOn acceptedOn declinedOn deliveredOn notes createdAt updatedAt
  force { ${FORCE} }
  session { id date programme }`;

export const trainingInvitationRecord: Selection = TRAINING_INVITATION;

// ---------------------------------------------------------------------------------------------
// Users

const USER_RECORD = 'id email name role active deactivatedAt lastLoginAt createdAt updatedAt force { id name }';

/**
 * An account. Whether it uses two-factor sign-in is for administrators only (and the account
 * holder, on the account security page); `twoFactor` (recovery codes left) is never listed.
 */
export const userRecord: Selection = (role) => (role === 'ADMIN' ? `${USER_RECORD} twoFactorEnabled` : USER_RECORD);
