import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { decrypt, encrypt } from '../../common/crypto';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { likePattern } from '../../common/text';
import { Role } from '../../policy/roles';
import { memberScope } from '../../policy/scopes';
import { normaliseEmail } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { signToken } from '../auth/token';
import { Force } from '../force/force.entity';
import { normaliseIdentifier } from '../identifier/identifier.normalise';
import { IdentifierKind } from '../identifier/identifier.kind';
import { User } from '../user/user.entity';
import { Member } from './member.entity';
import type { MemberFilter, MemberListArgs, RegisterMemberInput, UpdateMyMemberInput } from './member.inputs';

export type ContactField = 'contactPhone' | 'contactEmail';

/** Members: registration, the case workers' list, and their encrypted contact details. */
export class MemberService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
  ) {}

  /** Creates the MEMBER account and its member record in one transaction, and signs it in. */
  async register(input: RegisterMemberInput) {
    const result = await this.em.transactional(async (em) => {
      const email = normaliseEmail(input.email);
      const areas = await forcesByIds(em, input.alertAreaIds, 'alertAreaIds');
      if ((await em.count(User, { email })) > 0) throw new ConflictError('email', 'an account with this e-mail address already exists');
      const user = em.create(User, { email, name: input.pseudonym.trim(), role: Role.MEMBER, passwordHash: await hashPassword(input.password) });
      const member = em.create(Member, {
        pseudonym: input.pseudonym.trim(),
        user,
        workSetting: input.workSetting,
        emailAlerts: input.emailAlerts ?? false,
        policeContactRoute: input.policeContactRoute ?? undefined,
      });
      member.alertAreas.set(areas);
      this.setContact(member, 'contactPhone', input.contactPhone);
      this.setContact(member, 'contactEmail', input.contactEmail);
      await em.flush();
      return user;
    });
    const signed = await signToken({ sub: result.id, tv: result.tokenVersion }, this.config.jwtSecret, this.config.tokenTtlSeconds);
    return { ...signed, user: result };
  }

  /** A member changes their own alert areas, e-mail alerts, police contact route or contact details. */
  async updateOwn(viewer: User, input: UpdateMyMemberInput): Promise<Member> {
    if (!viewer.member) throw new NotFoundError('Member');
    return this.em.transactional(async (em) => {
      const member = await new MemberService(em, this.config).get(viewer, viewer.member!.id);
      if (input.alertAreaIds) member.alertAreas.set(await forcesByIds(em, input.alertAreaIds, 'alertAreaIds'));
      if (input.emailAlerts !== undefined && input.emailAlerts !== null) member.emailAlerts = input.emailAlerts;
      if (input.policeContactRoute) member.policeContactRoute = input.policeContactRoute;
      this.setContact(member, 'contactPhone', input.contactPhone);
      this.setContact(member, 'contactEmail', input.contactEmail);
      await em.flush();
      return member;
    });
  }

  async list(viewer: User, args: MemberListArgs): Promise<Page<Member>> {
    const order = args.sortOrder ?? SortOrder.ASC;
    const [nodes, totalCount] = await this.em.findAndCount(Member, { $and: [memberScope(viewer), filterToWhere(args.filter)] }, {
      populate: ['alertAreas'],
      orderBy: [{ [args.sortField ?? 'pseudonym']: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(viewer: User, id: string): Promise<Member> {
    const member = isUuid(id) ? await this.em.findOne(Member, { $and: [{ id }, memberScope(viewer)] }, { populate: ['alertAreas'] }) : null;
    if (!member) throw new NotFoundError('Member');
    return member;
  }

  /** Encrypts a contact detail onto the member (normalising a phone to E.164). */
  setContact(member: Member, field: ContactField, value: string | null | undefined): void {
    const column = field === 'contactPhone' ? 'contactPhoneEncrypted' : 'contactEmailEncrypted';
    if (value === undefined) return;
    if (value === null || value.trim() === '') {
      member[column] = null;
      return;
    }
    const clean = field === 'contactPhone' ? normaliseIdentifier(IdentifierKind.PHONE, value, field) : normaliseEmail(value);
    member[column] = encrypt(clean, this.config.encryptionKey, `${member.id}:${field}`);
  }

  readContact(member: Member, field: ContactField): string | null {
    const stored = field === 'contactPhone' ? member.contactPhoneEncrypted : member.contactEmailEncrypted;
    return stored ? decrypt(stored, this.config.encryptionKey, `${member.id}:${field}`) : null;
  }
}

/** Looks up forces by id; an unknown one is BAD_USER_INPUT naming `field`. */
export async function forcesByIds(em: EntityManager, ids: string[], field: string): Promise<Force[]> {
  const unique = [...new Set(ids)];
  if (unique.some((id) => !isUuid(id))) throw new BadUserInputError(field, 'names a force that does not exist');
  const forces = unique.length ? await em.find(Force, { id: { $in: unique } }) : [];
  if (forces.length !== unique.length) throw new BadUserInputError(field, 'names a force that does not exist');
  return forces;
}

function filterToWhere(filter: MemberFilter | undefined): FilterQuery<Member> {
  if (!filter) return {};
  const where: FilterQuery<Member>[] = [];
  if (filter.q?.trim()) where.push({ pseudonym: { $ilike: likePattern(filter.q) } });
  if (filter.workSetting) where.push({ workSetting: filter.workSetting });
  if (filter.alertAreaId) where.push(isUuid(filter.alertAreaId) ? { alertAreas: filter.alertAreaId } : { id: null });
  if (filter.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
  return where.length ? { $and: where } : {};
}
