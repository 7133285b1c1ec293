import { registerEnumType } from 'type-graphql';
import { Channel } from '../report/report.enums';

/** What the reporter lets the police have. NONE is the default and the withdrawal. */
export enum PoliceConsent {
  NONE = 'NONE',
  ANONYMOUS_INTELLIGENCE = 'ANONYMOUS_INTELLIGENCE',
  FULL = 'FULL',
}
registerEnumType(PoliceConsent, {
  name: 'PoliceConsent',
  description: 'NONE: nothing reaches the police. ANONYMOUS_INTELLIGENCE: the redacted summary, without who reported. FULL: the member will talk to police, via the contact route they chose',
});

/** How a consent was given or changed (ISO/IEC TS 27560 "collection method"). */
export enum ConsentMethod {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  SELF_SERVICE = 'SELF_SERVICE',
}
registerEnumType(ConsentMethod, { name: 'ConsentMethod' });

/** The consent levels under which a report is visible to police (of its force, or shared). */
export const POLICE_VISIBLE_CONSENT: readonly PoliceConsent[] = [PoliceConsent.ANONYMOUS_INTELLIGENCE, PoliceConsent.FULL];

export const POLICE_CONSENT_RANK: Record<PoliceConsent, number> = { NONE: 0, ANONYMOUS_INTELLIGENCE: 1, FULL: 2 };

/** How consent was most likely given, by the channel the report came in on (a default only). */
export const CONSENT_METHOD_BY_CHANNEL: Readonly<Record<Channel, ConsentMethod>> = {
  WEB: ConsentMethod.SELF_SERVICE,
  PHONE: ConsentMethod.PHONE,
  EMAIL: ConsentMethod.EMAIL,
  OUTREACH: ConsentMethod.IN_PERSON,
  THIRD_PARTY: ConsentMethod.IN_PERSON,
};
