import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, todayInLondon } from '../../common/dates';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { financialYearBounds } from '../../common/financial-year';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { trainingInvitationScope, trainingSessionScope } from '../../policy/scopes';
import { Force } from '../force/force.entity';
import { forcesByIds } from '../member/member.service';
import { User } from '../user/user.entity';
import { INVITATION_TRANSITIONS, InvitationStatus, TrainingFeedback, TrainingInvitation, TrainingSession } from './training.entity';
import type {
  MoveTrainingInvitationArgs,
  ThemeCountInput,
  TrainingFeedbackInput,
  TrainingInvitationInput,
  TrainingInvitationListArgs,
  TrainingSessionInput,
  TrainingSessionListArgs,
} from './training.inputs';
import { TrainingSessionSortField } from './training.inputs';

function checkDate(value: string, field: string, { future = false } = {}): string {
  const date = value?.trim();
  if (!date || !isCalendarDate(date)) throw new BadUserInputError(field, 'must be a date written YYYY-MM-DD');
  if (!future && date > todayInLondon()) throw new BadUserInputError(field, 'cannot be in the future');
  return date;
}

/** The same theme named twice is one theme (counts added); blank themes are refused. */
function themes(list: ThemeCountInput[], field: string) {
  const merged = new Map<string, { theme: string; count: number }>();
  list.forEach((t, i) => {
    const theme = t.theme.trim().replace(/\s+/g, ' ');
    if (!theme) throw new BadUserInputError(`${field}.${i}.theme`, 'must not be blank');
    const key = theme.toLowerCase();
    const seen = merged.get(key);
    if (seen) seen.count += t.count;
    else merged.set(key, { theme, count: t.count });
  });
  return [...merged.values()].sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
}

/** Training sessions, their feedback and the invitation pipeline: managers write; staff read; police their own force's. */
export class TrainingService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  async list(args: TrainingSessionListArgs): Promise<Page<TrainingSession>> {
    const f = args.filter ?? {};
    const where: FilterQuery<TrainingSession>[] = [trainingSessionScope(this.viewer)];
    if (f.forceId) where.push(isUuid(f.forceId) ? { forces: f.forceId } : { id: null });
    if (f.financialYear) {
      const { from, to } = financialYearBounds(f.financialYear);
      where.push({ date: { $gte: from, $lte: to } });
    }
    if (f.programme) where.push({ programme: f.programme });
    if (f.format) where.push({ format: f.format });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const sort = args.sortField ?? TrainingSessionSortField.date;
    const [nodes, totalCount] = await this.em.findAndCount(TrainingSession, { $and: where }, {
      populate: ['forces', 'feedback'],
      populateWhere: 'all',
      orderBy: [{ [sort]: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string, field = 'id'): Promise<TrainingSession> {
    const found = isUuid(id)
      ? await this.em.findOne(TrainingSession, { $and: [{ id }, trainingSessionScope(this.viewer)] }, { populate: ['forces', 'feedback'], populateWhere: 'all' })
      : null;
    if (!found) throw new NotFoundError('TrainingSession', field);
    return found;
  }

  async create(input: TrainingSessionInput): Promise<TrainingSession> {
    return this.em.transactional(async (em) => {
      const session = em.create(TrainingSession, {
        date: checkDate(input.date, 'date'),
        format: input.format,
        programme: input.programme.trim(),
        officersAttending: input.officersAttending,
        recordedBy: em.getReference(User, this.viewer.id),
      });
      await this.apply(em, session, input);
      await em.flush();
      return session;
    });
  }

  async update(id: string, input: TrainingSessionInput): Promise<TrainingSession> {
    return this.em.transactional(async (em) => {
      const session = await new TrainingService(em, this.viewer).get(id);
      session.date = checkDate(input.date, 'date');
      session.format = input.format;
      session.programme = input.programme.trim();
      session.officersAttending = input.officersAttending;
      await this.apply(em, session, input);
      if (session.feedback && session.feedback.responses > session.officersAttending) {
        throw new BadUserInputError('officersAttending', `is fewer than the ${session.feedback.responses} feedback responses recorded`);
      }
      await em.flush();
      return session;
    });
  }

  async remove(id: string): Promise<TrainingSession> {
    return this.em.transactional(async (em) => {
      const session = await new TrainingService(em, this.viewer).get(id);
      const delivered = await em.count(TrainingInvitation, { session: session.id });
      if (delivered > 0) throw new ConflictError('id', 'an invitation is marked delivered by this session: change the invitation first');
      if (session.feedback) em.remove(session.feedback);
      em.remove(session);
      await em.flush();
      return session;
    });
  }

  private async apply(em: EntityManager, session: TrainingSession, input: TrainingSessionInput): Promise<void> {
    if (!input.programme.trim()) throw new BadUserInputError('programme', 'must not be blank');
    session.forces.set(await forcesByIds(em, input.forceIds, 'forceIds'));
    session.location = input.location?.trim() || null;
    session.notes = input.notes?.trim() || null;
    session.trainers = input.trainers.map((t, i) => {
      const name = t.name.trim();
      if (!name) throw new BadUserInputError(`trainers.${i}.name`, 'must not be blank');
      return { name, expertByExperience: t.expertByExperience };
    });
  }

  /** Records (or replaces) the feedback for a session. */
  async recordFeedback(sessionId: string, input: TrainingFeedbackInput): Promise<TrainingSession> {
    return this.em.transactional(async (em) => {
      const session = await new TrainingService(em, this.viewer).get(sessionId, 'sessionId');
      if (input.intendToUse > input.responses) throw new BadUserInputError('intendToUse', `cannot be more than the ${input.responses} responses`);
      if (input.responses > session.officersAttending) {
        throw new BadUserInputError('responses', `cannot be more than the ${session.officersAttending} officers who attended`);
      }
      const values = {
        responses: input.responses,
        intendToUse: input.intendToUse,
        concernsBefore: themes(input.concernsBefore, 'concernsBefore'),
        concernsAfter: themes(input.concernsAfter, 'concernsAfter'),
      };
      if (session.feedback) Object.assign(session.feedback, values);
      else session.feedback = em.create(TrainingFeedback, { session, ...values });
      await em.flush();
      return session;
    });
  }

  async listInvitations(args: TrainingInvitationListArgs): Promise<Page<TrainingInvitation>> {
    const f = args.filter ?? {};
    const where: FilterQuery<TrainingInvitation>[] = [trainingInvitationScope(this.viewer)];
    if (f.forceId) where.push(isUuid(f.forceId) ? { force: f.forceId } : { id: null });
    if (f.programme) where.push({ programme: f.programme });
    if (f.status) where.push({ status: f.status });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await this.em.findAndCount(TrainingInvitation, { $and: where }, {
      populate: ['force'],
      orderBy: [{ invitedOn: order }, { force: { name: 'ASC' } }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async getInvitation(id: string, field = 'id'): Promise<TrainingInvitation> {
    const found = isUuid(id) ? await this.em.findOne(TrainingInvitation, { $and: [{ id }, trainingInvitationScope(this.viewer)] }, { populate: ['force'] }) : null;
    if (!found) throw new NotFoundError('TrainingInvitation', field);
    return found;
  }

  async invite(input: TrainingInvitationInput): Promise<TrainingInvitation> {
    return this.em.transactional(async (em) => {
      const force = isUuid(input.forceId) ? await em.findOne(Force, { id: input.forceId }) : null;
      if (!force) throw new BadUserInputError('forceId', 'names a force that does not exist');
      const programme = input.programme.trim();
      if (!programme) throw new BadUserInputError('programme', 'must not be blank');
      if (await em.count(TrainingInvitation, { force: force.id, programme })) {
        throw new ConflictError('forceId', 'that force is already invited to this programme');
      }
      const invitation = em.create(TrainingInvitation, {
        force,
        programme,
        invitedOn: checkDate(input.invitedOn, 'invitedOn'),
        notes: input.notes?.trim() || null,
      });
      await em.flush();
      return invitation;
    });
  }

  /** Moves an invitation along (accepted, declined, delivered), dating each step. */
  async moveInvitation(args: MoveTrainingInvitationArgs): Promise<TrainingInvitation> {
    return this.em.transactional(async (em) => {
      const invitation = await new TrainingService(em, this.viewer).getInvitation(args.id);
      if (!INVITATION_TRANSITIONS[invitation.status].includes(args.status)) {
        throw new ConflictError('status', `an invitation cannot go from ${invitation.status} to ${args.status}`);
      }
      const on = checkDate(args.on, 'on');
      if (on < invitation.invitedOn) throw new BadUserInputError('on', 'cannot be before the invitation was sent');
      if (args.sessionId && args.status !== InvitationStatus.DELIVERED) throw new BadUserInputError('sessionId', 'is only for DELIVERED');
      if (args.status === InvitationStatus.ACCEPTED) invitation.acceptedOn = on;
      if (args.status === InvitationStatus.DECLINED) invitation.declinedOn = on;
      if (args.status === InvitationStatus.DELIVERED) {
        invitation.deliveredOn = on;
        if (args.sessionId) {
          const session = isUuid(args.sessionId) ? await em.findOne(TrainingSession, { id: args.sessionId }, { populate: ['forces'] }) : null;
          if (!session) throw new BadUserInputError('sessionId', 'names a session that does not exist');
          if (!session.forces.getItems().some((f) => f.id === invitation.force.id)) {
            throw new BadUserInputError('sessionId', 'that session was not attended by this force');
          }
          invitation.session = session;
        }
      }
      invitation.status = args.status;
      await em.flush();
      return invitation;
    });
  }
}
