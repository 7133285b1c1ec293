import type { RaRecord } from 'react-admin';
import { flatExporter } from '../../components/csv';
import { penceToPoundsText } from '../../components/money';
import { enumChoices } from '../../providers/schema';
import type { Funder } from '../funders/funder';
import { enumLabel } from '../../components/enumLabel';

export interface FundingRecord extends RaRecord {
  financialYear: string;
  amountPence: number;
  purpose: string;
  receivedOn?: string | null;
  agreementReference?: string | null;
  notes?: string | null;
  funder: Funder;
  createdAt?: string;
  updatedAt?: string;
}

/** Purposes in the order of the charity's accounts (the schema lists them alphabetically). */
const PURPOSE_ORDER = ['CORE_REPORTING_AND_ALERTING', 'CASE_WORK', 'TRAINING', 'OTHER'];
export const fundingPurposeChoices = [...enumChoices('FundingPurpose')].sort(
  (a, b) => PURPOSE_ORDER.indexOf(a.id) - PURPOSE_ORDER.indexOf(b.id),
);

/**
 * The funding list as a CSV file: exactly its columns (never the notes, which the list does not
 * show), the amount both in pounds and in pence.
 */
export const fundingRecordExporter = flatExporter<FundingRecord>('lantern-funding', (r) => ({
  'Financial year': r.financialYear,
  Funder: r.funder?.name,
  Purpose: enumLabel('FundingPurpose', r.purpose),
  'Amount (£)': penceToPoundsText(r.amountPence),
  'Amount (pence)': r.amountPence,
  Received: r.receivedOn ?? '',
  'Agreement reference': r.agreementReference ?? '',
}));

export const fundingRecordRepresentation = (r: FundingRecord) =>
  `${r.funder?.name ?? ''} ${r.financialYear ?? ''}`.trim() || String(r.id);
