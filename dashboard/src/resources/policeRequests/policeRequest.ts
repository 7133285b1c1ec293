import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';
import type { ForceRef } from '../reports/report';

/** A report attached to a request: the police-safe fields only, whoever reads them. */
export interface AttachedReport extends RaRecord {
  reference?: string | null;
  receivedAt?: string | null;
  incidentDate?: string | null;
  incidentTypes?: string[] | null;
  forceArea?: ForceRef | null;
  consent?: { police: string } | null;
}

export interface PoliceRequest extends RaRecord {
  createdAt: string;
  updatedAt?: string;
  force: ForceRef;
  kind: string;
  status: string;
  question: string;
  identifierKind?: string | null;
  identifierValue?: string | null;
  crimeReference?: string | null;
  reply?: string | null;
  answeredAt?: string | null;
  requestedByName?: string | null;
  reports?: AttachedReport[];
}

/** Request types in the order an officer is most likely to need them. */
const KIND_ORDER = ['IDENTIFIER_INTELLIGENCE', 'INCIDENT_INTELLIGENCE', 'ALERT'];
export const policeRequestKindChoices = [...enumChoices('PoliceRequestKind')].sort(
  (a, b) => KIND_ORDER.indexOf(a.id) - KIND_ORDER.indexOf(b.id),
);

/** Statuses in the order a request moves through them (the schema lists them alphabetically). */
const STATUS_ORDER = ['OPEN', 'WITH_MEMBER', 'ANSWERED', 'DECLINED'];
export const policeRequestStatusChoices = [...enumChoices('PoliceRequestStatus')].sort(
  (a, b) => STATUS_ORDER.indexOf(a.id) - STATUS_ORDER.indexOf(b.id),
);


/** "Has anyone reported 07700 900123 since…": a request is known by the start of its question. */
export const policeRequestRepresentation = (record: PoliceRequest) => {
  const question = (record.question ?? '').replace(/\s+/g, ' ').trim();
  return question.length > 60 ? `${question.slice(0, 59)}…` : question || String(record.id);
};
