import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config, RetentionConfig } from '../../config';
import { logger } from '../../common/logger';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity';
import { jobActor, uuidArray, writeAudit, type AuditActor } from '../audit/audit';
import { RATE_LIMITS } from '../rate-limit/rate-limit';
import { ErasureService } from './erasure.service';
import { anonymiseReports, beginRetention, memberHeld, reportHeld } from './retention.sql';

export const BATCH_SIZE = 500;

/** What one schedule did in one run. */
export interface ScheduleOutcome {
  action: AuditAction;
  count: number;
  cutoff: Date | null;
}

export interface RetentionRun {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  outcomes: ScheduleOutcome[];
}

export interface RunOptions {
  /** "Now" for every cutoff (tests move it; the job uses the clock). */
  now?: Date;
  /** Who runs it: the job by default, or the admin who asked (runRetention). */
  actor?: AuditActor;
  batchSize?: number;
}

/** `now` minus whole calendar months (the day clamped to the target month's length). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The longest rate-limit window: a counter whose window ended before this is dead. */
const LONGEST_RATE_WINDOW_SECONDS = Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowSeconds));

/**
 * The retention schedules (README "Retention"), applied in order:
 *  1. erasure requests that waited for a legal hold, once it has ended;
 *  2. members' contact details, `contactMonths` after their last activity when nothing of theirs is open;
 *  3. closed reports' personal details, `reportMonths` after their last activity (statistics remain);
 *  4. expired or withdrawn alerts archived `alertArchiveDays` later (their delivery records deleted);
 *  5. access events deleted after `accessEventYears`;
 *  6. members' identifier checks and used idempotency keys after `operationalDays`, dead rate-limit counters.
 * Nothing covered by a legal hold is touched. Each batch is a few set-based statements in one
 * transaction (rows locked with SKIP LOCKED, so two runs never take the same rows), and writes its
 * audit rows in that transaction. Idempotent: what was done no longer matches, so a second run
 * changes nothing and writes no audit row.
 */
export class RetentionService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Pick<Config, 'retention' | 'encryptionKey'>,
  ) {}

  async run(options: RunOptions = {}): Promise<RetentionRun> {
    const now = options.now ?? new Date();
    const runId = options.actor?.runId ?? randomUUID();
    const actor: AuditActor = { ...(options.actor ?? jobActor(runId)), runId };
    const size = options.batchSize ?? BATCH_SIZE;
    const startedAt = new Date();
    const r: RetentionConfig = this.config.retention;
    const step = (action: AuditAction, cutoff: Date | null, batch: (tx: EntityManager) => Promise<number>) => this.repeat(action, cutoff, size, batch);

    const outcomes: ScheduleOutcome[] = [];
    outcomes.push(await this.pendingErasures(actor, now));

    const contactCutoff = monthsBefore(now, r.contactMonths);
    outcomes.push(await step(AuditAction.CONTACT_ANONYMISED, contactCutoff, async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select m.id from member m left join app_user u on u.id = m.user_id
          where (m.contact_phone_encrypted is not null or m.contact_email_encrypted is not null)
            and m.erased_at is null and not ${memberHeld('m')}
            and m.created_at < ? and m.updated_at < ? and (u.last_login_at is null or u.last_login_at < ?)
            and not exists (
              select 1 from report r join consent c on c.id = r.consent_id left join case_file cf on cf.report_id = r.id
               where r.member_id = m.id
                 and (r.status <> 'CLOSED' or r.received_at >= ? or r.updated_at >= ? or c.recorded_at >= ?
                      or (cf.id is not null and (cf.status <> 'CLOSED' or cf.closed_at >= ?))))
          order by m.id limit ? for update of m skip locked`,
        [contactCutoff, contactCutoff, contactCutoff, contactCutoff, contactCutoff, contactCutoff, contactCutoff, size],
      );
      const ids = rows.map((x) => x.id);
      if (ids.length === 0) return 0;
      await tx.execute(
        `update member set contact_phone_encrypted = null, contact_email_encrypted = null, contact_anonymised_at = ? where id = any(?::uuid[])`,
        [now, uuidArray(ids)],
      );
      await writeAudit(tx, actor, { action: AuditAction.CONTACT_ANONYMISED, entityType: AuditEntityType.MEMBER, entityIds: ids, schedule: `LANTERN_RETAIN_CONTACT_MONTHS=${r.contactMonths}`, cutoff: contactCutoff }, now);
      return ids.length;
    }));

    const reportCutoff = monthsBefore(now, r.reportMonths);
    outcomes.push(await step(AuditAction.REPORT_ANONYMISED, reportCutoff, async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select r.id from report r join consent c on c.id = r.consent_id left join case_file cf on cf.report_id = r.id
          where r.anonymised_at is null and r.status = 'CLOSED' and (cf.id is null or cf.status = 'CLOSED')
            and r.received_at < ? and r.updated_at < ? and c.recorded_at < ? and (cf.closed_at is null or cf.closed_at < ?)
            and not ${reportHeld('r')}
          order by r.id limit ? for update of r skip locked`,
        [reportCutoff, reportCutoff, reportCutoff, reportCutoff, size],
      );
      const ids = rows.map((x) => x.id);
      await anonymiseReports(tx, ids, now);
      await writeAudit(tx, actor, { action: AuditAction.REPORT_ANONYMISED, entityType: AuditEntityType.REPORT, entityIds: ids, schedule: `LANTERN_RETAIN_REPORT_MONTHS=${r.reportMonths}`, cutoff: reportCutoff }, now);
      return ids.length;
    }));

    const alertCutoff = daysBefore(now, r.alertArchiveDays);
    outcomes.push(await step(AuditAction.ALERT_ARCHIVED, alertCutoff, async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select a.id from alert a
          where a.archived_at is null
            and ((a.status in ('PUBLISHED', 'EXPIRED') and a.expires_at <= ?)
                 or (a.status = 'WITHDRAWN' and coalesce(a.withdrawn_at, a.updated_at) <= ?))
          order by a.id limit ? for update skip locked`,
        [alertCutoff, alertCutoff, size],
      );
      const ids = rows.map((x) => x.id);
      if (ids.length === 0) return 0;
      await tx.execute(
        `update alert set archived_at = ?, status = case when status = 'PUBLISHED' then 'EXPIRED'::alert_status else status end where id = any(?::uuid[])`,
        [now, uuidArray(ids)],
      );
      // Which member was sent which alert (and so works in which area) is not kept once it is archived.
      await tx.execute(`delete from alert_delivery where alert_id = any(?::uuid[])`, [uuidArray(ids)]);
      await writeAudit(tx, actor, { action: AuditAction.ALERT_ARCHIVED, entityType: AuditEntityType.ALERT, entityIds: ids, schedule: `LANTERN_ARCHIVE_ALERTS_DAYS=${r.alertArchiveDays}`, cutoff: alertCutoff }, now);
      return ids.length;
    }));

    const accessCutoff = monthsBefore(now, r.accessEventYears * 12);
    outcomes.push(await step(AuditAction.ACCESS_EVENTS_DELETED, accessCutoff, async (tx) => {
      // The database refuses to delete an access event less than a year old, whatever "now" says.
      const rows = await tx.execute<{ id: string }[]>(
        `delete from access_event where id in (
           select id from access_event where at < ? and at < now() - interval '1 year' order by at limit ? for update skip locked)
         returning id`,
        [accessCutoff, size],
      );
      await writeAudit(tx, actor, { action: AuditAction.ACCESS_EVENTS_DELETED, entityType: AuditEntityType.ACCESS_EVENT, count: rows.length, schedule: `LANTERN_RETAIN_ACCESS_EVENTS_YEARS=${r.accessEventYears}`, cutoff: accessCutoff }, now);
      return rows.length;
    }));

    const opsCutoff = daysBefore(now, r.operationalDays);
    const opsSchedule = `LANTERN_RETAIN_OPERATIONAL_DAYS=${r.operationalDays}`;
    outcomes.push(await step(AuditAction.IDENTIFIER_CHECKS_DELETED, opsCutoff, async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `delete from identifier_check where id in (
           select id from identifier_check where at < ? order by at limit ? for update skip locked)
         returning id`,
        [opsCutoff, size],
      );
      await writeAudit(tx, actor, { action: AuditAction.IDENTIFIER_CHECKS_DELETED, entityType: AuditEntityType.IDENTIFIER_CHECK, count: rows.length, schedule: opsSchedule, cutoff: opsCutoff }, now);
      return rows.length;
    }));
    outcomes.push(await step(AuditAction.IDEMPOTENCY_KEYS_CLEARED, opsCutoff, async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `update report set idempotency_key = null where id in (
           select id from report where idempotency_key is not null and created_at < ? order by id limit ? for update skip locked)
         returning id`,
        [opsCutoff, size],
      );
      await writeAudit(tx, actor, { action: AuditAction.IDEMPOTENCY_KEYS_CLEARED, entityType: AuditEntityType.REPORT, count: rows.length, schedule: opsSchedule, cutoff: opsCutoff }, now);
      return rows.length;
    }));
    const deadWindow = new Date(now.getTime() - LONGEST_RATE_WINDOW_SECONDS * 1000);
    outcomes.push(await step(AuditAction.RATE_LIMIT_BUCKETS_DELETED, deadWindow, async (tx) => {
      const rows = await tx.execute<{ key: string }[]>(
        `delete from rate_limit_bucket where key in (
           select key from rate_limit_bucket where window_start < ? order by key limit ? for update skip locked)
         returning key`,
        [deadWindow, size],
      );
      await writeAudit(tx, actor, { action: AuditAction.RATE_LIMIT_BUCKETS_DELETED, entityType: AuditEntityType.RATE_LIMIT_BUCKET, count: rows.length, schedule: 'expired windows', cutoff: deadWindow }, now);
      return rows.length;
    }));

    const finishedAt = new Date();
    logger.info('retention run', { runId, ms: finishedAt.getTime() - startedAt.getTime(), ...Object.fromEntries(outcomes.map((o) => [o.action, o.count])) });
    return { runId, startedAt, finishedAt, outcomes };
  }

  /** Runs `batch` in its own transaction until a batch finds fewer rows than its size. */
  private async repeat(action: AuditAction, cutoff: Date | null, size: number, batch: (tx: EntityManager) => Promise<number>): Promise<ScheduleOutcome> {
    let count = 0;
    for (;;) {
      const n = await this.em.fork({ clear: true }).transactional(async (tx) => {
        await beginRetention(tx);
        return batch(tx);
      });
      count += n;
      if (n < size) break;
    }
    return { action, count, cutoff };
  }

  /** Erasure requests that waited for a legal hold: carried out once no hold covers the member. */
  private async pendingErasures(actor: AuditActor, now: Date): Promise<ScheduleOutcome> {
    const erasure = new ErasureService(this.em, this.config);
    let count = 0;
    const tried = new Set<string>();
    for (;;) {
      const rows = await this.em.fork({ clear: true }).execute<{ member_id: string }[]>(
        `select er.member_id from erasure_request er join member m on m.id = er.member_id
          where er.status = 'PENDING' and not ${memberHeld('m')}
          order by er.created_at limit 50`,
      );
      const todo = rows.map((x) => x.member_id).filter((id) => !tried.has(id));
      if (todo.length === 0) break;
      for (const memberId of todo) {
        tried.add(memberId);
        if ((await erasure.erase(memberId, actor, now)) === 'erased') count++;
      }
    }
    return { action: AuditAction.MEMBER_ERASED, count, cutoff: null };
  }
}
