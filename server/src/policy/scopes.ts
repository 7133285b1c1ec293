import type { FilterQuery } from '@mikro-orm/core';
import type { Member } from '../modules/member/member.entity';
import type { Report } from '../modules/report/report.entity';
import type { User } from '../modules/user/user.entity';
import { isStaffRole, Role } from './roles';

/**
 * The same predicates as the shield table, as SQL filters: a list query never loads a row its
 * viewer may not see, and a single-record query for such a row finds nothing (NOT_FOUND).
 */

/** A filter that matches no row: for callers with no access at all. */
const NOTHING = { id: null } as const;

/** Users: staff read every account; everyone else only their own. */
export function userScope(viewer: User): FilterQuery<User> {
  return isStaffRole(viewer.role) ? {} : { id: viewer.id };
}

/** Reports: case workers and managers read all; a member their own; nobody else any (police: issue 4). */
export function reportScope(viewer: User): FilterQuery<Report> {
  switch (viewer.role) {
    case Role.CASE_WORKER:
    case Role.MANAGER:
      return {};
    case Role.MEMBER:
      return viewer.member ? { member: viewer.member.id } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Member records: case workers read all; a member their own. */
export function memberScope(viewer: User): FilterQuery<Member> {
  if (viewer.role === Role.CASE_WORKER) return {};
  if (viewer.role === Role.MEMBER && viewer.member) return { id: viewer.member.id };
  return NOTHING;
}
