import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { Role } from '../../policy/roles';
import { reportScope } from '../../policy/scopes';
import { normaliseIdentifier } from '../identifier/identifier.normalise';
import { IdentifierKind } from '../identifier/identifier.kind';
import { Report } from '../report/report.entity';
import { reportPopulate } from '../report/report.service';
import { User } from '../user/user.entity';
import { POLICE_REQUEST_TRANSITIONS, PoliceRequest, PoliceRequestKind, PoliceRequestStatus } from './police-request.entity';
import type { AnswerPoliceRequestArgs, CreatePoliceRequestInput, PoliceRequestListArgs } from './police-request.inputs';

/** An officer as seen by the reports scope: a police partner of the given force. */
function officerOf(forceId: string): User {
  return { id: '', role: Role.POLICE_PARTNER, force: { id: forceId } } as unknown as User;
}

/** Requests from police: officers see their own force's; case workers and managers all. */
export class PoliceRequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  private scope(): FilterQuery<PoliceRequest> {
    if (this.viewer.role === Role.CASE_WORKER || this.viewer.role === Role.MANAGER) return {};
    if (this.viewer.role === Role.POLICE_PARTNER && this.viewer.force) return { force: this.viewer.force.id };
    return { id: null };
  }

  async list(args: PoliceRequestListArgs): Promise<Page<PoliceRequest>> {
    const f = args.filter ?? {};
    const where: FilterQuery<PoliceRequest>[] = [this.scope()];
    if (f.status) where.push({ status: f.status });
    if (f.kind) where.push({ kind: f.kind });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await this.em.findAndCount(PoliceRequest, { $and: where }, {
      populate: ['force', 'requestedBy'],
      orderBy: [{ createdAt: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string, field = 'id'): Promise<PoliceRequest> {
    const found = isUuid(id) ? await this.em.findOne(PoliceRequest, { $and: [{ id }, this.scope()] }, { populate: ['force', 'requestedBy'] }) : null;
    if (!found) throw new NotFoundError('PoliceRequest', field);
    return found;
  }

  async create(input: CreatePoliceRequestInput): Promise<PoliceRequest> {
    const force = this.viewer.force;
    if (!force) throw new BadUserInputError('force', 'your account has no force');
    return this.em.transactional(async (em) => {
      let identifierKind: IdentifierKind | null = null;
      let identifierValue: string | null = null;
      if (input.kind === PoliceRequestKind.IDENTIFIER_INTELLIGENCE) {
        if (!input.identifierKind) throw new BadUserInputError('identifierKind', 'is needed to ask about an identifier');
        if (!input.identifierValue?.trim()) throw new BadUserInputError('identifierValue', 'is needed to ask about an identifier');
        identifierKind = input.identifierKind;
        identifierValue = normaliseIdentifier(input.identifierKind, input.identifierValue, 'identifierValue');
      }
      const request = em.create(PoliceRequest, {
        force: em.getReference('Force', force.id),
        requestedBy: em.getReference(User, this.viewer.id),
        kind: input.kind,
        question: input.question.trim(),
        identifierKind,
        identifierValue,
        crimeReference: input.crimeReference?.trim() || null,
      } as never);
      await em.flush();
      return request;
    });
  }

  async markWithMember(id: string): Promise<PoliceRequest> {
    return this.move(id, PoliceRequestStatus.WITH_MEMBER);
  }

  async decline(id: string, reply: string): Promise<PoliceRequest> {
    const text = reply.trim();
    if (!text || text.length > 10000) throw new BadUserInputError('reply', 'must be between 1 and 10000 characters');
    return this.move(id, PoliceRequestStatus.DECLINED, text);
  }

  /**
   * Answers with a reply and, optionally, reports: each must be visible to the requesting force
   * right now (its member agreed, and it is that force's or shared with it).
   */
  async answer(args: AnswerPoliceRequestArgs): Promise<PoliceRequest> {
    return this.em.transactional(async (em) => {
      const request = await new PoliceRequestService(em, this.viewer).get(args.id);
      this.checkMove(request, PoliceRequestStatus.ANSWERED);
      const ids = [...new Set(args.reportIds ?? [])];
      if (ids.length > 0) {
        if (!ids.every(isUuid)) throw new BadUserInputError('reportIds', 'names a report that does not exist');
        const visible = await em.find(Report, { $and: [{ id: { $in: ids } }, reportScope(officerOf(request.force.id))] });
        if (visible.length !== ids.length) {
          throw new BadUserInputError('reportIds', 'includes a report that force may not see: ask the member for consent, or share it, first');
        }
        request.reports.set(visible);
      }
      request.reply = args.reply.trim();
      request.status = PoliceRequestStatus.ANSWERED;
      request.answeredBy = em.getReference(User, this.viewer.id);
      request.answeredAt = new Date();
      await em.flush();
      return request;
    });
  }

  /** The attached reports the caller may see now: for police, consent is checked again at read time. */
  async reports(request: PoliceRequest): Promise<Report[]> {
    const ids = (await this.em.getConnection().execute<{ report_id: string }[]>('select report_id from police_request_report where police_request_id = ?', [request.id])).map((r) => r.report_id);
    if (ids.length === 0) return [];
    return this.em.find(Report, { $and: [{ id: { $in: ids } }, reportScope(this.viewer)] }, { populate: reportPopulate(this.viewer), orderBy: { receivedAt: 'DESC' } });
  }

  private async move(id: string, status: PoliceRequestStatus, reply?: string): Promise<PoliceRequest> {
    return this.em.transactional(async (em) => {
      const request = await new PoliceRequestService(em, this.viewer).get(id);
      this.checkMove(request, status);
      request.status = status;
      if (reply !== undefined) {
        request.reply = reply.trim();
        request.answeredBy = em.getReference(User, this.viewer.id);
        request.answeredAt = new Date();
      }
      await em.flush();
      return request;
    });
  }

  private checkMove(request: PoliceRequest, to: PoliceRequestStatus): void {
    if (!POLICE_REQUEST_TRANSITIONS[request.status].includes(to)) {
      throw new ConflictError('status', `a request cannot go from ${request.status} to ${to}`);
    }
  }
}
