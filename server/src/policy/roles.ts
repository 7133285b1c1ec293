import { registerEnumType } from 'type-graphql';

/** Who a signed-in account is. The only place role names are declared. */
export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  CASE_WORKER = 'CASE_WORKER',
  POLICE_PARTNER = 'POLICE_PARTNER',
  MEMBER = 'MEMBER',
}
registerEnumType(Role, { name: 'Role', description: 'What an account may do (see the access policy)' });

/** Charity staff: everyone who works for the charity itself. */
export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER];

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role);
