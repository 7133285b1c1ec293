import type { RaRecord } from 'react-admin';
import { enumChoices } from '../../providers/schema';

export interface ForceRef {
  id: string;
  name?: string;
}

export interface ReportIdentifier {
  id?: string;
  kind: string;
  value: string;
}

export interface Consent {
  id?: string;
  police: string;
  alerts: boolean;
  statistics: boolean;
  method?: string;
  recordedAt?: string;
  withdrawnAt?: string | null;
  recordedByName?: string | null;
}

export interface ConsentEvent {
  id: string;
  at: string;
  actorRole?: string | null;
  actorName?: string | null;
  method: string;
  previousPolice?: string | null;
  police: string;
  previousAlerts?: boolean | null;
  alerts: boolean;
  previousStatistics?: boolean | null;
  statistics: boolean;
  note?: string | null;
}

export interface LinkedReport extends RaRecord {
  reference?: string | null;
  receivedAt?: string | null;
  incidentDate?: string | null;
  incidentTypes?: string[] | null;
  forceArea?: ForceRef | null;
  identifiers?: ReportIdentifier[] | null;
}

export interface Report extends RaRecord {
  reference?: string | null;
  receivedAt?: string | null;
  channel?: string | null;
  incidentDate?: string | null;
  forceArea?: ForceRef | null;
  incidentTypes?: string[] | null;
  location?: string | null;
  narrative?: string | null;
  policeSummary?: string | null;
  perpetratorDescription?: string | null;
  status?: string | null;
  identifiers?: ReportIdentifier[] | null;
  member?: { id: string; pseudonym?: string | null } | null;
  consent?: Consent | null;
  consentHistory?: ConsentEvent[] | null;
  case?: { id: string; status: string; openedAt?: string } | null;
  caseStatus?: string | null;
  linkedReports?: LinkedReport[] | null;
  sharedWith?: ForceRef[] | null;
  policeReads?: PoliceRead[] | null;
}

/** One police read of a report (the access log, as staff and the member see it). */
export interface PoliceRead {
  at: string;
  fields: string[];
  force: ForceRef;
}

export const channelChoices = enumChoices('Channel');
export const incidentTypeChoices = enumChoices('IncidentType');
export const policeConsentChoices = enumChoices('PoliceConsent');
export const consentMethodChoices = enumChoices('ConsentMethod');
export const identifierKindChoices = enumChoices('IdentifierKind');
export const reportStatusChoices = enumChoices('ReportStatus');
export const caseStatusChoices = enumChoices('CaseStatus');

/** From least to most shared, as a case worker reads them out on the phone. */
const POLICE_CONSENT_ORDER = ['NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL'];
export const orderedPoliceConsentChoices = [...policeConsentChoices].sort(
  (a, b) => POLICE_CONSENT_ORDER.indexOf(a.id) - POLICE_CONSENT_ORDER.indexOf(b.id),
);

/** The levels at which police may read a report: what a police partner ever sees. */
export const policeVisibleConsentChoices = orderedPoliceConsentChoices.filter((choice) => choice.id !== 'NONE');

/** Channels in the order intake happens most: phone first. */
const CHANNEL_ORDER = ['PHONE', 'EMAIL', 'OUTREACH', 'THIRD_PARTY', 'WEB'];
export const orderedChannelChoices = [...channelChoices].sort(
  (a, b) => CHANNEL_ORDER.indexOf(a.id) - CHANNEL_ORDER.indexOf(b.id),
);

/** Incident types in the order of DESIGN.md (the schema lists them alphabetically). */
const INCIDENT_ORDER = ['VIOLENCE', 'RAPE', 'SEXUAL_ASSAULT', 'ROBBERY', 'THREATS', 'HARASSMENT', 'STALKING', 'OUTING', 'FRAUD', 'OTHER'];
export const orderedIncidentTypeChoices = [...incidentTypeChoices].sort(
  (a, b) => INCIDENT_ORDER.indexOf(a.id) - INCIDENT_ORDER.indexOf(b.id),
);

/** The identifiers two reports share (same kind, same normalised value). */
export function sharedIdentifiers(mine: ReportIdentifier[] | null | undefined, theirs: ReportIdentifier[] | null | undefined): ReportIdentifier[] {
  const keys = new Set((mine ?? []).map((i) => `${i.kind}|${i.value}`));
  return (theirs ?? []).filter((i) => keys.has(`${i.kind}|${i.value}`));
}

/** Today in the charity's time zone, as `YYYY-MM-DD` (the latest incident date allowed). */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
