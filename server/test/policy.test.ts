import { isIntrospectionType, isObjectType } from 'graphql';
import { allow, deny } from 'graphql-shield';

interface Rule { name: string; cache: string }
interface LogicRule { getRules(): unknown[] }
const isLogicRule = (r: unknown): r is LogicRule => typeof (r as LogicRule)?.getRules === 'function';
const isRule = (r: unknown): r is Rule => !isLogicRule(r) && typeof (r as Rule)?.name === 'string';
const OPERATORS: Record<string, string> = { RuleOr: 'or', RuleAnd: 'and', RuleChain: 'chain', RuleRace: 'race', RuleNot: 'not' };
import { buildLanternSchema } from '../src/schema';
import { policy, subgraphPolicy } from '../src/policy/shield';
import { buildLanternSubgraphSchema } from '../src/federation';
import { isAdmin, isAuthenticated, isCaseWorker, isManager, isMember, isPolicePartner, isReportStaff, isStaff } from '../src/policy/predicates';

type Table = Record<string, Record<string, unknown>>;
const table = policy as unknown as Table;

/** Rules that look only at the viewer and so may share one answer per request. */
const VIEWER_ONLY = new Set<unknown>([isAdmin, isManager, isCaseWorker, isPolicePartner, isMember, isStaff, isReportStaff, isAuthenticated]);

function describeRule(rule: unknown): string {
  if (rule === allow) return 'allow';
  if (rule === deny) return 'deny';
  const op = OPERATORS[(rule as object)?.constructor?.name];
  if (op && isLogicRule(rule)) return `${op}(${rule.getRules().map(describeRule).join(', ')})`;
  if (isRule(rule)) return rule.name;
  throw new Error(`not a shield rule: ${String(rule)}`);
}

function leafRules(rule: unknown): Rule[] {
  if (rule === allow || rule === deny) return [];
  if (isLogicRule(rule)) return rule.getRules().flatMap(leafRules);
  return [rule as Rule];
}

const schema = buildLanternSchema();
const objectTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !isIntrospectionType(t)) as import('graphql').GraphQLObjectType[];

describe('the access policy', () => {
  it('has an explicit rule for every field of every type in the schema (deny by default is a backstop, not a policy)', () => {
    const missing: string[] = [];
    for (const type of objectTypes) {
      for (const field of Object.keys(type.getFields())) {
        if (!table[type.name] || !(field in table[type.name])) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('served as a federation subgraph, also has a rule for every field (including _service and _entities)', () => {
    const sub = buildLanternSubgraphSchema();
    const subTable = subgraphPolicy as unknown as Table;
    const missing: string[] = [];
    for (const type of Object.values(sub.getTypeMap())) {
      if (!isObjectType(type) || isIntrospectionType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!subTable[type.name] || !(field in subTable[type.name])) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names no type or field that does not exist', () => {
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(table)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(fields)) if (!(field in type.getFields())) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });

  it('uses no wildcard rules', () => {
    for (const fields of Object.values(table)) expect(Object.keys(fields)).not.toContain('*');
  });

  it('never caches a rule that reads the parent record per request (one row would answer for all)', () => {
    const offenders = new Set<string>();
    for (const fields of Object.values(table)) {
      for (const rule of Object.values(fields)) {
        for (const leaf of leafRules(rule)) {
          const cache = leaf.cache;
          if (!VIEWER_ONLY.has(leaf) && cache === 'contextual') offenders.add(leaf.name);
        }
      }
    }
    expect([...offenders]).toEqual([]);
  });

  it('matches the reviewed snapshot of Type.field -> rule (a change here is a permission change)', () => {
    const lines: string[] = [];
    for (const type of [...objectTypes].sort((a, b) => a.name.localeCompare(b.name))) {
      for (const field of Object.keys(type.getFields()).sort()) {
        lines.push(`${type.name}.${field} -> ${describeRule(table[type.name]?.[field] ?? deny)}`);
      }
    }
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
