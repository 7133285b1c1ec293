import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { ForbiddenError } from '../../common/errors';
import { User } from '../user/user.entity';
import { hashedKey, hit } from '../rate-limit/rate-limit';
import { AuthService } from './auth.service';
import { TwoFactorService, twoFactorRequiredFor, WRONG_PASSWORD_OR_CODE } from './two-factor.service';

@ObjectType({ description: 'A new two-factor secret to add to an authenticator app; on only once confirmed with a code' })
export class TwoFactorEnrolment {
  @Field(() => String, { description: '`otpauth://totp/Lantern:<e-mail>?secret=...&issuer=Lantern`' })
  otpauthUri!: string;

  @Field(() => String, { description: 'The URI as a QR code (a PNG data URL)' })
  qrCodeDataUrl!: string;

  @Field(() => String, { description: 'The secret in base32, for typing into an app that cannot scan' })
  secret!: string;

  @Field(() => Date, { description: 'Confirm with a code before then, or start again' })
  expiresAt!: Date;
}

@ObjectType({ description: 'Two-factor sign-in is on' })
export class TwoFactorConfirmation {
  @Field(() => [String], { description: 'Single-use recovery codes: shown this once, never again' })
  recoveryCodes!: string[];

  @Field(() => String, { description: 'A new token for this session: every other session of the account has ended' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType({ description: 'Two-factor sign-in on the caller’s own account' })
export class TwoFactorStatus {
  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Date, { nullable: true })
  enabledAt!: Date | null;

  @Field(() => Boolean, { description: 'The account’s role must use two-factor sign-in' })
  required!: boolean;

  @Field(() => Int, { description: 'Recovery codes not used yet' })
  recoveryCodesRemaining!: number;
}

/** The signed-in account, or one that may only enrol (see AuthService.session). */
function account(ctx: Context): User {
  return ctx.viewer ?? ctx.enrolling ?? requireViewer(ctx);
}

/**
 * A wrong password or code here is a failed sign-in: counted against the account's sign-in rate
 * limit and lock-out, so a stolen session cannot be used to guess the password.
 */
async function countAttempt(ctx: Context, user: User): Promise<void> {
  await hit(ctx.em, 'loginPerAccount', hashedKey(ctx.config, 'email', user.email));
}

async function refuse(ctx: Context, user: User): Promise<never> {
  await new AuthService(ctx.em, ctx.config).recordFailedSignIn(user.id);
  throw new ForbiddenError(WRONG_PASSWORD_OR_CODE);
}

const MAX_INPUT = 1024;

@Resolver()
export class TwoFactorResolver {
  @Mutation(() => TwoFactorEnrolment, { description: 'Starts turning on two-factor sign-in for your own account: scan the QR code, then confirm with a code' })
  async startTwoFactorEnrolment(@Ctx() ctx: Context): Promise<TwoFactorEnrolment> {
    const { id } = account(ctx);
    // Each start writes a new pending secret and draws a QR code: limited per account.
    await hit(ctx.em, 'twoFactorStartsPerAccount', id);
    return new TwoFactorService(ctx.em, ctx.config).start(id);
  }

  @Mutation(() => TwoFactorConfirmation, { description: 'Turns two-factor sign-in on with the first code from the app; returns the recovery codes once and a new token' })
  confirmTwoFactorEnrolment(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<TwoFactorConfirmation> {
    return new TwoFactorService(ctx.em, ctx.config).confirm(account(ctx).id, code.slice(0, MAX_INPUT));
  }

  @Mutation(() => [String], { description: 'New recovery codes against a current code from the app; the old ones stop working' })
  async regenerateRecoveryCodes(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<string[]> {
    const user = requireViewer(ctx);
    await countAttempt(ctx, user);
    const codes = await new TwoFactorService(ctx.em, ctx.config).regenerateRecoveryCodes(user.id, code.slice(0, MAX_INPUT));
    return codes === false ? refuse(ctx, user) : codes;
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off, with your password and a current code (or a recovery code)' })
  async disableTwoFactor(
    @Arg('password', () => String) password: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const user = requireViewer(ctx);
    await countAttempt(ctx, user);
    if (password.length > MAX_INPUT || code.length > MAX_INPUT) return refuse(ctx, user);
    const done = await new TwoFactorService(ctx.em, ctx.config).disable(user.id, password, code);
    return done || refuse(ctx, user);
  }

  @Mutation(() => User, { description: 'An administrator turns off another account’s two-factor sign-in (a lost phone) and ends its sessions; audited' })
  resetTwoFactor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return new TwoFactorService(ctx.em, ctx.config).reset(requireViewer(ctx), id);
  }
}

@Resolver(() => User)
export class UserTwoFactorResolver {
  @FieldResolver(() => Boolean, { nullable: true, description: 'Two-factor sign-in is on (administrators and the account holder)' })
  twoFactorEnabled(@Root() user: User): boolean {
    return !!user.twoFactorEnabledAt;
  }

  @FieldResolver(() => TwoFactorStatus, { nullable: true, description: 'Two-factor sign-in on your own account' })
  async twoFactor(@Root() user: User, @Ctx() ctx: Context): Promise<TwoFactorStatus> {
    return {
      enabled: !!user.twoFactorEnabledAt,
      enabledAt: user.twoFactorEnabledAt ?? null,
      required: twoFactorRequiredFor(ctx.config, user.role),
      recoveryCodesRemaining: await new TwoFactorService(ctx.em, ctx.config).recoveryCodesRemaining(user.id),
    };
  }
}
