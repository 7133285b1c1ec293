import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { loaded } from '../../common/load';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { Report } from '../report/report.entity';
import { PoliceRequest } from './police-request.entity';
import { AnswerPoliceRequestArgs, CreatePoliceRequestInput, PoliceRequestListArgs } from './police-request.inputs';
import { PoliceRequestService } from './police-request.service';

@ObjectType({ description: 'A page of police requests' })
export class PoliceRequestList extends PageOf(PoliceRequest) {}

const service = (ctx: Context) => new PoliceRequestService(ctx.em, requireViewer(ctx));

@Resolver(() => PoliceRequest)
export class PoliceRequestResolver {
  @Query(() => PoliceRequestList, { description: 'Police requests: officers see their own force’s only' })
  policeRequests(@Args(() => PoliceRequestListArgs) args: PoliceRequestListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => PoliceRequest)
  policeRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Mutation(() => PoliceRequest, { description: 'An officer asks for intelligence or for an alert' })
  createPoliceRequest(@Arg('input', () => CreatePoliceRequestInput) input: CreatePoliceRequestInput, @Ctx() ctx: Context) {
    return service(ctx).create(input);
  }

  @Mutation(() => PoliceRequest, { description: 'A case worker is asking the member(s) for consent' })
  markPoliceRequestWithMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).markWithMember(id);
  }

  @Mutation(() => PoliceRequest, { description: 'Answers, attaching only reports that force may see now' })
  answerPoliceRequest(@Args(() => AnswerPoliceRequestArgs) args: AnswerPoliceRequestArgs, @Ctx() ctx: Context) {
    return service(ctx).answer(args);
  }

  @Mutation(() => PoliceRequest)
  declinePoliceRequest(@Arg('id', () => ID) id: string, @Arg('reply', () => String, { description: 'Why, for the officer' }) reply: string, @Ctx() ctx: Context) {
    return service(ctx).decline(id, reply);
  }

  @FieldResolver(() => Force)
  force(@Root() request: PoliceRequest) {
    return loaded(request.force);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The officer who asked' })
  async requestedByName(@Root() request: PoliceRequest): Promise<string | null> {
    return (await loaded(request.requestedBy))?.name ?? null;
  }

  @FieldResolver(() => [Report], { description: 'Attached reports the caller may still see (consent is checked at read time)' })
  reports(@Root() request: PoliceRequest, @Ctx() ctx: Context) {
    return service(ctx).reports(request);
  }
}
