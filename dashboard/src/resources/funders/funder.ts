import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';
import type { ForceRef } from '../reports/report';

export interface Funder extends RaRecord {
  name: string;
  kind: string;
  force?: ForceRef | null;
  createdAt?: string;
  updatedAt?: string;
}

/** Kinds of funder, police forces first (the schema lists them alphabetically). */
const KIND_ORDER = ['POLICE_FORCE', 'CHARITY', 'TRUST_OR_FOUNDATION', 'PUBLIC_BODY', 'COMPANY', 'OTHER'];
export const funderKindChoices = [...enumChoices('FunderKind')].sort((a, b) => KIND_ORDER.indexOf(a.id) - KIND_ORDER.indexOf(b.id));

/** Only a police-force funder names a force: clear it for every other kind before saving. */
export const forceOnlyForPoliceFunder = <T extends Partial<Funder>>(data: T): T =>
  data.kind === 'POLICE_FORCE' ? data : { ...data, force: null };
