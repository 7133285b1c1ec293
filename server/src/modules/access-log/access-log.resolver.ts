import type { FilterQuery } from '@mikro-orm/core';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { loaded } from '../../common/load';
import { Force } from '../force/force.entity';
import { Member } from '../member/member.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
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

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AccessEvent) {
    return loaded(event.actor);
  }

  @FieldResolver(() => Force, { nullable: true, description: 'The force of a police reader' })
  force(@Root() event: AccessEvent) {
    return loaded(event.force);
  }

  @FieldResolver(() => Report, { nullable: true })
  report(@Root() event: AccessEvent) {
    return loaded(event.report);
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() event: AccessEvent) {
    return loaded(event.member);
  }
}
