import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { decrypt } from '../../common/crypto';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity';
import { writeAudit, type AuditActor } from '../audit/audit';
import { hashedKey } from '../rate-limit/rate-limit';
import { anonymiseReports, ANONYMISED, beginRetention, memberHeld } from './retention.sql';

export type ErasureOutcome = 'erased' | 'held' | 'already-erased';

/** What an erased account and member record are left with. */
export const ERASED_NAME = 'Erased member';
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

interface MemberRow {
  id: string;
  user_id: string | null;
  pseudonym: string;
  contact_phone_encrypted: string | null;
  contact_email_encrypted: string | null;
  erased_at: Date | null;
  email: string | null;
}

/**
 * Erasure of a member's account, at their request. In one transaction: every report of theirs is
 * anonymised (retention.sql.ts), and perpetrator identifiers that are in fact the member's own
 * phone, e-mail or name are deleted; the member record keeps no name, contact details, alert
 * areas or work setting; the account keeps no e-mail, name, password or two-factor secret, is
 * deactivated and its token version raised (every session ends); their identifier checks, e-mail
 * deliveries, rate-limit counters and recovery codes are deleted; consent records and events
 * no longer point at the account. What remains is anonymous: the reports' statistics (month,
 * force area, incident types, consent levels) and identifiers of perpetrators, so published
 * figures do not change. The audit trail records it by id.
 *
 * Under a legal hold (on the member or any report of theirs) nothing is erased: the request is
 * recorded (PENDING) for staff, and the retention job carries it out when the hold ends.
 */
export class ErasureService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Pick<Config, 'encryptionKey'>,
  ) {}

  /**
   * Erases now, or (under a legal hold) records the request when `record` is given: the account
   * that asked (the member, or a case worker for them).
   */
  async erase(memberId: string, actor: AuditActor, now = new Date(), record?: { userId: string; role: string }): Promise<ErasureOutcome> {
    return this.em.fork({ clear: true }).transactional(async (tx) => {
      await beginRetention(tx);
      const [m] = await tx.execute<MemberRow[]>(
        `select m.id, m.user_id, m.pseudonym, m.contact_phone_encrypted, m.contact_email_encrypted, m.erased_at, u.email
           from member m left join app_user u on u.id = m.user_id where m.id = ? for update of m`,
        [memberId],
      );
      if (!m || m.erased_at) return 'already-erased';
      const [{ held }] = await tx.execute<{ held: boolean }[]>(`select ${memberHeld('m')} as held from member m where m.id = ?`, [memberId]);
      if (held) {
        if (record) {
          const inserted = await tx.execute<{ id: string }[]>(
            `insert into erasure_request (id, created_at, updated_at, member_id, requested_by_id, requested_by_role, status)
             values (gen_random_uuid(), ?, ?, ?, ?, ?, 'PENDING')
             on conflict (member_id) where status = 'PENDING' do nothing returning id`,
            [now, now, memberId, record.userId, record.role],
          );
          if (inserted.length) await writeAudit(tx, actor, { action: AuditAction.ERASURE_DEFERRED, entityType: AuditEntityType.MEMBER, entityIds: [memberId], schedule: 'erasure' }, now);
        }
        return 'held';
      }

      const reports = (await tx.execute<{ id: string }[]>(`select id from report where member_id = ? order by id for update`, [memberId])).map((r) => r.id);
      // The member's own details, wherever they were typed in as a "perpetrator identifier".
      const own = this.ownValues(m);
      await tx.execute(
        `delete from report_identifier where report_id in (select id from report where member_id = ?)
           and ((kind = 'PHONE' and value in (select jsonb_array_elements_text(?::jsonb)))
             or (kind = 'EMAIL' and lower(value) in (select jsonb_array_elements_text(?::jsonb)))
             or (kind in ('NAME', 'HANDLE') and lower(value) = lower(?)))`,
        [memberId, JSON.stringify(own.phones), JSON.stringify(own.emails), m.pseudonym],
      );
      await anonymiseReports(tx, reports, now);

      await tx.execute(
        `update member set pseudonym = ?, work_setting = 'OTHER', police_contact_route = 'VIA_CASE_WORKER', email_alerts = false,
                contact_phone_encrypted = null, contact_email_encrypted = null,
                contact_anonymised_at = coalesce(contact_anonymised_at, ?), erased_at = ?
          where id = ?`,
        [ERASED_NAME, now, now, memberId],
      );
      await tx.execute(`delete from member_alert_area where member_id = ?`, [memberId]);
      await tx.execute(`delete from alert_delivery where member_id = ?`, [memberId]);
      await tx.execute(
        `update legal_hold set reason = ?, release_reason = case when release_reason is null then null else ? end
          where member_id = ? and released_at is not null`,
        [ANONYMISED, ANONYMISED, memberId],
      );

      if (m.user_id) {
        const userId = m.user_id;
        await tx.execute(
          `update app_user set email = ?, name = ?, password_hash = '!erased', active = false, deactivated_at = ?,
                  token_version = token_version + 1, last_login_at = null, failed_login_count = 0, locked_until = null,
                  totp_secret_encrypted = null, two_factor_enabled_at = null, totp_pending_encrypted = null,
                  totp_pending_expires_at = null, totp_last_step = null
            where id = ?`,
          [erasedEmail(userId), ERASED_NAME, now, userId],
        );
        await tx.execute(`delete from recovery_code where user_id = ?`, [userId]);
        await tx.execute(`delete from identifier_check where user_id = ?`, [userId]);
        await tx.execute(`update consent set recorded_by_id = null where recorded_by_id = ?`, [userId]);
        await tx.execute(`update consent_event set actor_id = null where actor_id = ?`, [userId]);
        await tx.execute(`update report set created_by_id = null where created_by_id = ?`, [userId]);
        const buckets = [`reportsPerMember:${userId}`, ...(m.email ? [`loginPerAccount:${hashedKey(this.config, 'email', m.email)}`] : [])];
        await tx.execute(`delete from rate_limit_bucket where key in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(buckets)]);
      }

      const completed = await tx.execute<{ id: string }[]>(
        `update erasure_request set status = 'COMPLETED', completed_at = ?, updated_at = ? where member_id = ? and status = 'PENDING' returning id`,
        [now, now, memberId],
      );
      if (completed.length === 0 && record) {
        await tx.execute(
          `insert into erasure_request (id, created_at, updated_at, member_id, requested_by_id, requested_by_role, status, completed_at)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, 'COMPLETED', ?)`,
          [now, now, memberId, record.userId, record.role, now],
        );
      }
      await writeAudit(tx, actor, { action: AuditAction.REPORT_ANONYMISED, entityType: AuditEntityType.REPORT, entityIds: reports, schedule: 'erasure' }, now);
      await writeAudit(tx, actor, { action: AuditAction.MEMBER_ERASED, entityType: AuditEntityType.MEMBER, entityIds: [memberId], schedule: 'erasure' }, now);
      return 'erased';
    });
  }

  private ownValues(m: MemberRow): { phones: string[]; emails: string[] } {
    const read = (stored: string | null, field: string) => (stored ? decrypt(stored, this.config.encryptionKey, `${m.id}:${field}`) : null);
    const phone = read(m.contact_phone_encrypted, 'contactPhone');
    const emails = [read(m.contact_email_encrypted, 'contactEmail'), m.email].filter((e): e is string => !!e).map((e) => e.toLowerCase());
    return { phones: phone ? [phone] : [], emails };
  }
}
