/** The server's vocabulary in plain words (short, never blaming). */

export type IncidentType = 'VIOLENCE' | 'RAPE' | 'SEXUAL_ASSAULT' | 'ROBBERY' | 'THREATS' | 'HARASSMENT' | 'STALKING' | 'OUTING' | 'FRAUD' | 'OTHER';
export type IdentifierKind = 'PHONE' | 'EMAIL' | 'VEHICLE' | 'HANDLE' | 'NAME';
export type PoliceConsent = 'NONE' | 'ANONYMOUS_INTELLIGENCE' | 'FULL';
export type CaseStatus = 'OPEN' | 'ACTIVE' | 'AWAITING_MEMBER' | 'POLICE_LIAISON' | 'CLOSED';
export type WorkSetting = 'STREET' | 'OFF_STREET_INDEPENDENT' | 'AGENCY_PARLOUR' | 'ONLINE' | 'OTHER';
export type Nation = 'ENGLAND' | 'WALES' | 'SCOTLAND' | 'NORTHERN_IRELAND' | 'GREAT_BRITAIN';

export const INCIDENT_TYPES: { value: IncidentType; label: string }[] = [
  { value: 'VIOLENCE', label: 'They hurt me or attacked me' },
  { value: 'RAPE', label: 'Rape' },
  { value: 'SEXUAL_ASSAULT', label: 'Sexual assault, or sex I did not agree to' },
  { value: 'ROBBERY', label: 'They robbed me or stole from me' },
  { value: 'THREATS', label: 'They threatened me' },
  { value: 'HARASSMENT', label: 'They harassed me (calls, messages, abuse)' },
  { value: 'STALKING', label: 'They followed me or keep turning up' },
  { value: 'OUTING', label: 'They outed me or shared my details' },
  { value: 'FRAUD', label: 'They did not pay, or paid with fake money' },
  { value: 'OTHER', label: 'Something else' },
];

/** Short names, for lists. */
export const INCIDENT_SHORT: Record<IncidentType, string> = {
  VIOLENCE: 'Violence',
  RAPE: 'Rape',
  SEXUAL_ASSAULT: 'Sexual assault',
  ROBBERY: 'Robbery or theft',
  THREATS: 'Threats',
  HARASSMENT: 'Harassment',
  STALKING: 'Stalking',
  OUTING: 'Outing or sharing details',
  FRAUD: 'Non-payment or fraud',
  OTHER: 'Something else',
};

export const IDENTIFIER_KINDS: { value: IdentifierKind; label: string; hint: string; inputMode: 'tel' | 'email' | 'text' }[] = [
  { value: 'PHONE', label: 'Phone number', hint: 'For example 07700 900123', inputMode: 'tel' },
  { value: 'EMAIL', label: 'E-mail address', hint: 'For example name@example.com', inputMode: 'email' },
  { value: 'VEHICLE', label: 'Car registration', hint: 'For example AB12 CDE', inputMode: 'text' },
  { value: 'HANDLE', label: 'Online name or handle', hint: 'On a website or app', inputMode: 'text' },
  { value: 'NAME', label: 'A name they used', hint: 'Even if it may not be real', inputMode: 'text' },
];

export const identifierLabel = (kind: IdentifierKind): string => IDENTIFIER_KINDS.find((k) => k.value === kind)?.label ?? kind;

export const WORK_SETTINGS: { value: WorkSetting; label: string }[] = [
  { value: 'OFF_STREET_INDEPENDENT', label: 'Indoors, on my own (flat, hotel, outcalls)' },
  { value: 'AGENCY_PARLOUR', label: 'Through an agency, parlour or brothel' },
  { value: 'STREET', label: 'On the street' },
  { value: 'ONLINE', label: 'Online only (webcam, content, chat)' },
  { value: 'OTHER', label: 'Something else, or I would rather not say' },
];

export const CASE_STATUS: Record<CaseStatus | 'NONE', string> = {
  NONE: 'Received. Our team will look at it soon.',
  OPEN: 'Our team has it and will be in touch if you asked us to.',
  ACTIVE: 'Our team is working on it.',
  AWAITING_MEMBER: 'We are waiting to hear from you.',
  POLICE_LIAISON: 'We are talking to the police about it, as you agreed.',
  CLOSED: 'Closed. You can still change what you agreed to share.',
};

export const NATIONS: { value: Nation; label: string }[] = [
  { value: 'ENGLAND', label: 'England' },
  { value: 'WALES', label: 'Wales' },
  { value: 'SCOTLAND', label: 'Scotland' },
  { value: 'NORTHERN_IRELAND', label: 'Northern Ireland' },
  { value: 'GREAT_BRITAIN', label: 'Across Great Britain' },
];

/** What the police may do, in one line each. */
export const POLICE_LEVEL: Record<PoliceConsent, string> = {
  NONE: 'The police cannot see this report.',
  ANONYMOUS_INTELLIGENCE: 'The police for the area can see it without your name or details.',
  FULL: 'You want to talk to the police, with us alongside you.',
};

/** Parts of a report a police read may have covered. */
const READ_FIELDS: Record<string, string> = {
  reference: 'the reference',
  receivedAt: 'when you told us',
  incidentDate: 'the date',
  forceArea: 'the area',
  incidentTypes: 'what happened (the type)',
  identifiers: 'the details about the person (like a phone number)',
  policeSummary: 'our summary for the police, if there was one',
  consent: 'what you agreed to',
  policeContactRoute: 'how they can reach you through us',
};

export function readFieldsInWords(fields: string[]): string {
  const words = [...new Set(fields.filter((f) => !['id', 'createdAt', 'updatedAt', '__typename'].includes(f)).map((f) => READ_FIELDS[f] ?? f))];
  return words.length ? words.join(', ') : 'the report';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** Today as YYYY-MM-DD in the member's own time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
