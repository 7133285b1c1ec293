import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { loaded } from '../../common/load';
import { offsetOf, PageOf, SortOrder } from '../../common/pagination';
import { AuditAction } from '../audit/audit-event.entity';
import { userActor } from '../audit/audit';
import { verifyPassword } from '../auth/password';
import { Member } from '../member/member.entity';
import { MemberService } from '../member/member.service';
import { hashedKey, hit } from '../rate-limit/rate-limit';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { ErasureRequest } from './erasure-request.entity';
import { ErasureService } from './erasure.service';
import { LegalHold, LegalHoldTarget } from './legal-hold.entity';
import { ActiveHoldLoader, holdEntityId, LegalHoldService } from './legal-hold.service';
import { LegalHoldError } from './retention.errors';
import { ErasureRequestListArgs, LegalHoldListArgs, PlaceLegalHoldInput, ReleaseLegalHoldArgs } from './retention.inputs';
import { RetentionService } from './retention.service';

@ObjectType({ description: 'A page of legal holds' })
export class LegalHoldList extends PageOf(LegalHold) {}

@ObjectType({ description: 'A page of erasure requests' })
export class ErasureRequestList extends PageOf(ErasureRequest) {}

@ObjectType({ description: 'What one retention schedule did in a run' })
export class RetentionOutcome {
  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => Int, { description: 'Records anonymised, archived, deleted or erased' })
  count!: number;

  @Field(() => Date, { nullable: true, description: 'Records older than this were in scope' })
  cutoff!: Date | null;
}

@ObjectType({ description: 'One run of the retention schedules; its audit rows carry its runId' })
export class RetentionRun {
  @Field(() => ID)
  runId!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date)
  finishedAt!: Date;

  @Field(() => [RetentionOutcome])
  outcomes!: RetentionOutcome[];
}

/** The longest password any account can have (as at sign-in): refuse before hashing more. */
const MAX_PASSWORD_INPUT = 1024;

const holdLoaders = new WeakMap<Context, Record<LegalHoldTarget, ActiveHoldLoader>>();
function activeHold(ctx: Context, target: LegalHoldTarget, id: string): Promise<LegalHold | null> {
  let loaders = holdLoaders.get(ctx);
  if (!loaders) {
    loaders = { MEMBER: new ActiveHoldLoader(ctx.em, LegalHoldTarget.MEMBER), REPORT: new ActiveHoldLoader(ctx.em, LegalHoldTarget.REPORT) };
    holdLoaders.set(ctx, loaders);
  }
  return loaders[target].load(id);
}

const holds = (ctx: Context) => new LegalHoldService(ctx.em, requireViewer(ctx));

@Resolver(() => LegalHold)
export class LegalHoldResolver {
  @Query(() => LegalHoldList, { description: 'Legal holds, newest first: in force unless filter.active is false (staff)' })
  legalHolds(@Args(() => LegalHoldListArgs) args: LegalHoldListArgs, @Ctx() ctx: Context) {
    return holds(ctx).list(args);
  }

  @Query(() => LegalHold)
  legalHold(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return holds(ctx).get(id);
  }

  @Mutation(() => LegalHold, { description: 'Stops every anonymisation, deletion and erasure of a member or a report (and its case) until released' })
  placeLegalHold(@Arg('input', () => PlaceLegalHoldInput) input: PlaceLegalHoldInput, @Ctx() ctx: Context) {
    return holds(ctx).place(input);
  }

  @Mutation(() => LegalHold, { description: 'Ends a legal hold (managers and admins); retention and waiting erasure requests then proceed' })
  releaseLegalHold(@Args(() => ReleaseLegalHoldArgs) args: ReleaseLegalHoldArgs, @Ctx() ctx: Context) {
    return holds(ctx).release(args);
  }

  @FieldResolver(() => ID, { description: 'The member or report it is on' })
  entityId(@Root() hold: LegalHold): string {
    return holdEntityId(hold);
  }

  @FieldResolver(() => Boolean, { description: 'In force (not released)' })
  active(@Root() hold: LegalHold): boolean {
    return !hold.releasedAt;
  }

  @FieldResolver(() => String, { nullable: true })
  async placedByName(@Root() hold: LegalHold): Promise<string | null> {
    return (await loaded(hold.placedBy))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async releasedByName(@Root() hold: LegalHold): Promise<string | null> {
    return (await loaded(hold.releasedBy))?.name ?? null;
  }
}

@Resolver(() => Member)
export class MemberRetentionResolver {
  @FieldResolver(() => LegalHold, { nullable: true, description: 'The legal hold in force on this member, if any (staff)' })
  legalHold(@Root() member: Member, @Ctx() ctx: Context) {
    return activeHold(ctx, LegalHoldTarget.MEMBER, member.id);
  }

  @Mutation(() => Boolean, {
    description:
      'The signed-in member erases their account (confirmed with their password): their personal data is removed and every session ends; ' +
      'anonymous statistics remain. Under a legal hold: CONFLICT (field legalHold), and the request is recorded.',
  })
  async requestErasure(@Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = requireViewer(ctx);
    if (!viewer.member) throw new NotFoundError('Member');
    if (password.length > MAX_PASSWORD_INPUT) throw new BadUserInputError('password', 'is not right');
    // The same budget as signing in to this account: this cannot be used to guess the password.
    await hit(ctx.em, 'loginPerAccount', hashedKey(ctx.config, 'email', viewer.email));
    const user = await ctx.em.findOneOrFail(User, { id: viewer.id }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, password))) throw new BadUserInputError('password', 'is not right');
    const outcome = await new ErasureService(ctx.em, ctx.config).erase(viewer.member.id, userActor(viewer), new Date(), { userId: viewer.id, role: viewer.role });
    if (outcome === 'held') throw new LegalHoldError();
    return true;
  }

  @Mutation(() => Member, {
    description: 'A case worker erases a member’s account at the member’s request (e.g. by phone). Under a legal hold: CONFLICT (field legalHold), and the request is recorded.',
  })
  async eraseMember(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context): Promise<Member> {
    const viewer = requireViewer(ctx);
    const member = await new MemberService(ctx.em, ctx.config).get(viewer, memberId).catch(() => {
      throw new NotFoundError('Member', 'memberId');
    });
    const outcome = await new ErasureService(ctx.em, ctx.config).erase(member.id, userActor(viewer), new Date(), { userId: viewer.id, role: viewer.role });
    if (outcome === 'held') throw new LegalHoldError();
    if (outcome === 'already-erased') throw new ConflictError('memberId', 'this account was already erased');
    return ctx.em.fork().findOneOrFail(Member, { id: member.id }, { populate: ['alertAreas'] });
  }
}

@Resolver(() => Report)
export class ReportRetentionResolver {
  @FieldResolver(() => LegalHold, { nullable: true, description: 'The legal hold in force on this report and its case, if any (staff)' })
  legalHold(@Root() report: Report, @Ctx() ctx: Context) {
    return activeHold(ctx, LegalHoldTarget.REPORT, report.id);
  }
}

@Resolver(() => ErasureRequest)
export class ErasureRequestResolver {
  @Query(() => ErasureRequestList, { description: 'Members’ erasure requests, newest first: PENDING ones wait for a legal hold to end (staff)' })
  async erasureRequests(@Args(() => ErasureRequestListArgs) args: ErasureRequestListArgs, @Ctx() ctx: Context) {
    const f = args.filter ?? {};
    const where: FilterQuery<ErasureRequest>[] = [];
    if (f.status) where.push({ status: f.status });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await ctx.em.findAndCount(ErasureRequest, where.length ? { $and: where } : {}, {
      orderBy: [{ createdAt: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  @FieldResolver(() => ID, { description: 'The member (an id; case workers may read the member)' })
  memberId(@Root() request: ErasureRequest): string {
    return request.member.id;
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() request: ErasureRequest) {
    return loaded(request.member);
  }
}

@Resolver()
export class RetentionResolver {
  @Mutation(() => RetentionRun, { description: 'Applies the retention schedules now (admins); the daily job does the same' })
  async runRetention(@Ctx() ctx: Context): Promise<RetentionRun> {
    const viewer = requireViewer(ctx);
    return new RetentionService(ctx.em, ctx.config).run({ actor: userActor(viewer, randomUUID()) });
  }
}
