import { defaultFieldResolver, isIntrospectionType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import { allow, and, chain, deny, inputRule, not, or, race, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

type ShieldOptions = NonNullable<Parameters<typeof shield>[1]>;
/** A rule or a logic rule (graphql-shield does not export the type). */
type ShieldRule = object;

/**
 * The policy table applied to the schema: graphql-shield guards every field, and a field's
 * resolver runs only when its rule passes.
 *
 * graphql-shield evaluates every rule asynchronously, even one that only compares the caller's
 * role: on a 50-row list that is a few promises for each of hundreds of fields, the largest part
 * of the request's CPU time. So each field is given a synchronous first look: when the field's
 * rule can be shown to pass by calling the rules' own functions synchronously (every rule in the
 * table is a plain function that returns `true` or not), the resolver runs straight away. Only a
 * strict `true` counts, through the same logic as graphql-shield's (`race`/`or`: one sub-rule;
 * `and`/`chain`: all of them; `allow`); anything else (a `false`, an error, a promise, an
 * exception, `deny`, `not`, an input rule) goes to graphql-shield's own middleware, which decides
 * exactly as it always has. So the fast look can only ever let through what graphql-shield would
 * let through, and every denial is graphql-shield's.
 *
 * Errors thrown by a resolver that ran on the fast path are treated as graphql-shield treats them
 * (`allowExternalErrors`: passed on; otherwise the fallback error).
 */

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type Prover = (parent: unknown, args: unknown, ctx: unknown, info: unknown) => boolean;

// graphql-shield exports constructors, not its rule classes: take the classes from instances.
const RuleClass = rule()(() => true).constructor;
const InputRuleClass = inputRule()((yup) => yup.object()).constructor;
const RuleTrueClass = allow.constructor;
const RuleFalseClass = deny.constructor;
const RuleRaceClass = race(allow).constructor;
const RuleOrClass = or(allow).constructor;
const RuleAndClass = and(allow).constructor;
const RuleChainClass = chain(allow).constructor;
const RuleNotClass = not(allow).constructor;

interface ShieldRuleLike {
  func?: (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;
  getRules?: () => ShieldRuleLike[];
}

/**
 * A function that answers `true` only when `r` certainly passes for these arguments, evaluated
 * synchronously; `null` when `r` can never be shown to pass this way.
 */
export function synchronousProof(r: ShieldRuleLike): Prover | null {
  const kind = (r as object).constructor;
  if (kind === RuleTrueClass) return () => true;
  if (kind === RuleFalseClass || kind === RuleNotClass) return null;
  if (kind === RuleRaceClass || kind === RuleOrClass) {
    const subs = r.getRules!().map(synchronousProof).filter((p): p is Prover => p !== null);
    if (subs.length === 0) return null;
    return (p, a, c, i) => {
      for (const sub of subs) if (sub(p, a, c, i)) return true;
      return false;
    };
  }
  if (kind === RuleAndClass || kind === RuleChainClass) {
    const subs = r.getRules!().map(synchronousProof);
    if (subs.length === 0 || subs.some((p) => p === null)) return null;
    return (p, a, c, i) => {
      for (const sub of subs as Prover[]) if (!sub(p, a, c, i)) return false;
      return true;
    };
  }
  if (r instanceof InputRuleClass) return null;
  if (r instanceof RuleClass && typeof r.func === 'function') {
    const func = r.func;
    return (p, a, c, i) => {
      try {
        return func(p, a, c, i) === true; // a promise, an error or a string is not `true`
      } catch {
        return false;
      }
    };
  }
  return null;
}

/** The rule graphql-shield applies to `type.field` (the same lookup as its generator). */
export function ruleFor(rules: IRules, typeName: string, fieldName: string, fallbackRule: ShieldRule): ShieldRule {
  const forType = (rules as Record<string, unknown>)[typeName];
  if (!forType) return fallbackRule;
  if (typeof (forType as ShieldRuleLike).getRules === 'function' || forType instanceof RuleClass) return forType as ShieldRule;
  const map = forType as Record<string, ShieldRule | undefined>;
  return map[fieldName] ?? map['*'] ?? fallbackRule;
}

const isPromise = (x: unknown): x is Promise<unknown> => !!x && typeof (x as Promise<unknown>).then === 'function';

/**
 * Applies `rules` with graphql-shield (outermost), then `inner` middlewares, to `schema`, and gives
 * every field its synchronous first look.
 */
export function guardSchema(schema: GraphQLSchema, rules: IRules, options: ShieldOptions & { fallbackRule: ShieldRule }, ...inner: IMiddleware[]): GraphQLSchema {
  const unguarded = inner.length > 0 ? applyMiddleware(schema, ...inner) : schema;
  const resolvers = new Map<string, Resolver>();
  for (const type of Object.values(unguarded.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) resolvers.set(`${type.name}.${field.name}`, field.resolve ?? defaultFieldResolver);
  }
  const guarded = applyMiddleware(unguarded, shield(rules, options));
  const onError = (err: unknown, parent: unknown, args: unknown, ctx: unknown, info: unknown) => {
    if (options.debug) throw err;
    if (options.allowExternalErrors) return err;
    const fallback = options.fallbackError;
    return typeof fallback === 'function' ? (fallback as (...a: unknown[]) => unknown)(err, parent, args, ctx, info) : fallback;
  };
  for (const type of Object.values(guarded.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const viaShield = field.resolve;
      const resolve = resolvers.get(`${type.name}.${field.name}`);
      const proof = synchronousProof(ruleFor(rules, type.name, field.name, options.fallbackRule) as ShieldRuleLike);
      if (!viaShield || !resolve || !proof) continue;
      field.resolve = (parent, args, ctx, info) => {
        if (!proof(parent, args, ctx, info)) return viaShield(parent, args, ctx, info);
        try {
          const result = resolve(parent, args, ctx, info);
          return isPromise(result) ? result.then(undefined, (err) => onError(err, parent, args, ctx, info)) : result;
        } catch (err) {
          return onError(err, parent, args, ctx, info);
        }
      };
    }
  }
  return guarded;
}
