import type { FilterQuery } from '@mikro-orm/core';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { loaded } from '../../common/load';
import { ListArgs, offsetOf, PageOf, SortOrder } from '../../common/pagination';
import { isStaffRole } from '../../policy/roles';
import { AuditAction, AuditEntityType, AuditEvent } from './audit-event.entity';

@InputType()
export class AuditEventFilter {
  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field(() => AuditEntityType, { nullable: true })
  @IsOptional()
  @IsEnum(AuditEntityType)
  entityType?: AuditEntityType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  runId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class AuditEventListArgs extends ListArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditEventFilter;
}

@ObjectType({ description: 'A page of audit events' })
export class AuditEventList extends PageOf(AuditEvent) {}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventList, { description: 'The audit trail of retention, erasure and legal holds, newest first (admins and managers)' })
  async auditEvents(@Args(() => AuditEventListArgs) args: AuditEventListArgs, @Ctx() ctx: Context) {
    const f = args.filter ?? {};
    const where: FilterQuery<AuditEvent>[] = [];
    if (f.action) where.push({ action: f.action });
    if (f.entityType) where.push({ entityType: f.entityType });
    if (f.entityId) where.push(isUuid(f.entityId) ? { entityId: f.entityId } : { id: null });
    if (f.runId) where.push(isUuid(f.runId) ? { runId: f.runId } : { id: null });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.DESC;
    const [nodes, totalCount] = await ctx.em.findAndCount(AuditEvent, where.length ? { $and: where } : {}, {
      populate: ['actor'],
      orderBy: [{ at: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  @Query(() => AuditEvent)
  async auditEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AuditEvent> {
    const event = isUuid(id) ? await ctx.em.findOne(AuditEvent, { id }, { populate: ['actor'] }) : null;
    if (!event) throw new NotFoundError('AuditEvent');
    return event;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The member of staff who acted; null for the job, and for a member (never named here)' })
  async actorName(@Root() event: AuditEvent): Promise<string | null> {
    if (!event.actorRole || !isStaffRole(event.actorRole)) return null;
    return (await loaded(event.actor))?.name ?? null;
  }
}
