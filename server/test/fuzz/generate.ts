/**
 * Operations generated from the server's own GraphQLSchema: any Query or Mutation field, arguments
 * valid and invalid (wrong types, odd unicode, huge strings, real and random ids), selections of
 * any depth with aliases, fragments, directives, variables or inline literals; now and then a
 * broken document or a malformed HTTP request. The plan (`Sel`) is kept beside the printed text,
 * so that the oracle can walk the response knowing the type of every object in it.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Rand } from './random';
import { date, dateTime, email, financialYear, hugeString, identifierValue, ODD_UNITS, phone, text } from './values';

export const VIEWERS = ['ADMIN', 'MANAGER', 'CASE_WORKER', 'POLICE_KENT', 'POLICE_AVON', 'MEMBER', 'MEMBER_RIVER', 'ANONYMOUS', 'BAD_TOKEN'] as const;
export type ViewerKey = (typeof VIEWERS)[number];
const VIEWER_WEIGHTS: Record<ViewerKey, number> = {
  ADMIN: 10,
  MANAGER: 10,
  CASE_WORKER: 12,
  POLICE_KENT: 14,
  POLICE_AVON: 14,
  MEMBER: 12,
  MEMBER_RIVER: 8,
  ANONYMOUS: 10,
  BAD_TOKEN: 2,
};

/** One field of a selection, with its arguments and sub-selection (the plan the oracle walks). */
export interface Sel {
  /** The key it comes back under (its alias, or its name). */
  key: string;
  alias?: string;
  field: string;
  /** The named type of the field ('' for __typename). */
  typeName: string;
  args: Arg[];
  children: Sel[];
  directive?: { name: 'include' | 'skip'; value: boolean; viaVar?: string };
  /** Printed under a name the schema does not have (a deliberately broken document). */
  mangled?: string;
}

export interface Arg {
  name: string;
  /** Undefined for an argument the schema does not have. */
  type?: GraphQLInputType;
  value: unknown;
  via: 'inline' | 'var' | 'undeclared-var';
  varName?: string;
  /** The type the variable is declared with (usually the argument's own). */
  varType?: string;
  block?: boolean;
}

export type Transport =
  | { kind: 'json' }
  | { kind: 'get' }
  | { kind: 'raw'; body: string; contentType: string; what: string };

export interface Operation {
  viewer: ViewerKey;
  /** For BAD_TOKEN: the Authorization header sent. */
  badAuthorization?: string;
  kind: 'query' | 'mutation';
  roots: Sel[];
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  /** The depth a deep selection was aimed at (0: an ordinary one). */
  deep: number;
  /** What was broken on purpose in the document, if anything. */
  broken?: string;
  transport: Transport;
  /** Every string this operation sends (errors may echo them; they are not leaks). */
  sent: string[];
}

/** What the generator draws ids and cursors from: real records, by GraphQL type name. */
export interface Pools {
  ids(typeName: string): readonly string[];
  allIds(): readonly string[];
  strings(kind: 'cursor' | 'findingCode'): readonly string[];
  demoEmails: readonly string[];
  /** How many times this viewer got past the policy on this root field so far (data, or an error about the input). */
  hits(viewer: ViewerKey, rootField: string): number;
  /**
   * The fuzzer's own members: never erased (eraseMember), and never asked to erase themselves
   * with their real password (requestErasure), or every later operation would lose its MEMBER.
   */
  protectedMemberIds: ReadonlySet<string>;
}

/** Argument names that hold an id of a known type. `id` and `ids` take the field's own type. */
const ID_ARGS: Record<string, string> = {
  forceId: 'Force',
  forceIds: 'Force',
  forceAreaId: 'Force',
  alertAreaId: 'Force',
  alertAreaIds: 'Force',
  targetAreaIds: 'Force',
  reportId: 'Report',
  reportIds: 'Report',
  sourceReportIds: 'Report',
  caseId: 'Case',
  memberId: 'Member',
  assigneeId: 'User',
  funderId: 'Funder',
  sessionId: 'TrainingSession',
  policeRequestId: 'PoliceRequest',
};

interface GenState {
  r: Rand;
  schema: GraphQLSchema;
  pools: Pools;
  /** Type of the records `id` / `ids` name in the current root field. */
  idType: string;
  rootField: string;
  vars: Map<string, { type: string; value: unknown }>;
  /**
   * How often values are deliberately wrong: 1 in a noisy operation, a twentieth of that in a tidy
   * one (most of whose values are then of the right shape, so that it gets past validation and into
   * the services, where authorization is decided).
   */
  noise: number;
  /** Strings left before the one that is made huge (-1: none in this operation). */
  hugeCountdown: number;
  selections: number;
  sent: string[];
}

export function generateOperation(r: Rand, schema: GraphQLSchema, pools: Pools): Operation {
  const viewer = r.weighted(VIEWERS.map((v) => [VIEWER_WEIGHTS[v], () => v] as const));
  const kind = r.chance(0.35) ? 'mutation' : 'query';
  const rootType = (kind === 'mutation' ? schema.getMutationType() : schema.getQueryType())!;
  const st: GenState = {
    r,
    schema,
    pools,
    idType: '',
    rootField: '',
    noise: r.chance(0.6) ? 0.05 : 1,
    vars: new Map(),
    hugeCountdown: r.chance(0.04) ? r.int(0, 2) : -1,
    selections: 0,
    sent: [],
  };

  const rootFields = Object.values(rootType.getFields());
  const roots: Sel[] = [];
  const aliasBomb = r.chance(0.01);
  const count = aliasBomb ? r.int(14, 20) : r.weighted([[80, () => 1], [15, () => 2], [5, () => 3]]);
  const deep = r.chance(0.08) ? r.int(5, 13) : 0;
  // Fields this viewer got past the policy on before are chosen more often (deep paths need data,
  // and services need valid calls); every field keeps a fair chance. A mutation without arguments
  // (signOutEverywhere, startTwoFactorEnrolment) gains nothing from repeats, and is not favoured.
  const boost = (f: (typeof rootFields)[number]) => (kind === 'mutation' && f.args.length === 0 ? 0 : (8 * Math.min(pools.hits(viewer, f.name), 5)) / 5);
  const pickRoot = () => r.weighted(rootFields.map((f) => [1 + boost(f), () => f] as const));
  const field = pickRoot();
  for (let i = 0; i < count; i++) {
    const f = aliasBomb || i === 0 ? field : pickRoot();
    const sel = fieldSelection(st, f, rootType, 1, deep, new Set(roots.map((s) => s.key)), aliasBomb || roots.some((s) => s.field === f.name));
    if (sel) roots.push(sel);
  }
  if (roots.length === 0) roots.push({ key: '__typename', field: '__typename', typeName: '', args: [], children: [] });

  const op: Operation = { viewer, kind, roots, deep, query: '', variables: {}, transport: { kind: 'json' }, sent: st.sent };
  if (viewer === 'BAD_TOKEN') op.badAuthorization = badAuthorization(r);
  if (bad(st, 0.03) && roots.length > 0) {
    // A field the schema does not have: refused, and in production without "did you mean".
    const target = r.pick(roots);
    target.mangled = r.pick([`${target.field}s`, `${target.field.slice(0, -1)}`, `${target.field}_`, 'usr', '__schema2']);
    op.broken = 'unknown field';
  }
  printOperation(st, op);
  if (bad(st, 0.04)) breakDocument(r, op);
  if (bad(st, 0.02)) op.transport = rawTransport(r, op);
  else if (r.chance(0.01)) op.transport = { kind: 'get' };
  return op;
}

function badAuthorization(r: Rand): string {
  return r.pick([
    'Bearer not-a-token',
    'Bearer ',
    'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJ0diI6MH0.',
    'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwidHYiOjB9.c2lnbmF0dXJl',
    'Basic YWRtaW46YWRtaW4=',
    'bearer a b c',
    `Bearer ${'A'.repeat(4000)}`,
    'Token abc',
  ]);
}

/** One field of an object type, with arguments and (for an object) a sub-selection. */
function fieldSelection(st: GenState, f: GraphQLField<unknown, unknown>, parent: GraphQLObjectType, depth: number, deep: number, used: Set<string>, forceAlias = false): Sel | undefined {
  const { r } = st;
  const named = getNamedType(f.type);
  let alias: string | undefined;
  if (forceAlias || used.has(f.name) || r.chance(0.1)) {
    let n = used.size;
    do alias = `${f.name}_${n++}`;
    while (used.has(alias));
  }
  const key = alias ?? f.name;
  if (parent === st.schema.getQueryType() || parent === st.schema.getMutationType()) {
    st.idType = idTypeOf(named.name);
    st.rootField = f.name;
  }
  const sel: Sel = { key, alias, field: f.name, typeName: named.name, args: fieldArgs(st, f), children: [] };
  st.selections++;
  if (isObjectType(named)) {
    sel.children = selectionSet(st, named, depth + 1, deep);
  }
  if (r.chance(0.03)) {
    const value = r.chance(0.5);
    sel.directive = { name: r.pick(['include', 'skip'] as const), value, viaVar: r.chance(0.5) ? addVar(st, 'Boolean!', value) : undefined };
  }
  return sel;
}

/** A `FooList` or `Foo` return type names records of type `Foo`. */
function idTypeOf(typeName: string): string {
  return typeName.replace(/List$/, '');
}

const MAX_SELECTIONS = 40;

function selectionSet(st: GenState, type: GraphQLObjectType, depth: number, deep: number): Sel[] {
  const { r } = st;
  const fields = Object.values(type.getFields());
  const used = new Set<string>();
  const out: Sel[] = [];
  const limit = deep ? deep : 3;
  const canGoDeeper = depth < limit && st.selections < MAX_SELECTIONS;
  const objectFields = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const leafFields = fields.filter((f) => isLeafType(getNamedType(f.type)));

  if (fields.some((f) => f.name === 'id') && r.chance(0.9)) {
    out.push({ key: 'id', field: 'id', typeName: 'ID', args: [], children: [] });
    used.add('id');
  }
  // Deep mode: always continue through an object field while the target depth is not reached.
  if (deep && canGoDeeper && objectFields.length) {
    const next = r.pick(objectFields);
    const sel = fieldSelection(st, next, type, depth, deep, used);
    if (sel) {
      out.push(sel);
      used.add(sel.key);
    }
  }
  const n = r.weighted([[45, () => 1], [30, () => 2], [15, () => 3], [10, () => r.int(4, 8)]]);
  for (let i = 0; i < n && st.selections < MAX_SELECTIONS; i++) {
    const pool = canGoDeeper && r.chance(0.35) && objectFields.length ? objectFields : leafFields.length ? leafFields : objectFields;
    const f = r.pick(pool);
    if (used.has(f.name) && !r.chance(0.2)) continue;
    if (isObjectType(getNamedType(f.type)) && !canGoDeeper && leafFields.length) continue;
    const sel = fieldSelection(st, f, type, depth, deep, used);
    if (sel) {
      out.push(sel);
      used.add(sel.key);
    }
  }
  if (r.chance(0.05)) out.push({ key: '__typename', field: '__typename', typeName: '', args: [], children: [] });
  if (out.length === 0) {
    const leaf = leafFields[0];
    out.push(leaf ? { key: leaf.name, field: leaf.name, typeName: getNamedType(leaf.type).name, args: [], children: [] } : { key: '__typename', field: '__typename', typeName: '', args: [], children: [] });
  }
  return out;
}

function fieldArgs(st: GenState, f: GraphQLField<unknown, unknown>): Arg[] {
  const { r } = st;
  const args: Arg[] = [];
  for (const a of f.args) {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    // perPage mostly given (and small): a default page of 25 under deep selections is slow for nothing.
    const present = required ? !bad(st, 0.03) : r.chance(a.name === 'perPage' ? 0.85 : 0.4);
    if (!present) continue;
    args.push(makeArg(st, a));
  }
  if (bad(st, 0.02)) args.push({ name: r.pick(['bogus', 'where', 'limit', 'id']), value: r.pick([1, 'x', true]), via: 'inline' });
  if (bad(st, 0.01) && args.length) args.push({ ...args[0], via: 'undeclared-var', varName: 'undeclared' });
  return args;
}

function makeArg(st: GenState, a: GraphQLArgument): Arg {
  const { r } = st;
  const value = inputValue(st, a.type, a.name, 0);
  if (r.chance(0.6)) {
    const declared = !bad(st, 0.03) ? String(a.type) : r.pick(['String', 'Int', 'ID!', '[String]', 'Boolean!', 'Float', 'ReportFilter']);
    return { name: a.name, type: a.type, value, via: 'var', varName: addVar(st, declared, value), varType: declared };
  }
  return { name: a.name, type: a.type, value, via: 'inline', block: r.chance(0.05) };
}

function addVar(st: GenState, type: string, value: unknown): string {
  const name = `v${st.vars.size}`;
  st.vars.set(name, { type, value });
  return name;
}

const OMIT = undefined;

/** A value for an input position: usually of the right shape, sometimes not. */
function inputValue(st: GenState, type: GraphQLInputType, name: string, depth: number, siblings: Record<string, unknown> = {}): unknown {
  const { r } = st;
  if (bad(st, 0.05)) return wrongType(st);
  if (isNonNullType(type)) {
    if (bad(st, 0.02)) return null;
    return inputValue(st, type.ofType, name, depth, siblings);
  }
  if (r.chance(0.04)) return null;
  if (isListType(type)) {
    return r.weighted<unknown>([
      [15 * Math.max(st.noise, 0.2), () => []],
      [68, () => Array.from({ length: r.int(1, 3) }, () => inputValue(st, type.ofType, name, depth + 1, siblings))],
      [12, () => inputValue(st, type.ofType, name, depth + 1, siblings)], // a single value is coerced to a list
      [5 * st.noise, () => Array.from({ length: r.int(20, 200) }, () => inputValue(st, type.ofType, name, depth + 1, siblings))],
    ]);
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return r.weighted<unknown>([
      [92, () => r.pick(values)],
      [8 * st.noise, () => r.pick([r.pick(values).toLowerCase(), 'NONE', 'ALL', '', 'FULL ', 'ADMIN', 'DELETED', 'PUBLISHED', 7])],
    ]);
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (!(required ? !bad(st, 0.04) : r.chance(0.5))) continue;
      const v = inputValue(st, f.type, f.name, depth + 1, out);
      if (v !== OMIT) out[f.name] = v;
    }
    if (bad(st, 0.02)) out[r.pick(['bogus', 'role', 'memberId', 'password', '__proto__'])] = r.pick([1, 'x', true, null]);
    return out;
  }
  if (isScalarType(type)) return scalarValue(st, type.name, name, siblings);
  return null;
}

/** True with probability p, scaled by how noisy this operation is. */
function bad(st: GenState, p: number): boolean {
  return st.r.chance(p * st.noise);
}

/** A value of the wrong shape for wherever it goes. */
function wrongType(st: GenState): unknown {
  const { r } = st;
  return r.pick<unknown>(['x', 42, -1, 1.5, true, {}, [], { a: 1 }, [null], 2 ** 31, Number.MAX_SAFE_INTEGER + 2, '', [[1]]]);
}

function stringValue(st: GenState, make: () => string): string {
  let s: string;
  if (st.hugeCountdown === 0) {
    s = hugeString(st.r);
    st.hugeCountdown = -1;
  } else {
    if (st.hugeCountdown > 0) st.hugeCountdown--;
    s = make();
    // One odd character inside an otherwise well-formed value (an e-mail, a date, a name) gets past
    // the format checks to the layers below, where a wholly odd string never arrives.
    if (st.r.chance(0.1)) {
      const at = st.r.int(0, s.length);
      s = `${s.slice(0, at)}${st.r.chance(0.5) ? st.r.pick(['\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B']) : st.r.pick(ODD_UNITS)}${s.slice(at)}`;
    }
  }
  st.sent.push(s);
  return s;
}

function scalarValue(st: GenState, scalar: string, name: string, siblings: Record<string, unknown>): unknown {
  const { r, pools } = st;
  const hint = name.toLowerCase();
  switch (scalar) {
    case 'ID': {
      const type = name === 'id' || name === 'ids' ? st.idType : ID_ARGS[name];
      const own = (type ? pools.ids(type) : []).filter((id) => st.rootField !== 'eraseMember' || !pools.protectedMemberIds.has(id));
      const v = r.weighted<unknown>([
        [own.length ? 62 : 0, () => r.pick(own)],
        [st.rootField === 'eraseMember' ? 0 : 12 * st.noise, () => r.pick(pools.allIds())],
        [10 * st.noise, () => r.uuid()],
        [16 * st.noise, () => r.pick<unknown>(['', 'not-a-uuid', '1', 0, 123, 'undefined', "' or 1=1 --", '00000000-0000-0000-0000-000000000000', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', `${r.uuid()}\u0000`, `${r.uuid()} `, r.uuid().toUpperCase(), '\uD800', `{${r.uuid()}}`])],
      ]);
      if (typeof v === 'string') st.sent.push(v);
      return v;
    }
    case 'String':
      return stringValue(st, () => stringFor(st, hint, siblings));
    case 'Int':
      return intFor(r, hint, st.noise);
    case 'SafeInt':
      return r.weighted<unknown>([
        [80, () => r.int(1, 50_000_000)],
        [20 * st.noise, () => r.pick<unknown>([0, -1, 2 ** 53, -(2 ** 53), 1.5, 2 ** 31, '100', 1e21])],
      ]);
    case 'Float':
      return r.weighted<unknown>([
        [80, () => r.int(0, 1000) / 1000],
        [20 * st.noise, () => r.pick<unknown>([0, -1, 1e308, -1e308, 5e-324, 1, 1000, '0.1'])],
      ]);
    case 'Boolean':
      return r.chance(0.5);
    case 'DateTimeISO':
      return stringValue(st, () => dateTime(r, st.noise));
    default:
      return stringValue(st, () => text(r, st.noise));
  }
}

function intFor(r: Rand, hint: string, noise: number): unknown {
  if (hint === 'page') return r.weighted<unknown>([[80, () => r.int(1, 3)], [20 * noise, () => r.pick([0, -1, 1_000_000, 2 ** 31 - 1, 2 ** 31])]]);
  if (hint === 'perpage' || hint === 'limit')
    return r.weighted<unknown>([[70, () => r.int(1, 5)], [10, () => r.pick([25, 50, 100])], [20 * noise, () => r.pick([0, -5, 101, 1_000_000, 2 ** 31 - 1])]]);
  return r.weighted<unknown>([[75, () => r.int(0, 60)], [25 * noise, () => r.pick([-1, 100_001, 2 ** 31 - 1, -(2 ** 31), 1_000_000])]]);
}

const DATE_ARGS = new Set(['incidentdate', 'date', 'on', 'invitedon', 'receivedon', 'contactdate', 'incidentfrom', 'incidentto']);

function stringFor(st: GenState, hint: string, siblings: Record<string, unknown>): string {
  const { r, pools } = st;
  const n = st.noise;
  if (DATE_ARGS.has(hint)) return date(r, n);
  switch (hint) {
    case 'email':
      return email(r, pools.demoEmails, n);
    case 'contactemail':
      return r.chance(1 - 0.2 * n) ? `contact.${r.int(0, 999)}@example.net` : text(r);
    case 'password':
      return r.weighted<string>([
        [st.rootField === 'requestErasure' ? 0 : 40, () => 'demo-password-1'],
        [30, () => `fuzz-password-${r.int(0, 999_999)}`],
        [30 * n, () => text(r)],
      ]);
    case 'totp':
      return r.chance(1 - 0.3 * n) ? String(r.int(0, 999_999)).padStart(6, '0') : text(r);
    case 'financialyear':
      return financialYear(r, n);
    case 'contactphone':
      return phone(r, n);
    case 'value':
    case 'identifiervalue':
      return identifierValue(r, typeof siblings.kind === 'string' ? siblings.kind : typeof siblings.identifierKind === 'string' ? siblings.identifierKind : undefined, n);
    case 'idempotencykey':
      return r.chance(1 - 0.2 * n) ? r.uuid().replace(/-/g, '') : text(r);
    case 'after': {
      const cursors = pools.strings('cursor');
      return cursors.length && r.chance(0.6) ? r.pick(cursors) : text(r);
    }
    case 'sortfield':
      return r.chance(0.6) ? r.pick(['pseudonym', 'createdAt', 'id', 'contactEmail', 'contact_email_encrypted']) : text(r);
    case 'code': {
      const codes = pools.strings('findingCode');
      return codes.length && r.chance(0.6) ? r.pick(codes) : text(r);
    }
    case 'programme':
      return r.chance(0.6) ? r.pick(['2026/27 programme', '2019/20 programme', 'Programme 2025']) : text(r, n);
    default:
      return text(r, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function printOperation(st: GenState, op: Operation): void {
  const { r } = st;
  const fragments: string[] = [];
  const rootTypeName = op.kind === 'mutation' ? 'Mutation' : 'Query';
  const body = printSelections(st, op.roots, rootTypeName, fragments);
  const named = r.chance(0.3);
  const name = `Fuzz${r.int(0, 99)}`;
  const defs = [...st.vars].map(([n, v]) => `$${n}: ${v.type}`);
  const head = op.kind === 'query' && !named && defs.length === 0 && r.chance(0.5) ? '' : `${op.kind}${named ? ` ${name}` : ''}${defs.length ? `(${defs.join(', ')})` : ''} `;
  op.query = `${r.chance(0.02) ? '\uFEFF' : ''}${head}${body}${fragments.length ? `\n${fragments.join('\n')}` : ''}`;
  for (const [n, v] of st.vars) if (v.value !== undefined) op.variables[n] = v.value;
  // operationName is optional with one operation: sent most of the time when it has a name.
  if (named && r.chance(0.7)) op.operationName = name;
}

function printSelections(st: GenState, sels: Sel[], typeName: string, fragments: string[]): string {
  const { r } = st;
  const printed = sels.map((s) => printField(st, s, fragments));
  if (printed.length && r.chance(0.2)) {
    // Some of the fields go into a fragment: inline with or without a type condition, or named.
    const from = r.int(0, printed.length - 1);
    const to = r.int(from, printed.length - 1);
    const inner = printed.slice(from, to + 1).join(' ');
    const how = r.int(0, 2);
    let wrapped: string;
    if (how === 0) wrapped = `... on ${typeName} { ${inner} }`;
    else if (how === 1) wrapped = `... { ${inner} }`;
    else {
      const name = `F${fragments.length}`;
      fragments.push(`fragment ${name} on ${typeName} { ${inner} }`);
      wrapped = `...${name}`;
    }
    printed.splice(from, to - from + 1, wrapped);
  }
  return `{ ${printed.join(' ')} }`;
}

function printField(st: GenState, s: Sel, fragments: string[]): string {
  const name = s.mangled ?? s.field;
  const args = s.args.length ? `(${s.args.map((a) => `${a.name}: ${printArg(a)}`).join(', ')})` : '';
  const dir = s.directive ? ` @${s.directive.name}(if: ${s.directive.viaVar ? `$${s.directive.viaVar}` : String(s.directive.value)})` : '';
  const sub = s.children.length ? ` ${printSelections(st, s.children, s.typeName, fragments)}` : '';
  return `${s.alias ? `${s.alias}: ` : ''}${name}${args}${dir}${sub}`;
}

function printArg(a: Arg): string {
  if (a.via === 'var') return `$${a.varName}`;
  if (a.via === 'undeclared-var') return `$${a.varName}`;
  return printLiteral(a.value, a.type, a.block);
}

/** A GraphQL literal for a JSON value; enum values bare where the type expects an enum. */
export function printLiteral(value: unknown, type: GraphQLInputType | undefined, block = false): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const el = inner && isListType(inner) ? inner.ofType : undefined;
    return `[${value.map((v) => printLiteral(v, el)).join(', ')}]`;
  }
  if (inner && isListType(inner)) return printLiteral(value, inner.ofType, block);
  if (typeof value === 'string') {
    if (inner && isEnumType(inner) && NAME.test(value) && !['true', 'false', 'null'].includes(value)) return value;
    if (block && !value.includes('"""') && !value.includes('\\') && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) return `"""${value}"""`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => NAME.test(k));
    return `{ ${entries.map(([k, v]) => `${k}: ${printLiteral(v, fields[k]?.type)}`).join(', ')} }`;
  }
  return 'null';
}

/** A document broken on purpose: the server must refuse it with a coded error, never a 5xx. */
function breakDocument(r: Rand, op: Operation): void {
  const kind = r.int(0, 7);
  switch (kind) {
    case 0:
      op.query = op.query.slice(0, r.int(0, Math.max(0, op.query.length - 1)));
      op.broken = 'truncated';
      break;
    case 1:
      op.operationName = 'NoSuchOperation';
      op.broken = 'unknown operationName';
      break;
    case 2:
      op.query = `${op.query}\nquery Other { me { id } }`;
      op.operationName = undefined;
      op.broken = 'two operations, no operationName';
      break;
    case 3:
      op.query = r.pick(['', ' ', '#', '{}', '{ }', 'subscription { me { id } }', '{ __schema { types { name fields { name } } } }', '{ __type(name: "Report") { fields { name } } }', 'query { ...Missing }', 'fragment F on Report { id }', `{ ${'me { id } '.repeat(300)} }`, '{ me { id } } # \u0000 \uD800']);
      op.broken = 'odd document';
      break;
    case 4:
      op.variables = { ...op.variables, unusedVar: r.pick([1, 'x', { a: 1 }]) };
      op.broken = 'extra variable';
      break;
    case 5:
      op.query = op.query.replace(/\{/, '{ {');
      op.broken = 'syntax error';
      break;
    case 6:
      op.query = op.query.replace(/\$v0: [^,)]+/, '$v0: NoSuchType');
      op.broken = 'unknown variable type';
      break;
    default:
      op.query = `${op.query} ${'{'.repeat(r.int(1, 600))}`;
      op.broken = 'unbalanced braces';
  }
}

/** A request that is not well-formed at the HTTP/JSON level. */
function rawTransport(r: Rand, op: Operation): Transport {
  const json = (v: unknown) => JSON.stringify(v);
  const q = op.query;
  const choices: [string, string, string][] = [
    ['invalid JSON', '{"query": "{ me { id } ', 'application/json'],
    ['batched', json([{ query: q }, { query: q }]), 'application/json'],
    ['query is a number', json({ query: 42 }), 'application/json'],
    ['query is an object', json({ query: { a: 1 } }), 'application/json'],
    ['variables is a string', json({ query: q, variables: 'x' }), 'application/json'],
    ['variables is an array', json({ query: q, variables: [1] }), 'application/json'],
    ['no query', json({ variables: op.variables }), 'application/json'],
    ['empty body', '', 'application/json'],
    ['text/plain (CSRF)', json({ query: q }), 'text/plain'],
    ['form body', 'query=%7B%20me%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded'],
    ['unknown persisted query', json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), 'application/json'],
    ['null JSON', 'null', 'application/json'],
    ['JSON string', '"{ me { id } }"', 'application/json'],
    ['deeply nested JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
    ['prototype keys', '{"query":"{ me { id } }","__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}', 'application/json'],
  ];
  const [what, body, contentType] = r.pick(choices);
  return { kind: 'raw', body, contentType, what };
}
