import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { wrap } from '@mikro-orm/core';
import { requireViewer, type Context } from '../../common/context';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { User } from './user.entity';
import { CreateUserInput, ResetPasswordArgs, UpdateUserInput, UserListArgs } from './user.inputs';
import { UserService } from './user.service';

@ObjectType({ description: 'A page of users' })
export class UserList extends PageOf(User) {}

const service = (ctx: Context) => new UserService(ctx.em, requireViewer(ctx));

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in account (also while it may only turn on two-factor sign-in)' })
  me(@Ctx() ctx: Context) {
    return ctx.viewer ?? ctx.enrolling ?? requireViewer(ctx);
  }

  @Query(() => UserList)
  users(@Args(() => UserListArgs) args: UserListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => User)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Mutation(() => User, { description: 'Creates a staff or police partner account (admin)' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return service(ctx).create(input);
  }

  @Mutation(() => User)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => User, { description: 'Stops the account signing in and revokes its tokens' })
  deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).deactivate(id);
  }

  @Mutation(() => User, { description: 'Sets a new password, lifts a lock-out and signs the account out everywhere' })
  resetPassword(@Args(() => ResetPasswordArgs) args: ResetPasswordArgs, @Ctx() ctx: Context) {
    return service(ctx).resetPassword(args.id, args.password);
  }

  @FieldResolver(() => Force, { nullable: true, description: 'The force of a police partner' })
  async force(@Root() user: User, @Ctx() ctx: Context): Promise<Force | null> {
    if (!user.force) return null;
    if (wrap(user.force).isInitialized()) return user.force;
    return ctx.em.findOneOrFail(Force, { id: user.force.id });
  }
}
