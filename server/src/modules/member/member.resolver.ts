import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { NotFoundError } from '../../common/errors';
import { PageOf } from '../../common/pagination';
import { isStaffRole } from '../../policy/roles';
import { AccessKind } from '../access-log/access-event.entity';
import { LoginPayload } from '../auth/auth.resolver';
import { mustEnrolFirst } from '../auth/two-factor.service';
import { Force } from '../force/force.entity';
import { hashedKey, hit } from '../rate-limit/rate-limit';
import { Member } from './member.entity';
import { MemberListArgs, RegisterMemberInput, UpdateMyMemberInput } from './member.inputs';
import { MemberService, type ContactField } from './member.service';

@ObjectType({ description: 'A page of members' })
export class MemberList extends PageOf(Member) {}

const service = (ctx: Context) => new MemberService(ctx.em, ctx.config);

@Resolver(() => Member)
export class MemberResolver {
  @Mutation(() => LoginPayload, { description: 'Creates a member account and signs it in' })
  async registerMember(@Arg('input', () => RegisterMemberInput) input: RegisterMemberInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    await hit(ctx.em, 'registrationPerAddress', hashedKey(ctx.config, 'address', ctx.clientAddress));
    const result = await service(ctx).register(input);
    ctx.signedIn = result.user;
    return { ...result, twoFactorEnrolmentRequired: mustEnrolFirst(ctx.config, result.user) };
  }

  @Query(() => MemberList, { description: 'Members (case workers); reading contact details is logged' })
  members(@Args(() => MemberListArgs) args: MemberListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(requireViewer(ctx), args);
  }

  @Query(() => Member)
  member(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(requireViewer(ctx), id);
  }

  @Query(() => Member, { description: 'The signed-in member’s own record' })
  myMember(@Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    if (!viewer.member) throw new NotFoundError('Member');
    return service(ctx).get(viewer, viewer.member.id);
  }

  @Mutation(() => Member, { description: 'The signed-in member changes their own alert areas, e-mail alerts or contact details' })
  updateMyMember(@Arg('input', () => UpdateMyMemberInput) input: UpdateMyMemberInput, @Ctx() ctx: Context) {
    return service(ctx).updateOwn(requireViewer(ctx), input);
  }

  @FieldResolver(() => [Force], { nullable: true })
  async alertAreas(@Root() member: Member): Promise<Force[]> {
    if (!member.alertAreas.isInitialized()) await member.alertAreas.init();
    return member.alertAreas.getItems();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Decrypted for allowed callers; every staff read is logged' })
  contactPhone(@Root() member: Member, @Ctx() ctx: Context) {
    return readContact(member, 'contactPhone', ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Decrypted for allowed callers; every staff read is logged' })
  contactEmail(@Root() member: Member, @Ctx() ctx: Context) {
    return readContact(member, 'contactEmail', ctx);
  }
}

function readContact(member: Member, field: ContactField, ctx: Context): string | null {
  const viewer = requireViewer(ctx);
  if (isStaffRole(viewer.role)) ctx.accessLog.record(AccessKind.MEMBER_CONTACT_READ, { memberId: member.id }, field);
  return service(ctx).readContact(member, field);
}
