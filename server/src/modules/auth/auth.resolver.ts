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

  @Field(() => Boolean, { description: 'The account’s role requires two-factor sign-in and it is off: this token may only turn it on (startTwoFactorEnrolment)' })
  twoFactorEnrolmentRequired!: boolean;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in. Every failure gives the same UNAUTHENTICATED answer.' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('totp', () => String, { nullable: true, description: 'When two-factor sign-in is on: the current code from the app, or a recovery code. Without it, a right password answers TWO_FACTOR_REQUIRED' })
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
    await new AuthService(ctx.em, ctx.config).revokeAllSessions((ctx.viewer ?? ctx.enrolling ?? requireViewer(ctx)).id);
    return true;
  }
}
