import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { likePattern } from '../../common/text';
import { Role } from '../../policy/roles';
import { userScope } from '../../policy/scopes';
import { normaliseEmail } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { recordSecurityEvent, SecurityEventKind } from '../auth/two-factor.entity';
import { Force } from '../force/force.entity';
import { User } from './user.entity';
import type { CreateUserInput, UpdateUserInput, UserFilter, UserListArgs } from './user.inputs';

const EMAIL_TAKEN = 'an account with this e-mail address already exists';

/** Accounts: listing within the viewer's scope, and the admin's account management. */
export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  async list(args: UserListArgs): Promise<Page<User>> {
    const where: FilterQuery<User> = { $and: [userScope(this.viewer), filterToWhere(args.filter)] };
    const order = args.sortOrder ?? SortOrder.ASC;
    const field = args.sortField ?? 'name';
    const [nodes, totalCount] = await this.em.findAndCount(User, where, {
      populate: ['force'],
      orderBy: [{ [field]: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  /** A user the viewer may see, or NOT_FOUND (the same for a hidden and a missing one). */
  async get(id: string): Promise<User> {
    const user = isUuid(id)
      ? await this.em.findOne(User, { $and: [{ id }, userScope(this.viewer)] }, { populate: ['force'] })
      : null;
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async create(input: CreateUserInput): Promise<User> {
    return this.em.transactional(async (em) => {
      if (input.role === Role.MEMBER) {
        throw new BadUserInputError('role', 'member accounts are created when a member registers');
      }
      const force = await forceForRole(em, input.role, input.forceId);
      const email = normaliseEmail(input.email);
      if ((await em.count(User, { email })) > 0) throw new ConflictError('email', EMAIL_TAKEN);
      const user = em.create(User, {
        email,
        name: input.name.trim(),
        role: input.role,
        force,
        passwordHash: await hashPassword(input.password),
      });
      await flushOrConflict(em);
      return user;
    });
  }

  async update(id: string, input: UpdateUserInput): Promise<User> {
    return this.em.transactional(async (em) => {
      const user = await new UserService(em, this.viewer).get(id);
      const role = input.role ?? user.role;
      if (input.role === Role.MEMBER && user.role !== Role.MEMBER) {
        throw new BadUserInputError('role', 'member accounts are created when a member registers');
      }
      if (user.role === Role.MEMBER && role !== Role.MEMBER) {
        throw new BadUserInputError('role', 'a member account cannot be given a staff or police role');
      }
      if (input.forceId !== undefined || input.role !== undefined) {
        const forceId = input.forceId !== undefined ? input.forceId : user.force?.id;
        user.force = await forceForRole(em, role, forceId);
      }
      user.role = role;
      if (input.name !== undefined && input.name !== null) user.name = input.name.trim();
      if (input.email !== undefined && input.email !== null) {
        const email = normaliseEmail(input.email);
        if (email !== user.email && (await em.count(User, { email })) > 0) throw new ConflictError('email', EMAIL_TAKEN);
        user.email = email;
      }
      if (input.active === false && user.active) this.deactivateInPlace(user);
      if (input.active === true && !user.active) {
        user.active = true;
        user.deactivatedAt = null;
        user.failedLoginCount = 0;
        user.lockedUntil = null;
      }
      await flushOrConflict(em);
      return user;
    });
  }

  async deactivate(id: string): Promise<User> {
    return this.em.transactional(async (em) => {
      const user = await new UserService(em, this.viewer).get(id);
      if (user.active) this.deactivateInPlace(user);
      await em.flush();
      return user;
    });
  }

  /**
   * Sets a new password, lifts a lock-out and signs the account out everywhere. Recorded in the
   * security audit trail, with the administrator who did it.
   */
  async resetPassword(id: string, password: string): Promise<User> {
    return this.em.transactional(async (em) => {
      const user = await new UserService(em, this.viewer).get(id);
      user.passwordHash = await hashPassword(password);
      user.failedLoginCount = 0;
      user.lockedUntil = null;
      user.tokenVersion += 1;
      recordSecurityEvent(em, SecurityEventKind.PASSWORD_RESET, user, this.viewer);
      await em.flush();
      return user;
    });
  }

  private deactivateInPlace(user: User): void {
    if (user.id === this.viewer.id) {
      throw new BadUserInputError('id', 'you cannot deactivate your own account');
    }
    user.active = false;
    user.deactivatedAt = new Date();
    // Revokes every token already issued to the account.
    user.tokenVersion += 1;
  }
}

/** A police partner must name an existing force; nobody else may have one. */
async function forceForRole(em: EntityManager, role: Role, forceId: string | null | undefined): Promise<Force | null> {
  if (role !== Role.POLICE_PARTNER) {
    if (forceId) throw new BadUserInputError('forceId', 'only police partner accounts belong to a force');
    return null;
  }
  if (!forceId) throw new BadUserInputError('forceId', 'a police partner account must name its force');
  const force = isUuid(forceId) ? await em.findOne(Force, { id: forceId }) : null;
  if (!force) throw new BadUserInputError('forceId', 'no such force');
  return force;
}

async function flushOrConflict(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    // Two admins creating the same e-mail at once: the unique index decides.
    if (err instanceof UniqueConstraintViolationException) throw new ConflictError('email', EMAIL_TAKEN);
    throw err;
  }
}

function filterToWhere(filter: UserFilter | undefined): FilterQuery<User> {
  if (!filter) return {};
  const where: FilterQuery<User>[] = [];
  if (filter.q?.trim()) {
    const pattern = likePattern(filter.q);
    where.push({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
  }
  if (filter.role) where.push({ role: filter.role });
  if (filter.forceId !== undefined && filter.forceId !== null) {
    where.push(isUuid(filter.forceId) ? { force: filter.forceId } : { id: null });
  }
  if (filter.active !== undefined && filter.active !== null) where.push({ active: filter.active });
  if (filter.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
  return where.length ? { $and: where } : {};
}
