/** Choices for the audit trail's enums, labelled through i18n.ts. */
export const AUDIT_ACTIONS = [
  'CONTACT_ANONYMISED',
  'REPORT_ANONYMISED',
  'ALERT_ARCHIVED',
  'ACCESS_EVENTS_DELETED',
  'IDENTIFIER_CHECKS_DELETED',
  'RATE_LIMIT_BUCKETS_DELETED',
  'IDEMPOTENCY_KEYS_CLEARED',
  'MEMBER_ERASED',
  'ERASURE_DEFERRED',
  'LEGAL_HOLD_PLACED',
  'LEGAL_HOLD_RELEASED',
] as const;
export const AUDIT_ENTITIES = ['MEMBER', 'REPORT', 'ALERT', 'ACCESS_EVENT', 'IDENTIFIER_CHECK', 'RATE_LIMIT_BUCKET'] as const;

export const auditActionChoices = AUDIT_ACTIONS.map((id) => ({ id, name: `lantern.retention.actions.${id}` }));
export const auditEntityChoices = AUDIT_ENTITIES.map((id) => ({ id, name: `lantern.retention.entities.${id}` }));
export const legalHoldTargetChoices = ['MEMBER', 'REPORT'].map((id) => ({ id, name: `lantern.retention.hold.target_${id}` }));
