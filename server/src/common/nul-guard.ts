import type { IMiddlewareFunction } from 'graphql-middleware';
import { BadUserInputError } from './errors';

/** The first argument path (`input.narrative`, `filter.q`, `ids.2`) whose text holds a NUL character. */
export function pathOfNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = pathOfNul(v, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold a NUL character, and the ORM writes values into the SQL it sends:
 * a NUL there cuts the statement short and PostgreSQL drops the connection. So no argument of any
 * query or mutation may carry one: BAD_USER_INPUT naming the argument, before any resolver runs
 * (and after the shield, so a caller who may not run the field learns nothing about its inputs).
 */
const refuseNul: IMiddlewareFunction = (resolve, parent, args, ctx, info) => {
  const field = pathOfNul(args, '');
  if (field) throw new BadUserInputError(field, 'must not contain a NUL character');
  return resolve(parent, args, ctx, info);
};

export const nulGuard = { Query: refuseNul, Mutation: refuseNul };
