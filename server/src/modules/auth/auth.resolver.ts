import { Field, Mutation, ObjectType, Resolver, Arg, Ctx } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { User } from '../user/user.entity';
import { hashedKey, hit } from '../rate-limit/rate-limit';
import { AuthService, normaliseEmail } from './auth.service';

@ObjectType({ description: 'A signed-in session' })
export class LoginPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in. Every failure gives the same UNAUTHENTICATED answer.' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('totp', () => String, { nullable: true, description: 'The current code, when two-factor sign-in is on' })
    totp: string | null,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    // Counted before anything else, whatever the outcome: per network address and per account.
    await hit(ctx.em, 'loginPerAddress', hashedKey(ctx.config, 'address', ctx.clientAddress));
    await hit(ctx.em, 'loginPerAccount', hashedKey(ctx.config, 'email', normaliseEmail(email)));
    const result = await new AuthService(ctx.em, ctx.config).login(email, password, totp);
    ctx.signedIn = result.user;
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of this account, on every device: every token issued so far stops working at once' })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<boolean> {
    await new AuthService(ctx.em, ctx.config).revokeAllSessions(requireViewer(ctx).id);
    return true;
  }
}
