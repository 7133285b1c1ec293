/**
 * What each role may do in the dashboard: a courtesy mirror of the server's policy
 * (server/src/policy/), so that menus and buttons a role may not use are not shown.
 * The server is the guard; this table only decides what to display.
 *
 * Deny by default: a resource or action with no row here is refused.
 * To add a resource, add a row to ACCESS with the roles allowed for each react-admin action.
 */
export const ROLES = ['ADMIN', 'MANAGER', 'CASE_WORKER', 'POLICE_PARTNER', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The actions react-admin asks about (views and buttons), and `review`: a second person's
 * decision on someone else's work (approving an alert, or returning it to draft).
 */
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'review'] as const;
export type Action = (typeof ACTIONS)[number];

export type AccessRow = Readonly<Partial<Record<Action, readonly Role[]>>>;

const STAFF: readonly Role[] = ['ADMIN', 'MANAGER', 'CASE_WORKER'];
const STAFF_AND_POLICE: readonly Role[] = [...STAFF, 'POLICE_PARTNER'];
const CASE_WORKER: readonly Role[] = ['CASE_WORKER'];
const POLICE: readonly Role[] = ['POLICE_PARTNER'];
const MANAGER: readonly Role[] = ['MANAGER'];
/** Report data and case work: case workers, and managers read-only. Not admins. */
const REPORT_STAFF: readonly Role[] = ['CASE_WORKER', 'MANAGER'];
/** Reports, and police requests: the report staff, and police partners (scoped by the server). */
const REPORT_STAFF_AND_POLICE: readonly Role[] = [...REPORT_STAFF, 'POLICE_PARTNER'];

// resource  -> action -> roles allowed
export const ACCESS: Readonly<Record<string, AccessRow>> = {
  users: {
    list: STAFF,
    show: STAFF,
    create: ['ADMIN'],
    edit: ['ADMIN'],
    delete: ['ADMIN'], // "Deactivate": the server's deactivateUser
  },
  forces: {
    list: STAFF, // police have no forces list: "My force" (LanternMenu) opens their own force's page
    show: STAFF_AND_POLICE,
  },
  reports: {
    // police: only their force's (or shared) reports the member consented to, police-safe
    // fields only (selections.ts); a MANAGER reads no member and no contact details
    list: REPORT_STAFF_AND_POLICE,
    show: REPORT_STAFF_AND_POLICE,
    create: CASE_WORKER,
    edit: CASE_WORKER, // also "Change consent" (setReportConsent), "Share with a force", "Stop sharing"
  },
  cases: {
    list: REPORT_STAFF,
    show: REPORT_STAFF,
    create: CASE_WORKER, // "Open a case" (openCase)
    edit: CASE_WORKER, // the case page's actions: status, assignee, notes, support, police contacts
  },
  members: {
    list: CASE_WORKER,
    show: CASE_WORKER, // contact details only on demand, each read logged
  },
  policeRequests: {
    list: REPORT_STAFF_AND_POLICE, // officers: their own force's requests only (the server scopes it)
    show: REPORT_STAFF_AND_POLICE,
    create: POLICE, // createPoliceRequest
    edit: CASE_WORKER, // "Ask the member", "Answer", "Decline"; managers read only
  },
  alerts: {
    // admins and police: published alerts only (police also drafts on behalf of their force),
    // never the staff fields (author, source reports, findings, overrides: selections.ts)
    list: STAFF_AND_POLICE,
    show: STAFF_AND_POLICE,
    create: REPORT_STAFF, // createAlert
    edit: REPORT_STAFF, // a draft (updateAlert), "Submit for review", "Publish" once approved, "Withdraw"
    review: MANAGER, // "Approve" (never the author: the server refuses), "Return to draft"
  },
  // Funding and training (DESIGN.md): managers keep the records; case workers and admins read
  // them; a police partner reads only their own force's (the server scopes every list and total).
  funders: {
    list: STAFF, // an officer's only funder is their own force: they see its funding instead
    show: STAFF_AND_POLICE,
    create: MANAGER,
    edit: MANAGER,
  },
  fundingRecords: {
    list: STAFF_AND_POLICE,
    show: STAFF_AND_POLICE,
    create: MANAGER,
    edit: MANAGER,
    delete: MANAGER, // deleteFundingRecord: a record entered by mistake
  },
  trainingSessions: {
    list: STAFF_AND_POLICE, // police: the sessions their force attended
    show: STAFF_AND_POLICE,
    create: MANAGER,
    edit: MANAGER, // also "Record feedback" (recordTrainingFeedback)
    delete: MANAGER,
  },
  trainingInvitations: {
    list: STAFF_AND_POLICE, // police: their own force's invitations
    show: STAFF_AND_POLICE,
    create: MANAGER, // createTrainingInvitation
    edit: MANAGER, // "Accepted", "Declined", "Delivered" (moveTrainingInvitation)
  },
  // Retention: legal holds (placed from a member's, report's or case's page by any staff; released
  // by managers and admins) and the audit trail (ids only; admins and managers).
  legalHolds: {
    list: STAFF,
    create: STAFF, // placeLegalHold
    edit: ['ADMIN', 'MANAGER'], // releaseLegalHold
  },
  auditEvents: {
    list: ['ADMIN', 'MANAGER'],
  },
  // Not a resource: the impact figures of the dashboard and the annual summary
  // (impactStatistics: every force's data, so staff only; police get their own force's totals).
  impact: {
    list: STAFF,
  },
};

export interface AccessRequest {
  action: string;
  resource: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** May `role` perform `action` on `resource` in the dashboard? Pure; false unless a row allows it. */
export function canAccess(role: unknown, { action, resource }: AccessRequest): boolean {
  if (!isRole(role) || !Object.hasOwn(ACCESS, resource)) return false;
  const row = ACCESS[resource];
  if (!Object.hasOwn(row, action)) return false;
  return row[action as Action]?.includes(role) ?? false;
}

/** Does `role` have anything at all to do in the dashboard? (MEMBER does not.) */
export function hasDashboardAccess(role: unknown): boolean {
  return Object.keys(ACCESS).some((resource) => canAccess(role, { action: 'list', resource }));
}
