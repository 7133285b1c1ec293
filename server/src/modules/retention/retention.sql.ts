import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../audit/audit';

/** What replaces free text that must stay non-null (a report's narrative, a case note, a police-contact summary). */
export const ANONYMISED = '[anonymised]';

/**
 * Every retention or erasure transaction holds this advisory lock shared; placing a legal hold
 * takes it exclusively. So a hold placed while a batch runs waits for the batch to commit, and
 * every batch that starts after it sees it: no batch ever anonymises under a hold it missed.
 */
export const LEGAL_HOLD_LOCK = 7_465_2001;

/**
 * Opens a retention transaction: the shared legal-hold lock, and `lantern.retention` on (for
 * this transaction only), which the append-only triggers of case notes, consent events and access
 * events require before they allow the narrow changes retention makes.
 */
export async function beginRetention(tx: EntityManager): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock_shared(?), set_config('lantern.retention', 'on', true)`, [LEGAL_HOLD_LOCK]);
}

/** SQL: a legal hold in force covers this member (`m`): on them, or on any report of theirs. */
export const memberHeld = (m: string) =>
  `exists (select 1 from legal_hold h where h.released_at is null
            and (h.member_id = ${m}.id or h.report_id in (select hr.id from report hr where hr.member_id = ${m}.id)))`;

/** SQL: a legal hold in force covers this report (`r`): on it, or on its member. */
export const reportHeld = (r: string) =>
  `exists (select 1 from legal_hold h where h.released_at is null
            and (h.report_id = ${r}.id or (${r}.member_id is not null and h.member_id = ${r}.member_id)))`;

const MEMBER_ACCOUNTS = `select u.id from app_user u where u.role = 'MEMBER'`;

/**
 * Removes the personal details of these reports, in set-based statements (however many reports):
 * narrative, location, police summary, perpetrator description, the member link and a member's
 * own account as creator or consent recorder, the case outcome, case notes, support-action notes,
 * police-contact summaries, officers and crime references, consent-event notes, and the reasons
 * of released legal holds. The incident and received dates are kept to their month (in London
 * time, so a report stays in its financial year). What remains: reference, month, force area,
 * incident types, channel, status, consent levels and perpetrator identifiers (repeat
 * perpetrators are still seen, and warned about). The caller holds the rows locked.
 */
export async function anonymiseReports(tx: EntityManager, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const arr = uuidArray(ids);
  const cases = `select cf.id from case_file cf where cf.report_id = any(?::uuid[])`;
  await tx.execute(
    `update consent set recorded_by_id = null
      where id in (select r.consent_id from report r where r.id = any(?::uuid[])) and recorded_by_id in (${MEMBER_ACCOUNTS})`,
    [arr],
  );
  await tx.execute(
    `update consent_event set note = null, actor_id = case when actor_id in (${MEMBER_ACCOUNTS}) then null else actor_id end
      where report_id = any(?::uuid[]) and (note is not null or actor_id in (${MEMBER_ACCOUNTS}))`,
    [arr],
  );
  await tx.execute(
    `update report r set
        narrative = ?, location = null, police_summary = null, perpetrator_description = null, idempotency_key = null,
        incident_date = date_trunc('month', r.incident_date)::date,
        received_at = date_trunc('month', r.received_at at time zone 'Europe/London') at time zone 'Europe/London',
        member_id = null,
        created_by_id = case when r.created_by_id in (${MEMBER_ACCOUNTS}) then null else r.created_by_id end,
        anonymised_at = coalesce(r.anonymised_at, ?)
      where r.id = any(?::uuid[])`,
    [ANONYMISED, now, arr],
  );
  await tx.execute(`update case_file set outcome = null where report_id = any(?::uuid[]) and outcome is not null`, [arr]);
  await tx.execute(`update case_note set body = ? where case_file_id in (${cases}) and body <> ?`, [ANONYMISED, arr, ANONYMISED]);
  await tx.execute(`update support_action set note = null where case_file_id in (${cases}) and note is not null`, [arr]);
  await tx.execute(
    `update police_contact set summary = ?, officer = null, crime_reference = null
      where case_file_id in (${cases}) and (summary <> ? or officer is not null or crime_reference is not null)`,
    [ANONYMISED, arr, ANONYMISED],
  );
  await tx.execute(
    `update legal_hold set reason = ?, release_reason = case when release_reason is null then null else ? end
      where report_id = any(?::uuid[]) and released_at is not null and reason <> ?`,
    [ANONYMISED, ANONYMISED, arr, ANONYMISED],
  );
}
