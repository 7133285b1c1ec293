import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';

export interface UserRef {
  id: string;
  name: string;
}

export interface CaseNote {
  id: string;
  body: string;
  createdAt: string;
  author?: UserRef | null;
}

export interface SupportAction {
  id: string;
  kind: string;
  agency?: string | null;
  status: string;
  note?: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy?: UserRef | null;
}

export interface PoliceContact {
  id: string;
  contactDate: string;
  officer?: string | null;
  crimeReference?: string | null;
  summary: string;
  createdAt: string;
  force: { id: string; name: string };
  recordedBy?: UserRef | null;
}

export interface CaseRecord extends RaRecord {
  status: string;
  openedAt: string;
  updatedAt: string;
  closedAt?: string | null;
  outcome?: string | null;
  allowedTransitions?: string[];
  assignee?: UserRef | null;
  report: {
    id: string;
    reference?: string | null;
    incidentTypes?: string[] | null;
    forceArea?: { id: string; name: string } | null;
    consent?: { police: string; alerts: boolean } | null;
  };
  notes?: CaseNote[];
  supportActions?: SupportAction[];
  policeContacts?: PoliceContact[];
}

/** Statuses in the order a case moves through them (the schema lists them alphabetically). */
const STATUS_ORDER = ['OPEN', 'ACTIVE', 'AWAITING_MEMBER', 'POLICE_LIAISON', 'CLOSED'];
export const caseStatusChoices = [...enumChoices('CaseStatus')].sort(
  (a, b) => STATUS_ORDER.indexOf(a.id) - STATUS_ORDER.indexOf(b.id),
);
export const supportKindChoices = enumChoices('SupportKind');
const SUPPORT_STATUS_ORDER = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DECLINED'];
export const supportStatusChoices = [...enumChoices('SupportStatus')].sort(
  (a, b) => SUPPORT_STATUS_ORDER.indexOf(a.id) - SUPPORT_STATUS_ORDER.indexOf(b.id),
);

/** "Case LN-2026-000123": a case is known by its report's reference. */
export const caseRepresentation = (record: CaseRecord) => record.report?.reference ?? String(record.id);
