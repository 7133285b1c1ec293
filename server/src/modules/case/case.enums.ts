import { registerEnumType } from 'type-graphql';

export enum CaseStatus {
  OPEN = 'OPEN',
  ACTIVE = 'ACTIVE',
  AWAITING_MEMBER = 'AWAITING_MEMBER',
  POLICE_LIAISON = 'POLICE_LIAISON',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatus, { name: 'CaseStatus' });

/** The legal moves between statuses. Anything else is CONFLICT. CLOSED -> ACTIVE reopens. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  OPEN: [CaseStatus.ACTIVE, CaseStatus.CLOSED],
  ACTIVE: [CaseStatus.AWAITING_MEMBER, CaseStatus.POLICE_LIAISON, CaseStatus.CLOSED],
  AWAITING_MEMBER: [CaseStatus.ACTIVE, CaseStatus.POLICE_LIAISON, CaseStatus.CLOSED],
  POLICE_LIAISON: [CaseStatus.ACTIVE, CaseStatus.AWAITING_MEMBER, CaseStatus.CLOSED],
  CLOSED: [CaseStatus.ACTIVE],
};

export enum SupportKind {
  SAFETY_PLANNING = 'SAFETY_PLANNING',
  EMOTIONAL_SUPPORT = 'EMOTIONAL_SUPPORT',
  HEALTH = 'HEALTH',
  HOUSING = 'HOUSING',
  LEGAL = 'LEGAL',
  ISVA_REFERRAL = 'ISVA_REFERRAL',
  REFERRAL = 'REFERRAL',
  OTHER = 'OTHER',
}
registerEnumType(SupportKind, { name: 'SupportKind', description: 'A support action or a referral (ISVA: independent sexual violence adviser)' });

export enum SupportStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DECLINED = 'DECLINED',
}
registerEnumType(SupportStatus, { name: 'SupportStatus' });
