import { UniqueConstraintViolationException, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, todayInLondon } from '../../common/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { likePattern } from '../../common/text';
import { Role } from '../../policy/roles';
import { readsEveryReport, reportScope } from '../../policy/scopes';
import { Consent, ConsentEvent } from '../consent/consent.entity';
import { AccessEvent, AccessKind } from '../access-log/access-event.entity';
import { CONSENT_METHOD_BY_CHANNEL, ConsentMethod, POLICE_CONSENT_RANK, POLICE_VISIBLE_CONSENT } from '../consent/consent.enums';
import { Force } from '../force/force.entity';
import { normaliseIdentifier } from '../identifier/identifier.normalise';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { ReportShare } from './report-share.entity';
import { Report, ReportIdentifier } from './report.entity';
import { countReportRows, countReportsFromTally, findReportViews, type ViewSelection } from './report.read';
import { Channel, type ReportStatus } from './report.enums';
import { ReportSortField, type ConsentInput, type CreateReportInput, type IdentifierInput, type ReportFilter, type ReportListArgs, type SetConsentArgs, type SubmitReportInput, type UpdateReportInput } from './report.inputs';

/** What a list or a single read loads with each report (joined, not one query per row). */
export const REPORT_POPULATE = ['forceArea', 'consent', 'identifiers', 'caseFile', 'shares'] as const;
/** For police: only what their field rules need; the case is never loaded for them. */
const POLICE_POPULATE = ['forceArea', 'consent', 'identifiers', 'shares'] as const;

export function reportPopulate(viewer: User): readonly (typeof REPORT_POPULATE)[number][] {
  return viewer.role === Role.POLICE_PARTNER ? POLICE_POPULATE : REPORT_POPULATE;
}


/** The keyset cursor of a report in newest-first order: its receivedAt and id, base64url. */
export function encodeCursor(report: Pick<Report, 'receivedAt' | 'id'>): string {
  return Buffer.from(`${report.receivedAt.toISOString()}|${report.id}`).toString('base64url');
}

function decodeCursor(value: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !isUuid(id) || Number.isNaN(date.getTime())) throw new BadUserInputError('after', 'is not a cursor this list gave out');
  return { at: date, id };
}

/** Reports: intake by case workers, members' own reports, consent changes. */
export class ReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  /**
   * A page of the reports the viewer may see. With `views` (a selection), the page is read as
   * plain views in one statement (report.read.ts); the resolver gives one only when every
   * selected field can be answered from a view.
   */
  async list(args: ReportListArgs, { views = null }: { views?: ViewSelection | null } = {}): Promise<Page<Report> & { endCursor: string | null }> {
    if (this.viewer.role === Role.POLICE_PARTNER) refuseHiddenCriteria(args);
    // Built only when needed: a known statement (report.read.ts) needs neither. The statement is a
    // function of its key alone (no clock, no state); filters that fail validation throw while it
    // is built, so a refused filter is never kept and is refused again next time.
    // A new filter for every use: the scope's raw fragment (scopes.ts) is registered when built and
    // consumed by the query it is used in, so it is built last, after anything that can refuse.
    const where = (): FilterQuery<Report> => {
      const filter = filterToWhere(args.filter, this.em);
      return { $and: [reportScope(this.viewer), filter] };
    };
    const order = args.sortOrder ?? (args.sortField ? SortOrder.ASC : SortOrder.DESC);
    const newestFirst = (!args.sortField || args.sortField === ReportSortField.receivedAt) && order === SortOrder.DESC;
    let pageWhere = where;
    let orderBy: QueryOrderMap<Report>[] = [{ [args.sortField ?? 'receivedAt']: order }, { id: order }];
    let limits: { limit: number; offset?: number } = offsetOf(args);
    if (args.after !== undefined && args.after !== null) {
      // Keyset: newest first, strictly after the cursor's (receivedAt, id); the count ignores the cursor.
      if (!newestFirst) throw new BadUserInputError('after', 'works only with the default order (newest first)');
      const cursor = decodeCursor(args.after);
      pageWhere = () => ({ $and: [where(), { $or: [{ receivedAt: { $lt: cursor.at } }, { receivedAt: cursor.at, id: { $lt: cursor.id } }] }] });
      orderBy = [{ receivedAt: SortOrder.DESC }, { id: SortOrder.DESC }];
      limits = { limit: args.perPage };
    }
    const em = this.em;
    let total: Promise<number> | undefined;
    // The count ignores the page, the order and the cursor: its statement depends on the scope and the filter only.
    const countKey = `count:${this.scopeKey()}:${JSON.stringify(args.filter ?? null)}`;
    // Every report, by force area and/or status only: the database keeps those counts.
    const tallied = readsEveryReport(this.viewer) ? tallyFilter(args.filter) : null;
    const nodes = views
      ? ((await findReportViews(this.em, `list:${this.scopeKey()}:${JSON.stringify(args)}:${views.key}`, () => ({
          where: pageWhere(),
          orderBy,
          page: limits,
          select: views,
          shares: this.readsShares(),
        }))) as unknown as Report[])
      : await this.em.find(Report, pageWhere(), { populate: reportPopulate(this.viewer), orderBy, ...limits });
    const last = nodes.length === args.perPage ? nodes[nodes.length - 1] : undefined;
    return {
      nodes,
      get totalCount() {
        return (total ??= countReports());
      },
      endCursor: newestFirst && last ? encodeCursor(last) : null,
    };
    function countReports(this: void) {
      return tallied ? countReportsFromTally(em, tallied.forceAreaId, tallied.status) : countReportRows(em, countKey, where);
    }
  }

  /**
   * Everything reportScope reads of the viewer: with the query's arguments, the key of a read's
   * statement (report.read.ts). Whatever reportScope comes to depend on must be added here.
   */
  private scopeKey(): string {
    return JSON.stringify([this.viewer.role, this.viewer.force?.id ?? null, this.viewer.member?.id ?? null]);
  }

  /** Whether views carry the forces each report was shared with: only the police rule reads them. */
  private readsShares(): boolean {
    return this.viewer.role === Role.POLICE_PARTNER;
  }

  /** The `report(id)` query: as `get`, read as a plain view when the selection allows (report.read.ts). */
  async read(id: string, { views = null }: { views?: ViewSelection | null } = {}): Promise<Report> {
    if (!views) return this.get(id);
    const [view] = isUuid(id)
      ? await findReportViews(this.em, `read:${this.scopeKey()}:${id}:${views.key}`, () => ({
          where: { $and: [{ id }, reportScope(this.viewer)] },
          orderBy: [{ id: SortOrder.ASC }],
          page: { limit: 1 },
          select: views,
          shares: this.readsShares(),
        }))
      : [];
    if (!view) throw new NotFoundError('Report', 'id');
    return view as unknown as Report;
  }

  /** A report the viewer may see, or NOT_FOUND (the same for a hidden and a missing one). */
  async get(id: string, field = 'id'): Promise<Report> {
    const report = isUuid(id) ? await this.em.findOne(Report, { $and: [{ id }, reportScope(this.viewer)] }, { populate: reportPopulate(this.viewer) }) : null;
    if (!report) throw new NotFoundError('Report', field);
    return report;
  }

  /** A case worker's intake (phone, e-mail, outreach, web, third party). */
  async create(input: CreateReportInput): Promise<Report> {
    return this.idempotent(input.idempotencyKey, () => this.em.transactional(async (em) => {
      const member = input.memberId ? await memberById(em, input.memberId) : null;
      const receivedAt = input.receivedAt ?? new Date();
      if (receivedAt.getTime() > Date.now() + 5 * 60_000) throw new BadUserInputError('receivedAt', 'cannot be in the future');
      const report = await this.build(em, input, {
        channel: input.channel,
        receivedAt,
        policeSummary: input.policeSummary?.trim() || null,
        member,
        method: input.consent.method ?? CONSENT_METHOD_BY_CHANNEL[input.channel],
      });
      await em.flush();
      return report;
    }));
  }

  /** A signed-in member reporting for themselves, through the web. */
  async submit(input: SubmitReportInput): Promise<Report> {
    const mine = this.viewer.member;
    if (!mine) throw new ForbiddenError('Only a member can submit a report for themselves');
    return this.idempotent(input.idempotencyKey, () => this.em.transactional(async (em) => {
      const report = await this.build(em, input, {
        channel: Channel.WEB,
        receivedAt: new Date(),
        policeSummary: null,
        member: em.getReference(Member, mine.id),
        method: ConsentMethod.SELF_SERVICE,
      });
      await em.flush();
      return report;
    }));
  }

  /**
   * With a client's idempotency key: the report this caller already made with that key, if any,
   * else a new one. Two requests with the same key at the same moment meet at the unique index
   * (createdBy, idempotencyKey): one writes, the other gets the first one's report.
   */
  private async idempotent(key: string | null | undefined, make: () => Promise<Report>): Promise<Report> {
    if (!key) return make();
    const mine = () => this.em.fork().findOne(Report, { createdBy: this.viewer.id, idempotencyKey: key }, { populate: reportPopulate(this.viewer) });
    const existing = await mine();
    if (existing) return existing;
    try {
      return await make();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        const made = await mine();
        if (made) return made;
      }
      throw err;
    }
  }

  async update(id: string, input: UpdateReportInput): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await new ReportService(em, this.viewer).get(id);
      if (input.forceAreaId !== undefined && input.forceAreaId !== null) report.forceArea = await forceById(em, input.forceAreaId, 'forceAreaId');
      if (input.incidentDate != null) report.incidentDate = checkIncidentDate(input.incidentDate);
      if (input.incidentTypes != null) report.incidentTypes = [...new Set(input.incidentTypes)];
      if (input.narrative != null) report.narrative = requireText(input.narrative, 'narrative');
      if (input.location !== undefined) report.location = input.location?.trim() || null;
      if (input.policeSummary !== undefined) report.policeSummary = input.policeSummary?.trim() || null;
      if (input.perpetratorDescription !== undefined) report.perpetratorDescription = input.perpetratorDescription?.trim() || null;
      if (input.status != null) report.status = input.status;
      if (input.memberId !== undefined) report.member = input.memberId ? await memberById(em, input.memberId) : null;
      if (input.identifiers != null) {
        const wanted = normaliseAll(input.identifiers);
        const key = (k: string, v: string) => `${k}|${v}`;
        const keep = new Set(wanted.map((w) => key(w.kind, w.value)));
        for (const existing of report.identifiers.getItems()) {
          if (!keep.has(key(existing.kind, existing.value))) report.identifiers.remove(existing);
        }
        const have = new Set(report.identifiers.getItems().map((i) => key(i.kind, i.value)));
        for (const w of wanted) if (!have.has(key(w.kind, w.value))) report.identifiers.add(em.create(ReportIdentifier, { report, ...w }));
      }
      await em.flush();
      return report;
    });
  }

  /**
   * Changes the consent in force and appends the history event, in one transaction. A member
   * may change only their own report's consent (another's answers NOT_FOUND); a case worker any.
   * Takes effect for every later read: consent is never cached across requests.
   */
  async setConsent(args: SetConsentArgs): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await new ReportService(em, this.viewer).get(args.reportId, 'reportId');
      const isMember = this.viewer.role === Role.MEMBER;
      const consent = report.consent;
      const before = { police: consent.police, alerts: consent.alerts, statistics: consent.statistics };
      const method = isMember ? ConsentMethod.SELF_SERVICE : (args.method ?? ConsentMethod.PHONE);
      const now = new Date();
      if (POLICE_CONSENT_RANK[args.police] < POLICE_CONSENT_RANK[consent.police]) consent.withdrawnAt = now;
      consent.police = args.police;
      consent.alerts = args.alerts;
      if (args.statistics !== undefined && args.statistics !== null) consent.statistics = args.statistics;
      consent.method = method;
      consent.recordedBy = em.getReference(User, this.viewer.id);
      consent.recordedAt = now;
      em.create(ConsentEvent, {
        report,
        at: now,
        actor: consent.recordedBy,
        actorRole: this.viewer.role,
        method,
        previousPolice: before.police,
        previousAlerts: before.alerts,
        previousStatistics: before.statistics,
        police: consent.police,
        alerts: consent.alerts,
        statistics: consent.statistics,
        note: args.note?.trim() || null,
      });
      await em.flush();
      return report;
    });
  }

  /**
   * Shares a report with another force (its officers may then read it, under the same consent
   * rules). Needs police consent above NONE; sharing twice is harmless.
   */
  async share(reportId: string, forceId: string): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await new ReportService(em, this.viewer).get(reportId, 'reportId');
      const force = await forceById(em, forceId, 'forceId');
      if (!POLICE_VISIBLE_CONSENT.includes(report.consent.police)) {
        throw new ConflictError('reportId', 'the member has not agreed to share this report with police');
      }
      if (report.forceArea.id === force.id) throw new BadUserInputError('forceId', 'is already the report’s force area');
      if (!report.shares.getItems().some((s) => s.force.id === force.id)) {
        report.shares.add(em.create(ReportShare, { report, force, sharedBy: em.getReference(User, this.viewer.id), sharedAt: new Date() }));
      }
      await em.flush();
      return report;
    });
  }

  async unshare(reportId: string, forceId: string): Promise<Report> {
    return this.em.transactional(async (em) => {
      const report = await new ReportService(em, this.viewer).get(reportId, 'reportId');
      for (const share of report.shares.getItems()) {
        if (share.force.id === forceId) {
          report.shares.remove(share);
          em.remove(share);
        }
      }
      await em.flush();
      return report;
    });
  }

  /** The police reads of a report, newest first (from the access log). */
  async policeReads(report: Report, limit: number): Promise<AccessEvent[]> {
    return this.em.find(AccessEvent, { report: report.id, kind: AccessKind.POLICE_REPORT_READ }, { populate: ['force'], orderBy: { at: 'DESC', id: 'DESC' }, limit });
  }

  async consentHistory(report: Report): Promise<ConsentEvent[]> {
    return this.em.find(ConsentEvent, { report: report.id }, { orderBy: { at: 'ASC', id: 'ASC' } });
  }

  /** Other reports sharing a normalised identifier with this one: repeat perpetrators. */
  async linkedReports(report: Report): Promise<Report[]> {
    const rows: { id: string }[] = await this.em.getConnection().execute(
      `select distinct other.report_id as id
         from report_identifier mine
         join report_identifier other on other.kind = mine.kind and other.value = mine.value and other.report_id <> mine.report_id
        where mine.report_id = ?`,
      [report.id],
    );
    if (rows.length === 0) return [];
    return this.em.find(Report, { $and: [{ id: { $in: rows.map((r) => r.id) } }, reportScope(this.viewer)] }, {
      populate: reportPopulate(this.viewer),
      orderBy: { receivedAt: 'DESC' },
    });
  }

  private async build(
    em: EntityManager,
    input: SubmitReportInput,
    extra: { channel: Channel; receivedAt: Date; policeSummary: string | null; member: Member | null; method: ConsentMethod },
  ): Promise<Report> {
    const forceArea = await forceById(em, input.forceAreaId, 'forceAreaId');
    const incidentDate = checkIncidentDate(input.incidentDate);
    const identifiers = normaliseAll(input.identifiers ?? []);
    const consent = newConsent(em, input.consent, extra.method, this.viewer);
    const report = em.create(Report, {
      reference: await nextReference(em, extra.receivedAt),
      receivedAt: extra.receivedAt,
      channel: extra.channel,
      incidentDate,
      forceArea,
      incidentTypes: [...new Set(input.incidentTypes)],
      narrative: requireText(input.narrative, 'narrative'),
      location: input.location?.trim() || null,
      policeSummary: extra.policeSummary,
      perpetratorDescription: input.perpetratorDescription?.trim() || null,
      member: extra.member,
      createdBy: em.getReference(User, this.viewer.id),
      idempotencyKey: input.idempotencyKey ?? null,
      consent,
    });
    for (const i of identifiers) report.identifiers.add(em.create(ReportIdentifier, { report, ...i }));
    em.create(ConsentEvent, {
      report,
      at: consent.recordedAt,
      actor: consent.recordedBy,
      actorRole: this.viewer.role,
      method: consent.method,
      police: consent.police,
      alerts: consent.alerts,
      statistics: consent.statistics,
      note: 'Consent recorded with the report',
    });
    return report;
  }
}

function newConsent(em: EntityManager, input: ConsentInput, method: ConsentMethod, viewer: User): Consent {
  return em.create(Consent, {
    police: input.police,
    alerts: input.alerts,
    statistics: input.statistics ?? true,
    method,
    recordedBy: em.getReference('User', viewer.id) as User,
    recordedAt: new Date(),
  });
}

/** `LN-<year>-<6 digits>`, sequential per year, issued inside the report's own transaction. */
export async function nextReference(em: EntityManager, receivedAt: Date): Promise<string> {
  const year = receivedAt.getUTCFullYear();
  // em.execute runs inside the caller's transaction: a rolled-back report gives its number back.
  const [row] = await em.execute<{ last: number }[]>(
    `insert into report_sequence (year, last) values (?, 1)
     on conflict (year) do update set last = report_sequence.last + 1
     returning last`,
    [year],
  );
  return `LN-${year}-${String(row.last).padStart(6, '0')}`;
}

function checkIncidentDate(value: string): string {
  if (!isCalendarDate(value)) throw new BadUserInputError('incidentDate', 'is not a real date');
  if (value > todayInLondon()) throw new BadUserInputError('incidentDate', 'cannot be in the future');
  if (value < '1990-01-01') throw new BadUserInputError('incidentDate', 'is too far in the past');
  return value;
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be empty');
  return text;
}

function normaliseAll(identifiers: IdentifierInput[]): { kind: IdentifierInput['kind']; value: string }[] {
  const seen = new Map<string, { kind: IdentifierInput['kind']; value: string }>();
  identifiers.forEach((i, index) => {
    const value = normaliseIdentifier(i.kind, i.value, `identifiers.${index}.value`);
    seen.set(`${i.kind}|${value}`, { kind: i.kind, value });
  });
  return [...seen.values()];
}

async function forceById(em: EntityManager, id: string, field: string): Promise<Force> {
  const force = isUuid(id) ? await em.findOne(Force, { id }) : null;
  if (!force) throw new BadUserInputError(field, 'names a force that does not exist');
  return force;
}

async function memberById(em: EntityManager, id: string): Promise<Member> {
  const member = isUuid(id) ? await em.findOne(Member, { id }) : null;
  if (!member) throw new BadUserInputError('memberId', 'names a member that does not exist');
  return member;
}

/**
 * Police may not sort or filter by what they may not read (status, member): the order or the
 * count of the answer would tell them the hidden value.
 */
function refuseHiddenCriteria(args: ReportListArgs): void {
  if (args.sortField === ReportSortField.status) throw new ForbiddenError('You may not sort by status', 'sortField');
  if (args.filter?.status) throw new ForbiddenError('You may not filter by status', 'status');
  if (args.filter?.memberId) throw new ForbiddenError('You may not filter by member', 'memberId');
  if (args.filter?.alertsConsent != null) throw new ForbiddenError('You may not filter by alerts consent', 'alertsConsent');
}

/**
 * The force area and status of a filter that asks for nothing else (either or both may be absent),
 * whose count report_tally keeps; null for any other filter (counted from the reports themselves).
 */
function tallyFilter(filter: ReportFilter | undefined): { forceAreaId: string | null; status: ReportStatus | null } | null {
  const tallied = { forceAreaId: null as string | null, status: null as ReportStatus | null };
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === 'forceAreaId' && typeof value === 'string' && isUuid(value)) tallied.forceAreaId = value;
    else if (key === 'status') tallied.status = value as ReportStatus;
    else return null;
  }
  return tallied;
}

function filterToWhere(filter: ReportFilter | undefined, em: EntityManager): FilterQuery<Report> {
  if (!filter) return {};
  // The pattern on the input lets 2026-02-30 through; PostgreSQL would refuse it as an internal error.
  for (const field of ['incidentFrom', 'incidentTo'] as const) {
    const value = filter[field];
    if (value && !isCalendarDate(value)) throw new BadUserInputError(field, 'is not a real date');
  }
  const nothing = { id: null };
  const where: FilterQuery<Report>[] = [];
  if (filter.q?.trim()) where.push({ reference: { $ilike: likePattern(filter.q) } });
  if (filter.forceAreaId) where.push(isUuid(filter.forceAreaId) ? { forceArea: filter.forceAreaId } : nothing);
  if (filter.incidentType) where.push({ incidentTypes: { $contains: [filter.incidentType] } });
  if (filter.status) where.push({ status: filter.status });
  if (filter.policeConsent) where.push({ consent: { police: filter.policeConsent } });
  if (filter.alertsConsent !== undefined && filter.alertsConsent !== null) where.push({ consent: { alerts: filter.alertsConsent } });
  if (filter.incidentFrom) where.push({ incidentDate: { $gte: filter.incidentFrom } });
  if (filter.incidentTo) where.push({ incidentDate: { $lte: filter.incidentTo } });
  if (filter.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
  if (filter.receivedTo) where.push({ receivedAt: { $lte: filter.receivedTo } });
  if (filter.identifierValue?.trim()) {
    if (!filter.identifierKind) throw new BadUserInputError('identifierKind', 'is needed to search by identifier');
    const value = normaliseIdentifier(filter.identifierKind, filter.identifierValue, 'identifierValue');
    // A sub-select, not a join: a page never repeats a report, and the ids query stays one table.
    const withIdentifier = em.createQueryBuilder(ReportIdentifier, 'i').select('i.report').where({ kind: filter.identifierKind, value }).getKnexQuery();
    where.push({ id: { $in: withIdentifier as unknown as string[] } });
  }
  if (filter.memberId) where.push(isUuid(filter.memberId) ? { member: filter.memberId } : nothing);
  if (filter.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
  return where.length ? { $and: where } : {};
}
