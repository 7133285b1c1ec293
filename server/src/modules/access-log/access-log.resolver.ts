import type { FilterQuery } from '@mikro-orm/core';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { isUuid } from '../../common/ids';
import { ListArgs, offsetOf, PageOf, SortOrder } from '../../common/pagination';
import { AccessEvent, AccessKind } from './access-event.entity';

@InputType()
export class AccessEventFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  reportId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  memberId?: string;

  @Field(() => AccessKind, { nullable: true })
  @IsOptional()
  @IsEnum(AccessKind)
  kind?: AccessKind;
}

@ArgsType()
export class AccessEventListArgs extends ListArgs {
  @Field(() => AccessEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AccessEventFilter;
}

@ObjectType({ description: 'A page of access events' })
export class AccessEventList extends PageOf(AccessEvent) {}

@Resolver(() => AccessEvent)
export class AccessEventResolver {
  @Query(() => AccessEventList, { description: 'Who read sensitive data, newest first (staff)' })
  async accessEvents(@Args(() => AccessEventListArgs) args: AccessEventListArgs, @Ctx() ctx: Context) {
    const f = args.filter ?? {};
    const where: FilterQuery<AccessEvent>[] = [];
    if (f.reportId) where.push(isUuid(f.reportId) ? { report: f.reportId } : { id: null });
    if (f.memberId) where.push(isUuid(f.memberId) ? { member: f.memberId } : { id: null });
    if (f.kind) where.push({ kind: f.kind });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await ctx.em.findAndCount(AccessEvent, where.length ? { $and: where } : {}, {
      populate: ['actor', 'force', 'report', 'member'],
      orderBy: [{ at: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }
}
