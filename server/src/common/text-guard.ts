import type { IMiddlewareFunction } from 'graphql-middleware';
import { BadUserInputError } from './errors';

/** A NUL character, or half of a surrogate pair without its other half (not Unicode text at all). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first argument path (`input.narrative`, `filter.q`, `ids.2`) whose text cannot be stored. */
export function pathOfUnstorableText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfUnstorableText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = pathOfUnstorableText(v, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold a NUL character, and the ORM writes values into the SQL it sends: a
 * NUL there cuts the statement short (08P01). A lone surrogate (JSON can carry one, escaped) is no
 * Unicode text: PostgreSQL refuses it in jsonb, and text columns would silently store U+FFFD
 * instead. So no argument of any query or mutation may carry either: BAD_USER_INPUT naming the
 * argument, before any resolver runs (and after the shield, so a caller who may not run the field
 * learns nothing about its inputs).
 */
const refuseUnstorableText: IMiddlewareFunction = (resolve, parent, args, ctx, info) => {
  const field = pathOfUnstorableText(args, '');
  if (field) throw new BadUserInputError(field, 'must be text without NUL characters or unpaired surrogates');
  return resolve(parent, args, ctx, info);
};

export const textGuard = { Query: refuseUnstorableText, Mutation: refuseUnstorableText };
