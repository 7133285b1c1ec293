import { wrap } from '@mikro-orm/core';
import { PoliceConsent, POLICE_VISIBLE_CONSENT } from '../modules/consent/consent.enums';
import type { Report } from '../modules/report/report.entity';
import { isReportView } from '../modules/report/report.read';

/**
 * May an officer of `forceId` read this report now? The same predicate as reportScope's SQL,
 * on a report already loaded in this request (consent is never cached across requests). Anything
 * not loaded counts as "no": the rule fails closed.
 */
export function policeMayRead(report: Report, forceId: string): boolean {
  if (isReportView(report)) {
    // A list view carries the consent as read by this very request, and the shares' force ids.
    return POLICE_VISIBLE_CONSENT.includes(report.consent.police as PoliceConsent) && (report.forceArea.id === forceId || report.sharedForceIds.includes(forceId));
  }
  const consent = report.consent;
  if (!consent || !wrap(consent).isInitialized()) return false;
  if (!POLICE_VISIBLE_CONSENT.includes(consent.police)) return false;
  if (report.forceArea?.id === forceId) return true;
  return report.shares?.isInitialized() === true && report.shares.getItems().some((s) => s.force.id === forceId);
}

/** FULL consent: the member will talk to police, through the contact route they chose. */
export function policeMayContact(report: Report, forceId: string): boolean {
  return policeMayRead(report, forceId) && report.consent.police === PoliceConsent.FULL;
}
