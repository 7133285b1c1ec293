import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';
import type { ForceRef } from '../reports/report';

export interface AlertIdentifier {
  kind: string;
  value: string;
}

/** Something in the alert's text that could identify the reporter (staff; computed on every read). */
export interface AlertFinding {
  kind: string;
  code: string;
  excerpt: string;
  field: string;
  message: string;
}

/** A finding kept on purpose, with the reason given when the alert was submitted. */
export interface AlertOverride {
  code: string;
  reason: string;
  byName: string;
  at: string;
}

export interface Alert extends RaRecord {
  title: string;
  body?: string;
  status: string;
  incidentTypes?: string[];
  shownIdentifiers?: AlertIdentifier[];
  targetAreas?: ForceRef[];
  onBehalfOf?: ForceRef | null;
  publishedAt?: string | null;
  expiresAt?: string | null;
  withdrawnAt?: string | null;
  withdrawalReason?: string | null;
  createdAt?: string;
  updatedAt?: string;
  // staff only (CASE_WORKER, MANAGER): absent for police and admins
  authorName?: string | null;
  approverName?: string | null;
  approvedAt?: string | null;
  sourceReports?: { id: string; reference: string; identifiers: AlertIdentifier[] }[] | null;
  findings?: AlertFinding[] | null;
  overrides?: AlertOverride[] | null;
  /** E-mail deliveries (publication and withdrawal). */
  deliveries?: { pending: number; sent: number; failed: number } | null;
}

/** Statuses in the order an alert moves through them (the schema lists them alphabetically). */
const STATUS_ORDER = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'WITHDRAWN', 'EXPIRED'];
export const alertStatusChoices = [...enumChoices('AlertStatus')].sort(
  (a, b) => STATUS_ORDER.indexOf(a.id) - STATUS_ORDER.indexOf(b.id),
);

/** Pending review and approved by a manager: ready to publish (the API has no status of its own for it). */
export const isApproved = (alert: Pick<Alert, 'status' | 'approvedAt' | 'approverName'>) =>
  alert.status === 'PENDING_REVIEW' && Boolean(alert.approvedAt || alert.approverName);

/** The translation key of the status a person reads: "Approved" for an approved pending alert. */
export const alertStatusLabel = (alert: Pick<Alert, 'status' | 'approvedAt' | 'approverName'>) =>
  isApproved(alert) ? 'lantern.alerts.approved_status' : `lantern.enums.AlertStatus.${alert.status}`;

/** An identifier as one string (a checkbox's id). */
export const identifierKey = (identifier: AlertIdentifier) => `${identifier.kind}|${identifier.value}`;

export function identifierFromKey(key: string): AlertIdentifier {
  const at = key.indexOf('|');
  return { kind: key.slice(0, at), value: key.slice(at + 1) };
}

export const alertRepresentation = (record: Alert) => record.title || String(record.id);
