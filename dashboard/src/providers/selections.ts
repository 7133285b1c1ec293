import type { Role } from './canAccess';

/**
 * What the dashboard reads of each record, per role, for the resources where "every field one
 * level down" (buildQuery's default) would be wrong:
 * - a role is never asked for a field the policy refuses it (a MANAGER may not read
 *   `Report.member`), so the server has nothing to refuse and logs no refusals;
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

const REPORT_ROW = `
  id reference receivedAt incidentDate channel status incidentTypes caseStatus
  forceArea { ${FORCE} }
  consent { id police alerts statistics withdrawnAt }`;

export const CONSENT_EVENT =
  'id at actorRole actorName method previousPolice police previousAlerts alerts previousStatistics statistics note';

/** A report as a row of a list (the reports list, a member's reports, a linked report). */
export const reportRow: Selection = REPORT_ROW;

/** A whole report: every tab of the report page, and the answer to create/update. */
export const reportRecord: Selection = (role) => `
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
  ${role === 'CASE_WORKER' ? 'member { id pseudonym }' : ''}`;

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
// Members (case workers only). Never contactPhone or contactEmail here.

export const memberRow: Selection = `id pseudonym workSetting createdAt alertAreas { ${FORCE} }`;

export const memberRecord: Selection = `
  id pseudonym workSetting policeContactRoute emailAlerts createdAt updatedAt
  alertAreas { ${FORCE} }`;

/** Read on demand only, after the case worker asks (and the server logs the read). */
export const MEMBER_CONTACT = 'id contactPhone contactEmail';

export const ACCESS_EVENT = `id at kind actorRole fields actor { ${USER} }`;

export function selectionFor(selection: Selection, role: Role | undefined): string {
  return typeof selection === 'function' ? selection(role) : selection;
}
