import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';
import type { ForceRef } from '../reports/report';

export interface TrainingInvitation extends RaRecord {
  programme: string;
  status: string;
  invitedOn: string;
  acceptedOn?: string | null;
  declinedOn?: string | null;
  deliveredOn?: string | null;
  notes?: string | null;
  force: ForceRef;
  session?: { id: string; date: string; programme: string } | null;
  createdAt?: string;
  updatedAt?: string;
}

/** Statuses in the order an invitation moves through them (the schema lists them alphabetically). */
const STATUS_ORDER = ['INVITED', 'ACCEPTED', 'DECLINED', 'DELIVERED'];
export const invitationStatusChoices = [...enumChoices('InvitationStatus')].sort(
  (a, b) => STATUS_ORDER.indexOf(a.id) - STATUS_ORDER.indexOf(b.id),
);

/** Where an invitation may go next (the server's INVITATION_TRANSITIONS; it refuses anything else). */
export const INVITATION_NEXT: Readonly<Record<string, readonly string[]>> = {
  INVITED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['DELIVERED', 'DECLINED'],
  DECLINED: ['ACCEPTED'],
  DELIVERED: [],
};

export const invitationRepresentation = (i: TrainingInvitation) => `${i.force?.name ?? ''}: ${i.programme ?? ''}`;
