import { randomUUID } from 'node:crypto';
import { raw, type EntityData, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { keyedHash } from '../../common/crypto';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { loaded } from '../../common/load';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { queryPrepared } from '../../db/prepared';
import { Role } from '../../policy/roles';
import { normaliseIdentifier } from '../identifier/identifier.normalise';
import type { IdentifierKind } from '../identifier/identifier.kind';
import { DeliveryKind } from '../delivery/alert-delivery.entity';
import { deliveryEvents, enqueueAlertEmails } from '../delivery/outbox';
import { forcesByIds, MemberService } from '../member/member.service';
import { PoliceRequest, PoliceRequestKind } from '../police-request/police-request.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { Alert, AlertStatus, type ShownIdentifier } from './alert.entity';
import type { AlertInput, AlertListArgs, OverrideInput } from './alert.inputs';
import { findReidentificationRisks, type Finding } from './reidentification';

export const DEFAULT_ALERT_DAYS = 90;
export const CHECKS_PER_DAY = 30;

/** The status a reader sees: a published alert past its expiry is EXPIRED, without any job running. */
export function effectiveStatus(alert: Alert, now = new Date()): AlertStatus {
  if (alert.status === AlertStatus.PUBLISHED && alert.expiresAt && alert.expiresAt <= now) return AlertStatus.EXPIRED;
  return alert.status;
}

/** Alerts: drafting, the re-identification check, two-person approval, publication, the feed, the checker. */
export class AlertService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
    private readonly config: Config,
  ) {}

  /** Which alerts the viewer may see, as SQL. */
  scope(now = new Date()): FilterQuery<Alert> {
    const live = { status: AlertStatus.PUBLISHED, archivedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] };
    switch (this.viewer.role) {
      case Role.CASE_WORKER:
      case Role.MANAGER:
        return {};
      // Archived alerts (retention) are staff-only.
      case Role.ADMIN:
        return { status: AlertStatus.PUBLISHED, archivedAt: null };
      case Role.POLICE_PARTNER:
        return this.viewer.force
          ? { archivedAt: null, $or: [{ status: AlertStatus.PUBLISHED }, { onBehalfOf: this.viewer.force.id }] }
          : { status: AlertStatus.PUBLISHED, archivedAt: null };
      case Role.MEMBER: {
        if (!this.viewer.member) return { id: null };
        const inMyAreas = this.em
          .getKnex()
          .select('ata.alert_id')
          .from('alert_target_area as ata')
          .join('member_alert_area as maa', 'maa.force_id', 'ata.force_id')
          .where('maa.member_id', this.viewer.member.id) as unknown as string[];
        return { ...live, id: { $in: inMyAreas } };
      }
      default:
        return { id: null };
    }
  }

  async list(args: AlertListArgs): Promise<Page<Alert>> {
    const f = args.filter ?? {};
    // Archived alerts are listed only when asked for (staff: their scope allows them at all).
    const where: FilterQuery<Alert>[] = [this.scope(), f.archived ? { archivedAt: { $ne: null } } : { archivedAt: null }];
    if (f.status === AlertStatus.EXPIRED) where.push({ $or: [{ status: AlertStatus.PUBLISHED, expiresAt: { $lte: new Date() } }, { status: AlertStatus.EXPIRED }] });
    else if (f.status === AlertStatus.PUBLISHED) where.push({ status: AlertStatus.PUBLISHED, $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }] });
    else if (f.status) where.push({ status: f.status });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await this.em.findAndCount(Alert, { $and: where }, {
      populate: ['targetAreas', 'onBehalfOf'],
      // Latest activity first: a published alert by when it was published, a draft by when it was made
      // (so a new draft is at the top of the staff list, not after years of published alerts).
      orderBy: [{ [raw((alias) => `coalesce(${alias}.published_at, ${alias}.created_at)`)]: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string, field = 'id'): Promise<Alert> {
    const alert = isUuid(id) ? await this.em.findOne(Alert, { $and: [{ id }, this.scope()] }, { populate: ['targetAreas', 'onBehalfOf'] }) : null;
    if (!alert) throw new NotFoundError('Alert', field);
    return alert;
  }

  async create(input: AlertInput): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const alert = em.create(Alert, { title: '', body: '', incidentTypes: [], shownIdentifiers: [], author: em.getReference(User, this.viewer.id) });
      await this.apply(em, alert, input);
      await em.flush();
      return alert;
    });
  }

  async update(id: string, input: AlertInput): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const alert = await new AlertService(em, this.viewer, this.config).get(id);
      if (alert.status !== AlertStatus.DRAFT) throw new ConflictError('status', 'only a draft can be edited');
      await this.apply(em, alert, input);
      await em.flush();
      return alert;
    });
  }

  /** The re-identification findings for the alert's current text. */
  async findings(alert: Alert): Promise<Finding[]> {
    if (!alert.sourceReports.isInitialized()) await alert.sourceReports.init();
    const reports = await this.em.find(Report, { id: { $in: alert.sourceReports.getIdentifiers() as string[] } }, { populate: ['identifiers', 'member'] });
    const members = new MemberService(this.em, this.config);
    const phones: string[] = [];
    const emails: string[] = [];
    for (const r of reports) {
      if (!r.member) continue;
      const phone = members.readContact(r.member, 'contactPhone');
      const email = members.readContact(r.member, 'contactEmail');
      if (phone) phones.push(phone);
      if (email) emails.push(email);
    }
    return findReidentificationRisks(
      { title: alert.title, body: alert.body },
      {
        pseudonyms: reports.flatMap((r) => (r.member ? [r.member.pseudonym] : [])),
        contactPhones: phones,
        contactEmails: emails,
        locations: reports.flatMap((r) => (r.location ? [r.location] : [])),
        identifiers: reports.flatMap((r) => r.identifiers.getItems().map((i) => ({ kind: i.kind, value: i.value }))),
        shown: alert.shownIdentifiers,
      },
    );
  }

  /** DRAFT -> PENDING_REVIEW, once every finding is fixed or overridden with a reason (recorded). */
  async submit(id: string, overrides: OverrideInput[]): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const service = new AlertService(em, this.viewer, this.config);
      const alert = await service.get(id);
      if (alert.status !== AlertStatus.DRAFT) throw new ConflictError('status', 'only a draft can be submitted for review');
      const findings = await service.findings(alert);
      const reasons = new Map(overrides.map((o) => [o.code, o.reason.trim()]));
      const open = findings.filter((f) => !reasons.get(f.code));
      if (open.length > 0) {
        throw new ConflictError('findings', `fix or override each finding first: ${open.map((f) => `${f.code} (${f.message})`).join('; ')}`);
      }
      const at = new Date();
      alert.overrides = findings.map((f) => ({ code: f.code, reason: reasons.get(f.code)!, byName: this.viewer.name, at }));
      alert.status = AlertStatus.PENDING_REVIEW;
      await em.flush();
      return alert;
    });
  }

  /** The same test approve() applies, for the dashboard to offer the button or explain why not. */
  canApprove(alert: Alert): boolean {
    return this.viewer.role === Role.MANAGER && alert.author.id !== this.viewer.id && alert.status === AlertStatus.PENDING_REVIEW && !alert.approver;
  }

  /** A manager approves; never the author (two people see every alert before members do). */
  async approve(id: string): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const alert = await new AlertService(em, this.viewer, this.config).get(id);
      if (alert.author.id === this.viewer.id) throw new ForbiddenError('The author of an alert cannot approve it', 'id');
      if (alert.status !== AlertStatus.PENDING_REVIEW) throw new ConflictError('status', 'only an alert pending review can be approved');
      alert.approver = em.getReference(User, this.viewer.id);
      alert.approvedAt = new Date();
      await em.flush();
      return alert;
    });
  }

  /** Sends a pending alert back to its author as a draft. */
  async returnToDraft(id: string): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const alert = await new AlertService(em, this.viewer, this.config).get(id);
      if (alert.status !== AlertStatus.PENDING_REVIEW) throw new ConflictError('status', 'only an alert pending review can be returned');
      alert.status = AlertStatus.DRAFT;
      alert.approver = null;
      alert.approvedAt = null;
      await em.flush();
      return alert;
    });
  }

  /**
   * Starts a correction of a published alert: a new draft with the same content, which goes through
   * the same check and the same two-person review; publishing it replaces the original.
   */
  async createCorrection(id: string): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const original = await new AlertService(em, this.viewer, this.config).get(id);
      if (effectiveStatus(original) !== AlertStatus.PUBLISHED) throw new ConflictError('id', 'only a published, unexpired alert can be corrected');
      await original.sourceReports.init();
      const draft = em.create(Alert, {
        title: original.title,
        body: original.body,
        incidentTypes: [...original.incidentTypes],
        shownIdentifiers: original.shownIdentifiers.map((i) => ({ ...i })),
        onBehalfOf: original.onBehalfOf ?? null,
        policeRequest: original.policeRequest ?? null,
        corrects: original,
        author: em.getReference(User, this.viewer.id),
      });
      draft.targetAreas.set(original.targetAreas.getItems());
      draft.sourceReports.set(original.sourceReports.getItems());
      await em.flush();
      return draft;
    });
  }

  async publish(id: string): Promise<Alert> {
    return this.em.transactional(async (em) => {
      const alert = await new AlertService(em, this.viewer, this.config).get(id);
      if (alert.status !== AlertStatus.PENDING_REVIEW || !alert.approver) throw new ConflictError('status', 'only an approved alert can be published');
      const now = new Date();
      alert.status = AlertStatus.PUBLISHED;
      alert.publishedAt = now;
      alert.expiresAt ??= new Date(now.getTime() + DEFAULT_ALERT_DAYS * 86_400_000);
      if (alert.expiresAt <= now) throw new BadUserInputError('expiresAt', 'is already past');
      const original = await loaded(alert.corrects);
      if (original) {
        if (original.status !== AlertStatus.PUBLISHED) throw new ConflictError('status', 'the alert this corrects is no longer published');
        original.status = AlertStatus.WITHDRAWN;
        original.withdrawnAt = now;
        original.withdrawalReason = 'Replaced by a correction';
      }
      await em.flush();
      // The e-mails go in the outbox in this same transaction; the queue sends them after commit.
      await enqueueAlertEmails(em, alert.id, original ? DeliveryKind.CORRECTED : DeliveryKind.PUBLISHED);
      return alert;
    }).then((alert) => {
      deliveryEvents.emit('enqueued');
      return alert;
    });
  }

  async withdraw(id: string, reason: string): Promise<Alert> {
    const text = reason.trim();
    if (text.length < 3 || text.length > 2000) throw new BadUserInputError('reason', 'must say why, in 3 to 2000 characters');
    return this.em.transactional(async (em) => {
      const alert = await new AlertService(em, this.viewer, this.config).get(id);
      if (alert.status !== AlertStatus.PUBLISHED) throw new ConflictError('status', 'only a published alert can be withdrawn');
      alert.status = AlertStatus.WITHDRAWN;
      alert.withdrawnAt = new Date();
      alert.withdrawalReason = text;
      await em.flush();
      await enqueueAlertEmails(em, alert.id, DeliveryKind.WITHDRAWN);
      return alert;
    }).then((alert) => {
      deliveryEvents.emit('enqueued');
      return alert;
    });
  }

  /** How the e-mails of an alert are getting on (staff). */
  async deliveryCounts(alert: Alert): Promise<{ pending: number; sent: number; failed: number }> {
    const rows = await this.em.execute<{ status: string; n: string }[]>('select status, count(*) as n from alert_delivery where alert_id = ? group by status', [alert.id]);
    const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { pending: count('PENDING'), sent: count('SENT'), failed: count('FAILED') };
  }

  /**
   * A member checks a phone, e-mail, vehicle or handle: which published, unexpired alerts show it.
   * Nothing about reports. At most CHECKS_PER_DAY a day; the value is logged only as a keyed hash.
   */
  async check(kind: IdentifierKind, value: string, withTargetAreas = true): Promise<{ value: string; alerts: Alert[] }> {
    const normalised = normaliseIdentifier(kind, value, 'value');
    const now = new Date();
    const hash = keyedHash(this.config.encryptionKey, 'identifier-check', `${kind}:${normalised}`);
    // Count, match and record in one statement, serialised per account by an advisory lock (see
    // the migration that made lantern_check_identifier), so a burst of parallel checks cannot
    // slip past the daily limit.
    const [result] = await queryPrepared<{ allowed: boolean; oldest: Date | null; alert_ids: string[] | null }>(
      this.em,
      'select allowed, oldest, alert_ids from lantern_check_identifier(?::uuid, ?::uuid, ?::identifier_kind, ?, ?::jsonb, ?::timestamptz, ?::int)',
      [randomUUID(), this.viewer.id, kind, hash, JSON.stringify([{ kind, value: normalised }]), now, CHECKS_PER_DAY],
    );
    if (!result.allowed) {
      // The window is rolling: one more check is allowed when the oldest of the day's leaves it.
      const retryAfter = Math.max(1, Math.ceil((new Date(result.oldest!).getTime() + 86_400_000 - now.getTime()) / 1000));
      throw new TooManyRequestsError(retryAfter);
    }
    const ids = result.alert_ids ?? [];
    return { value: normalised, alerts: ids.length ? await this.matchedAlerts(ids, withTargetAreas) : [] };
  }

  /**
   * The alerts a check matched, newest first: one prepared statement mapped onto entities, where
   * the ORM's find built its SQL through the query builder every time (most of a matching
   * check's cost, bench/ANALYSIS.md). Their target areas are read only when asked for.
   */
  private async matchedAlerts(ids: string[], withTargetAreas: boolean): Promise<Alert[]> {
    const rows = await queryPrepared<EntityData<Alert>>(this.em, 'select * from alert where id = any(?::uuid[]) order by published_at desc, id', [ids]);
    const alerts = rows.map((row) => this.em.map(Alert, row));
    if (withTargetAreas) await this.em.populate(alerts, ['targetAreas']);
    return alerts;
  }

  private async apply(em: EntityManager, alert: Alert, input: AlertInput): Promise<void> {
    if (input.targetAreaIds.length === 0) throw new BadUserInputError('targetAreaIds', 'must name at least one force area');
    if (input.incidentTypes.length === 0) throw new BadUserInputError('incidentTypes', 'must name at least one incident type');
    const areas = await forcesByIds(em, input.targetAreaIds, 'targetAreaIds');
    const ids = [...new Set(input.sourceReportIds ?? [])];
    // Left out on an edit: the alert keeps the police request it was drafted from.
    let request: PoliceRequest | null = input.policeRequestId === undefined ? ((await loaded(alert.policeRequest)) ?? null) : null;
    if (input.policeRequestId) {
      request = isUuid(input.policeRequestId) ? await em.findOne(PoliceRequest, { id: input.policeRequestId, kind: PoliceRequestKind.ALERT }) : null;
      if (!request) throw new BadUserInputError('policeRequestId', 'names no police request for an alert');
    }
    if (ids.length === 0 && !request) throw new BadUserInputError('sourceReportIds', 'an alert comes from at least one report, or from a police request');
    const reports = ids.length ? await em.find(Report, { id: { $in: ids.filter(isUuid) } }, { populate: ['consent', 'identifiers'] }) : [];
    if (reports.length !== ids.length) throw new BadUserInputError('sourceReportIds', 'names a report that does not exist');
    const refused = reports.filter((r) => !r.consent.alerts);
    if (refused.length) throw new BadUserInputError('sourceReportIds', `no alerts consent on ${refused.map((r) => r.reference).join(', ')}`);
    const available = new Set(reports.flatMap((r) => r.identifiers.getItems().map((i) => `${i.kind}:${i.value}`)));
    const shown: ShownIdentifier[] = [];
    (input.shownIdentifiers ?? []).forEach((s, i) => {
      const value = normaliseIdentifier(s.kind, s.value, `shownIdentifiers.${i}.value`);
      if (!available.has(`${s.kind}:${value}`)) throw new BadUserInputError(`shownIdentifiers.${i}.value`, 'is not an identifier of the source reports');
      if (!shown.some((x) => x.kind === s.kind && x.value === value)) shown.push({ kind: s.kind, value });
    });
    alert.title = input.title.trim();
    alert.body = input.body.trim();
    alert.incidentTypes = [...new Set(input.incidentTypes)];
    alert.shownIdentifiers = shown;
    alert.expiresAt = input.expiresAt ?? null;
    alert.targetAreas.set(areas);
    alert.sourceReports.set(reports);
    alert.policeRequest = request;
    alert.onBehalfOf = request ? request.force : null;
  }
}
