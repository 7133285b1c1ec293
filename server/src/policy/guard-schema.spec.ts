import fc from 'fast-check';
import { buildSchema, graphql } from 'graphql';
import { allow, and, chain, deny, not, or, race, rule } from 'graphql-shield';
import { guardSchema, synchronousProof } from './guard-schema';

/**
 * The synchronous first look may only ever let through what graphql-shield itself lets through:
 * for random rule trees and random callers, "proved true" implies graphql-shield's own answer is
 * `true`; and for trees of plain synchronous rules (no `not`), graphql-shield's `true` is always
 * proved (so the fast path is taken whenever it can be).
 */

interface Caller {
  role: string;
  owner: boolean;
}
type Leaf = { kind: 'role'; role: string } | { kind: 'owner' } | { kind: 'throws' } | { kind: 'async' } | { kind: 'error' } | { kind: 'string' } | { kind: 'allow' } | { kind: 'deny' };
type Tree = Leaf | { kind: 'race' | 'or' | 'and' | 'chain'; rules: Tree[] } | { kind: 'not'; rule: Tree };

const ROLES = ['A', 'B', 'C'];
const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.constantFrom(...ROLES).map((role) => ({ kind: 'role' as const, role })),
  fc.constant({ kind: 'owner' as const }),
  fc.constant({ kind: 'throws' as const }),
  fc.constant({ kind: 'async' as const }),
  fc.constant({ kind: 'error' as const }),
  fc.constant({ kind: 'string' as const }),
  fc.constant({ kind: 'allow' as const }),
  fc.constant({ kind: 'deny' as const }),
);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constantFrom('race' as const, 'or' as const, 'and' as const, 'chain' as const), rules: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), rule: tie('tree') }),
  ),
})).tree;
const caller: fc.Arbitrary<Caller> = fc.record({ role: fc.constantFrom(...ROLES), owner: fc.boolean() });

let n = 0;
function build(t: Tree): any {
  const name = `r${n++}`;
  switch (t.kind) {
    case 'role':
      return rule(name, { cache: 'no_cache' })((_p, _a, ctx: Caller) => ctx.role === t.role);
    case 'owner':
      return rule(name, { cache: 'no_cache' })((p: { owner: boolean }) => p.owner);
    case 'throws':
      return rule(name, { cache: 'no_cache' })(() => {
        throw new Error('boom');
      });
    case 'async':
      return rule(name, { cache: 'no_cache' })(async () => true);
    case 'error':
      return rule(name, { cache: 'no_cache' })(() => new Error('no'));
    case 'string':
      return rule(name, { cache: 'no_cache' })(() => 'no');
    case 'allow':
      return allow;
    case 'deny':
      return deny;
    case 'race':
      return race(...t.rules.map(build));
    case 'or':
      return or(...t.rules.map(build));
    case 'and':
      return and(...t.rules.map(build));
    case 'chain':
      return chain(...t.rules.map(build));
    case 'not':
      return not(build(t.rule));
  }
}
const hasNot = (t: Tree): boolean => t.kind === 'not' || ('rules' in t && t.rules.some(hasNot));
const plain = (t: Tree): boolean => (t.kind === 'role' || t.kind === 'owner' || t.kind === 'allow' || t.kind === 'deny' || t.kind === 'error' || t.kind === 'string' || t.kind === 'throws') || ('rules' in t && t.rules.every(plain));

const OPTIONS = { debug: false, allowExternalErrors: true, fallbackRule: deny, fallbackError: new Error('FORBIDDEN'), hashFunction: () => '' } as never;

describe('guardSchema: the synchronous first look', () => {
  it('proves true only what graphql-shield allows, and proves every plain rule graphql-shield allows', async () => {
    await fc.assert(
      fc.asyncProperty(tree, caller, async (t, c) => {
        const r = build(t);
        const proof = synchronousProof(r);
        const parent = { owner: c.owner };
        const ctx = { ...c, _shield: { cache: {} } };
        const proved = proof ? proof(parent, {}, ctx, {}) : false;
        const shieldSays = await r.resolve(parent, {}, ctx, {}, OPTIONS);
        if (proved) expect(shieldSays).toBe(true);
        if (shieldSays === true && plain(t) && !hasNot(t)) expect(proved).toBe(true);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('answers a guarded schema as graphql-shield does: allowed fields resolve, denied ones are its error, resolver errors pass through', async () => {
    const schema = buildSchema(`type Query { open: String, closed: String, fails: String, later: String }`);
    const isA = rule('isA', { cache: 'contextual' })((_p, _a, ctx: Caller) => ctx.role === 'A');
    const guarded = guardSchema(
      schema,
      { Query: { open: isA, closed: deny, fails: isA, later: race(rule('slow', { cache: 'no_cache' })(async () => true)) } },
      { fallbackRule: deny, allowExternalErrors: true, fallbackError: () => new Error('FORBIDDEN'), debug: false },
    );
    const rootValue = {
      open: () => 'yes',
      closed: () => 'never',
      fails: () => {
        throw new Error('NOT_FOUND');
      },
      later: async () => 'eventually',
    };
    const asA = await graphql({ schema: guarded, source: '{ open closed fails later }', rootValue, contextValue: { role: 'A' } });
    expect(asA.data).toEqual({ open: 'yes', closed: null, fails: null, later: 'eventually' });
    expect(asA.errors?.map((e) => `${e.path?.join('.')}: ${e.message}`).sort()).toEqual(['closed: FORBIDDEN', 'fails: NOT_FOUND']);
    const asB = await graphql({ schema: guarded, source: '{ open }', rootValue, contextValue: { role: 'B' } });
    expect(asB.data).toEqual({ open: null });
    expect(asB.errors?.map((e) => e.message)).toEqual(['FORBIDDEN']);
  });
});
