import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, todayInLondon } from '../../common/dates';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { findPage, offsetOf, SortOrder, type Page } from '../../common/pagination';
import { Role } from '../../policy/roles';
import { Force } from '../force/force.entity';
import { Report } from '../report/report.entity';
import { ReportStatus } from '../report/report.enums';
import { User } from '../user/user.entity';
import { CaseFile, CaseNote, PoliceContact, SupportAction } from './case.entity';
import { CASE_TRANSITIONS, CaseStatus, SupportStatus } from './case.enums';
import type { AddCaseNoteArgs, CaseFilter, CaseListArgs, ChangeCaseStatusArgs, PoliceContactInput, SupportActionInput } from './case.inputs';

/** Case work: staff only (the shield lets managers read and only case workers write). */
export class CaseService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  async list(args: CaseListArgs): Promise<Page<CaseFile>> {
    const order = args.sortOrder ?? (args.sortField ? SortOrder.ASC : SortOrder.DESC);
    return findPage(this.em, CaseFile, this.filterToWhere(args.filter), {
      populate: ['report', 'assignee'],
      orderBy: [{ [args.sortField ?? 'updatedAt']: order }, { id: order }],
      ...offsetOf(args),
    });
  }

  async get(id: string, field = 'id'): Promise<CaseFile> {
    const found = isUuid(id) ? await this.em.findOne(CaseFile, { id }, { populate: ['report', 'assignee'] }) : null;
    if (!found) throw new NotFoundError('Case', field);
    return found;
  }

  /** Opens the case on a report (one per report: a second is CONFLICT) and triages the report. */
  async open(reportId: string, assigneeId?: string | null): Promise<CaseFile> {
    return this.em.transactional(async (em) => {
      const report = isUuid(reportId) ? await em.findOne(Report, { id: reportId }) : null;
      if (!report) throw new NotFoundError('Report', 'reportId');
      if ((await em.count(CaseFile, { report: report.id })) > 0) throw new ConflictError('reportId', 'this report already has a case');
      const assignee = assigneeId ? await caseWorker(em, assigneeId) : em.getReference(User, this.viewer.id);
      const created = em.create(CaseFile, { report, assignee });
      if (report.status === ReportStatus.NEW) report.status = ReportStatus.TRIAGED;
      await em.flush();
      return created;
    });
  }

  async assign(id: string, assigneeId: string | null): Promise<CaseFile> {
    return this.em.transactional(async (em) => {
      const found = await new CaseService(em, this.viewer).get(id);
      found.assignee = assigneeId ? await caseWorker(em, assigneeId) : null;
      await em.flush();
      return found;
    });
  }

  /** Moves the case along CASE_TRANSITIONS; anything else is CONFLICT. Closing needs an outcome. */
  async changeStatus(args: ChangeCaseStatusArgs): Promise<CaseFile> {
    return this.em.transactional(async (em) => {
      const found = await new CaseService(em, this.viewer).get(args.id);
      if (!CASE_TRANSITIONS[found.status].includes(args.status)) {
        throw new ConflictError('status', `a case cannot go from ${found.status} to ${args.status}`);
      }
      if (args.status === CaseStatus.CLOSED) {
        const outcome = args.outcome?.trim();
        if (!outcome) throw new BadUserInputError('outcome', 'is needed to close a case');
        found.outcome = outcome;
        found.closedAt = new Date();
        found.report.status = ReportStatus.CLOSED;
      } else if (found.status === CaseStatus.CLOSED) {
        found.closedAt = null;
        found.report.status = ReportStatus.TRIAGED;
      }
      found.status = args.status;
      await em.flush();
      return found;
    });
  }

  async addNote(args: AddCaseNoteArgs): Promise<CaseNote> {
    return this.em.transactional(async (em) => {
      const found = await new CaseService(em, this.viewer).get(args.caseId, 'caseId');
      const note = em.create(CaseNote, { caseFile: found, author: em.getReference(User, this.viewer.id), body: args.body.trim() });
      found.updatedAt = new Date();
      await em.flush();
      return note;
    });
  }

  async addSupportAction(caseId: string, input: SupportActionInput): Promise<SupportAction> {
    return this.em.transactional(async (em) => {
      const found = await new CaseService(em, this.viewer).get(caseId, 'caseId');
      const action = em.create(SupportAction, {
        caseFile: found,
        kind: input.kind,
        agency: input.agency?.trim() || null,
        status: input.status ?? SupportStatus.PLANNED,
        note: input.note?.trim() || null,
        createdBy: em.getReference(User, this.viewer.id),
      });
      found.updatedAt = new Date();
      await em.flush();
      return action;
    });
  }

  async updateSupportAction(id: string, status: SupportStatus, note?: string | null): Promise<SupportAction> {
    return this.em.transactional(async (em) => {
      const action = isUuid(id) ? await em.findOne(SupportAction, { id }, { populate: ['caseFile'] }) : null;
      if (!action) throw new NotFoundError('SupportAction', 'id');
      action.status = status;
      action.caseFile.updatedAt = new Date();
      if (note !== undefined) action.note = note?.trim() || null;
      await em.flush();
      return action;
    });
  }

  async addPoliceContact(caseId: string, input: PoliceContactInput): Promise<PoliceContact> {
    return this.em.transactional(async (em) => {
      const found = await new CaseService(em, this.viewer).get(caseId, 'caseId');
      if (!isCalendarDate(input.contactDate) || input.contactDate > todayInLondon()) {
        throw new BadUserInputError('contactDate', 'must be a real date, not in the future');
      }
      const force = isUuid(input.forceId) ? await em.findOne(Force, { id: input.forceId }) : null;
      if (!force) throw new BadUserInputError('forceId', 'names a force that does not exist');
      const contact = em.create(PoliceContact, {
        caseFile: found,
        contactDate: input.contactDate,
        force,
        officer: input.officer?.trim() || null,
        crimeReference: input.crimeReference?.trim() || null,
        summary: input.summary.trim(),
        recordedBy: em.getReference(User, this.viewer.id),
      });
      found.updatedAt = new Date();
      await em.flush();
      return contact;
    });
  }

  notes(found: CaseFile): Promise<CaseNote[]> {
    return this.em.find(CaseNote, { caseFile: found.id }, { populate: ['author'], orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  supportActions(found: CaseFile): Promise<SupportAction[]> {
    return this.em.find(SupportAction, { caseFile: found.id }, { populate: ['createdBy'], orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  policeContacts(found: CaseFile): Promise<PoliceContact[]> {
    return this.em.find(PoliceContact, { caseFile: found.id }, { populate: ['force', 'recordedBy'], orderBy: { contactDate: 'ASC', id: 'ASC' } });
  }

  private filterToWhere(filter: CaseFilter | undefined): FilterQuery<CaseFile> {
    if (!filter) return {};
    const nothing = { id: null };
    const where: FilterQuery<CaseFile>[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.open) where.push({ status: { $ne: CaseStatus.CLOSED } });
    if (filter.assignedToMe) where.push({ assignee: this.viewer.id });
    if (filter.assigneeId) where.push(isUuid(filter.assigneeId) ? { assignee: filter.assigneeId } : nothing);
    if (filter.reportId) where.push(isUuid(filter.reportId) ? { report: filter.reportId } : nothing);
    if (filter.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
    return where.length ? { $and: where } : {};
  }
}

async function caseWorker(em: EntityManager, id: string): Promise<User> {
  const user = isUuid(id) ? await em.findOne(User, { id, role: Role.CASE_WORKER, active: true }) : null;
  if (!user) throw new BadUserInputError('assigneeId', 'must name an active case worker');
  return user;
}
