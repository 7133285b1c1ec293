import { registerEnumType } from 'type-graphql';

export enum IncidentType {
  VIOLENCE = 'VIOLENCE',
  RAPE = 'RAPE',
  SEXUAL_ASSAULT = 'SEXUAL_ASSAULT',
  ROBBERY = 'ROBBERY',
  THREATS = 'THREATS',
  HARASSMENT = 'HARASSMENT',
  STALKING = 'STALKING',
  OUTING = 'OUTING',
  FRAUD = 'FRAUD',
  OTHER = 'OTHER',
}
registerEnumType(IncidentType, {
  name: 'IncidentType',
  description: 'ROBBERY is robbery or theft; OUTING is outing or doxxing; FRAUD is fraud or non-payment',
});

export enum Channel {
  WEB = 'WEB',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  OUTREACH = 'OUTREACH',
  THIRD_PARTY = 'THIRD_PARTY',
}
registerEnumType(Channel, { name: 'Channel', description: 'How the report reached the charity' });

export enum ReportStatus {
  NEW = 'NEW',
  TRIAGED = 'TRIAGED',
  CLOSED = 'CLOSED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** Violence, rape or sexual assault: the share the charity publishes. */
export const SERIOUS_VIOLENCE: readonly IncidentType[] = [IncidentType.VIOLENCE, IncidentType.RAPE, IncidentType.SEXUAL_ASSAULT];
