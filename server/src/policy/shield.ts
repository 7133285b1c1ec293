import { allow, deny, or, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { ForbiddenError } from '../common/errors';
import { isAdmin, isAuthenticated, isSelf, isStaff } from './predicates';

/**
 * THE access policy, as one table: every type and every field has its rule here, and anything
 * not listed is denied (`fallbackRule: deny`). A test fails when the schema has a field this table
 * does not name, and a committed snapshot of `Type.field -> rule` turns every change here into a
 * visible permission change in review. See DESIGN.md, "The access policy".
 */

/** Staff read every account; anyone reads their own. */
const canReadUser = or(isStaff, isSelf);

export const policy = {
  Query: {
    me: isAuthenticated,
    users: isStaff,
    user: isAuthenticated, // scoped in SQL: staff see all, everyone else only themselves
    forces: isAuthenticated,
    force: isAuthenticated,
  },
  Mutation: {
    login: allow,
    createUser: isAdmin,
    updateUser: isAdmin,
    deactivateUser: isAdmin,
    resetPassword: isAdmin,
  },
  LoginPayload: {
    token: allow,
    expiresAt: allow,
    user: allow,
  },
  User: {
    id: canReadUser,
    email: canReadUser,
    name: canReadUser,
    role: canReadUser,
    force: canReadUser,
    active: canReadUser,
    deactivatedAt: canReadUser,
    lastLoginAt: canReadUser,
    createdAt: canReadUser,
    updatedAt: canReadUser,
  },
  UserList: {
    nodes: isStaff,
    totalCount: isStaff,
  },
  Force: {
    id: isAuthenticated,
    code: isAuthenticated,
    name: isAuthenticated,
    nation: isAuthenticated,
    region: isAuthenticated,
    createdAt: isAuthenticated,
    updatedAt: isAuthenticated,
  },
  ForceList: {
    nodes: isAuthenticated,
    totalCount: isAuthenticated,
  },
} satisfies IRules;

export const permissions = shield(policy, {
  fallbackRule: deny,
  // Our own coded errors (NOT_FOUND, BAD_USER_INPUT, ...) pass through; formatError masks the rest.
  allowExternalErrors: true,
  fallbackError: () => new ForbiddenError(),
  debug: false,
});
