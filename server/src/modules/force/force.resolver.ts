import { Arg, Args, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { PageOf } from '../../common/pagination';
import { Force } from './force.entity';
import { ForceListArgs } from './force.inputs';
import { ForceService } from './force.service';

@ObjectType({ description: 'A page of forces' })
export class ForceList extends PageOf(Force) {}

@Resolver(() => Force)
export class ForceResolver {
  @Query(() => ForceList, { description: 'UK police forces' })
  forces(@Args(() => ForceListArgs) args: ForceListArgs, @Ctx() ctx: Context) {
    return new ForceService(ctx.em).list(args);
  }

  @Query(() => Force)
  force(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new ForceService(ctx.em).get(id);
  }
}
