import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity';
import { userActor, writeAudit } from '../audit/audit';
import { Member } from '../member/member.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { LegalHold, LegalHoldTarget } from './legal-hold.entity';
import type { LegalHoldListArgs, PlaceLegalHoldInput, ReleaseLegalHoldArgs } from './retention.inputs';
import { LEGAL_HOLD_LOCK } from './retention.sql';

const ENTITY: Record<LegalHoldTarget, AuditEntityType> = {
  [LegalHoldTarget.MEMBER]: AuditEntityType.MEMBER,
  [LegalHoldTarget.REPORT]: AuditEntityType.REPORT,
};

/** The record a hold is on, by id. */
export const holdEntityId = (hold: LegalHold): string => (hold.target === LegalHoldTarget.MEMBER ? hold.member!.id : hold.report!.id);

/**
 * Legal holds. A hold is a preservation order, not a read: it is placed on a record by id and
 * answers with the hold only, never the record's content, so staff who may not read a member or
 * a report (a manager, an admin) can still preserve it. Placing waits for any retention batch in
 * flight (an exclusive advisory lock; batches hold it shared), so no batch anonymises what a hold
 * it missed now covers.
 */
export class LegalHoldService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  async place(input: PlaceLegalHoldInput, now = new Date()): Promise<LegalHold> {
    return this.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [LEGAL_HOLD_LOCK]);
      const ref = { member: null as Member | null, report: null as Report | null };
      if (input.target === LegalHoldTarget.MEMBER) {
        ref.member = isUuid(input.id) ? await em.findOne(Member, { id: input.id }) : null;
        if (!ref.member) throw new NotFoundError('Member', 'id');
        if (ref.member.erasedAt) throw new ConflictError('id', 'this member’s account was erased: there is nothing left to hold');
      } else {
        ref.report = isUuid(input.id) ? await em.findOne(Report, { id: input.id }) : null;
        if (!ref.report) throw new NotFoundError('Report', 'id');
      }
      const existing = await em.count(LegalHold, { ...(ref.member ? { member: ref.member } : { report: ref.report }), releasedAt: null });
      if (existing > 0) throw new ConflictError('id', 'is already on legal hold');
      const hold = em.create(LegalHold, {
        target: input.target,
        member: ref.member,
        report: ref.report,
        reason: input.reason.trim(),
        placedBy: em.getReference(User, this.viewer.id),
        placedAt: now,
      });
      await em.flush();
      await writeAudit(em, userActor(this.viewer), { action: AuditAction.LEGAL_HOLD_PLACED, entityType: ENTITY[input.target], entityIds: [input.id] }, now);
      return hold;
    });
  }

  async release(args: ReleaseLegalHoldArgs, now = new Date()): Promise<LegalHold> {
    return this.em.transactional(async (em) => {
      const hold = isUuid(args.id) ? await em.findOne(LegalHold, { id: args.id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!hold) throw new NotFoundError('LegalHold', 'id');
      if (hold.releasedAt) throw new ConflictError('id', 'was already released');
      hold.releasedAt = now;
      hold.releasedBy = em.getReference(User, this.viewer.id);
      hold.releaseReason = args.reason.trim();
      await em.flush();
      await writeAudit(em, userActor(this.viewer), { action: AuditAction.LEGAL_HOLD_RELEASED, entityType: ENTITY[hold.target], entityIds: [holdEntityId(hold)] }, now);
      return hold;
    });
  }

  async list(args: LegalHoldListArgs): Promise<Page<LegalHold>> {
    const f = args.filter ?? {};
    const where: FilterQuery<LegalHold>[] = [f.active === false ? { releasedAt: { $ne: null } } : { releasedAt: null }];
    if (f.target) where.push({ target: f.target });
    if (f.entityId) where.push(isUuid(f.entityId) ? { $or: [{ member: f.entityId }, { report: f.entityId }] } : { id: null });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await this.em.findAndCount(LegalHold, { $and: where }, {
      orderBy: [{ placedAt: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string): Promise<LegalHold> {
    const hold = isUuid(id) ? await this.em.findOne(LegalHold, { id }) : null;
    if (!hold) throw new NotFoundError('LegalHold');
    return hold;
  }
}

/**
 * The holds in force on many records at once: one query for every member (or report) whose
 * `legalHold` field a response asks for, however many rows it lists.
 */
export class ActiveHoldLoader {
  private pending = new Map<string, { resolve: (hold: LegalHold | null) => void; reject: (err: unknown) => void }[]>();
  private scheduled = false;

  constructor(
    private readonly em: EntityManager,
    private readonly target: LegalHoldTarget,
  ) {}

  load(id: string): Promise<LegalHold | null> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(id) ?? [];
      waiting.push({ resolve, reject });
      this.pending.set(id, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        // After every field of this tick has asked: one query for all of them.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const key = this.target === LegalHoldTarget.MEMBER ? 'member' : 'report';
    try {
      const holds = await this.em.find(LegalHold, { [key]: { $in: [...batch.keys()] }, releasedAt: null } as FilterQuery<LegalHold>);
      const byId = new Map(holds.map((h) => [holdEntityId(h), h]));
      for (const [id, waiting] of batch) for (const w of waiting) w.resolve(byId.get(id) ?? null);
    } catch (err) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(err);
    }
  }
}
