import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { financialYearOf } from '../../common/financial-year';
import { loaded } from '../../common/load';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { TrainingFeedback, TrainingInvitation, TrainingSession } from './training.entity';
import {
  MoveTrainingInvitationArgs,
  TrainingFeedbackInput,
  TrainingInvitationInput,
  TrainingInvitationListArgs,
  TrainingSessionInput,
  TrainingSessionListArgs,
} from './training.inputs';
import { TrainingService } from './training.service';

@ObjectType({ description: 'A page of training sessions' })
export class TrainingSessionList extends PageOf(TrainingSession) {}

@ObjectType({ description: 'A page of training invitations' })
export class TrainingInvitationList extends PageOf(TrainingInvitation) {}

const service = (ctx: Context) => new TrainingService(ctx.em, requireViewer(ctx));

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSessionList, { description: 'Training sessions: police partners see only those their force attended' })
  trainingSessions(@Args(() => TrainingSessionListArgs) args: TrainingSessionListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => TrainingSession)
  trainingSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Mutation(() => TrainingSession)
  createTrainingSession(@Arg('input', () => TrainingSessionInput) input: TrainingSessionInput, @Ctx() ctx: Context) {
    return service(ctx).create(input);
  }

  @Mutation(() => TrainingSession)
  updateTrainingSession(@Arg('id', () => ID) id: string, @Arg('input', () => TrainingSessionInput) input: TrainingSessionInput, @Ctx() ctx: Context) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => TrainingSession, { description: 'Deletes a session entered by mistake (and its feedback)' })
  deleteTrainingSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).remove(id);
  }

  @Mutation(() => TrainingSession, { description: 'Records, or replaces, the feedback from a session' })
  recordTrainingFeedback(@Arg('sessionId', () => ID) sessionId: string, @Arg('input', () => TrainingFeedbackInput) input: TrainingFeedbackInput, @Ctx() ctx: Context) {
    return service(ctx).recordFeedback(sessionId, input);
  }

  @FieldResolver(() => [Force])
  async forces(@Root() session: TrainingSession): Promise<Force[]> {
    if (!session.forces.isInitialized()) await session.forces.init();
    return [...session.forces.getItems()].sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => TrainingFeedback, { nullable: true })
  feedback(@Root() session: TrainingSession) {
    return loaded(session.feedback);
  }

  @FieldResolver(() => String, { description: 'The financial year it was delivered in' })
  financialYear(@Root() session: TrainingSession): string {
    return financialYearOf(session.date);
  }
}

@Resolver(() => TrainingInvitation)
export class TrainingInvitationResolver {
  @Query(() => TrainingInvitationList, { description: 'Invitations to training: police partners see only their own force’s' })
  trainingInvitations(@Args(() => TrainingInvitationListArgs) args: TrainingInvitationListArgs, @Ctx() ctx: Context) {
    return service(ctx).listInvitations(args);
  }

  @Query(() => TrainingInvitation)
  trainingInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).getInvitation(id);
  }

  @Mutation(() => TrainingInvitation, { description: 'Invites a force to a training programme' })
  createTrainingInvitation(@Arg('input', () => TrainingInvitationInput) input: TrainingInvitationInput, @Ctx() ctx: Context) {
    return service(ctx).invite(input);
  }

  @Mutation(() => TrainingInvitation, { description: 'Records that a force accepted, declined or was trained' })
  moveTrainingInvitation(@Args(() => MoveTrainingInvitationArgs) args: MoveTrainingInvitationArgs, @Ctx() ctx: Context) {
    return service(ctx).moveInvitation(args);
  }

  @FieldResolver(() => Force)
  force(@Root() invitation: TrainingInvitation) {
    return loaded(invitation.force);
  }

  @FieldResolver(() => TrainingSession, { nullable: true, description: 'Shown only if the caller may see that session' })
  async session(@Root() invitation: TrainingInvitation, @Ctx() ctx: Context): Promise<TrainingSession | null> {
    if (!invitation.session) return null;
    return service(ctx).get(invitation.session.id).catch(() => null);
  }
}
