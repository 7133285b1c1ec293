import type { FilterQuery } from '@mikro-orm/core';
import type { User } from '../modules/user/user.entity';
import { isStaffRole } from './roles';

/**
 * The same predicates as the shield table, as SQL filters: a list query never loads a row its
 * viewer may not see, and a single-record query for such a row finds nothing (NOT_FOUND).
 */

/** Users: staff read every account; everyone else only their own. */
export function userScope(viewer: User): FilterQuery<User> {
  return isStaffRole(viewer.role) ? {} : { id: viewer.id };
}
