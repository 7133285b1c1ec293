import {
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionSchema,
} from 'graphql';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult, IntrospectionResult } from 'ra-data-graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import type { ApiError } from './errors';
import type { Role } from './canAccess';
import {
  alertRecord,
  alertRow,
  caseRecord,
  caseRow,
  funderRecord,
  fundingRecordRecord,
  fundingRecordRow,
  memberRecord,
  memberRow,
  policeRequestRecord,
  policeRequestRow,
  reportRecord,
  reportRow,
  selectionFor,
  trainingInvitationRecord,
  trainingSessionRecord,
  trainingSessionRow,
  userRecord,
  type Selection,
} from './selections';
import { readSession } from './session';

/** The server refuses a page larger than this. */
export const MAX_PER_PAGE = 100;

/** Which query or mutation serves each react-admin method, per resource (the API's names). */
export interface ResourceOperations {
  list: string; // getList, getMany (filter { ids }), getManyReference (filter { <target>: id })
  one: string; // getOne
  create?: string; // (input)
  update?: string; // (id, input)
  /**
   * The update's input is the whole record (its non-null fields are required), not only what
   * changed: every field of the input type is sent.
   */
  updateSendsWhole?: boolean;
  delete?: string; // (id)
  /**
   * What to read, when not every field one level down (see selections.ts): `list` for getList,
   * getMany and getManyReference; `one` for getOne and the answers to create, update and delete.
   */
  select?: Readonly<{ list: Selection; one: Selection }>;
  /**
   * For a role the API lets filter or sort by only some fields (others are FORBIDDEN): those
   * fields. Anything else is dropped before the request (a filter left in the address, say).
   */
  limits?: Readonly<Partial<Record<Role, ListLimits>>>;
}

export interface ListLimits {
  filter: readonly string[];
  sort: readonly string[];
}

/** What police may filter and sort reports by: never status or member. */
export const POLICE_REPORT_LIMITS: ListLimits = {
  filter: ['ids', 'q', 'incidentType', 'incidentFrom', 'incidentTo', 'receivedFrom', 'receivedTo', 'identifierKind', 'identifierValue'],
  sort: ['reference', 'receivedAt', 'incidentDate'],
};

export const RESOURCE_OPERATIONS: Readonly<Record<string, ResourceOperations>> = {
  users: {
    list: 'users',
    one: 'user',
    create: 'createUser',
    update: 'updateUser',
    delete: 'deactivateUser',
    select: { list: userRecord, one: userRecord },
  },
  forces: { list: 'forces', one: 'force' },
  reports: {
    list: 'reports',
    one: 'report',
    create: 'createReport',
    update: 'updateReport',
    select: { list: reportRow, one: reportRecord },
    limits: { POLICE_PARTNER: POLICE_REPORT_LIMITS },
  },
  // No update: a case changes through its own mutations (dataProvider.changeCaseStatus, ...).
  cases: { list: 'cases', one: 'case', create: 'openCase', select: { list: caseRow, one: caseRecord } },
  members: { list: 'members', one: 'member', select: { list: memberRow, one: memberRecord } },
  // Created by police; answered, declined or sent to the member through dataProvider's own methods.
  policeRequests: {
    list: 'policeRequests',
    one: 'policeRequest',
    create: 'createPoliceRequest',
    select: { list: policeRequestRow, one: policeRequestRecord },
  },
  // Drafts are edited (updateAlert takes the whole AlertInput); review, publication and
  // withdrawal are dataProvider's own methods. Admins and police read published alerts only.
  alerts: {
    list: 'alerts',
    one: 'alert',
    create: 'createAlert',
    update: 'updateAlert',
    updateSendsWhole: true,
    select: { list: alertRow, one: alertRecord },
  },
  // Funding and training: managers write; staff read; police read their own force's (the server
  // scopes lists). The update mutations take the whole input, like createX.
  funders: {
    list: 'funders',
    one: 'funder',
    create: 'createFunder',
    update: 'updateFunder',
    updateSendsWhole: true,
    select: { list: funderRecord, one: funderRecord },
  },
  fundingRecords: {
    list: 'fundingRecords',
    one: 'fundingRecord',
    create: 'createFundingRecord',
    update: 'updateFundingRecord',
    updateSendsWhole: true,
    delete: 'deleteFundingRecord',
    select: { list: fundingRecordRow, one: fundingRecordRecord },
  },
  // Feedback is recorded by dataProvider.recordTrainingFeedback, not by updating the session.
  trainingSessions: {
    list: 'trainingSessions',
    one: 'trainingSession',
    create: 'createTrainingSession',
    update: 'updateTrainingSession',
    updateSendsWhole: true,
    delete: 'deleteTrainingSession',
    select: { list: trainingSessionRow, one: trainingSessionRecord },
  },
  // An invitation moves on through dataProvider.moveTrainingInvitation; it is never edited.
  // Retention: read-only lists here; holds are placed and released through retention/retentionApi.ts.
  legalHolds: { list: 'legalHolds', one: 'legalHold' },
  auditEvents: { list: 'auditEvents', one: 'auditEvent' },
  trainingInvitations: {
    list: 'trainingInvitations',
    one: 'trainingInvitation',
    create: 'createTrainingInvitation',
    select: { list: trainingInvitationRecord, one: trainingInvitationRecord },
  },
};

type Data = Record<string, unknown>;

interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Data;
}

/** A GraphQL error answer, thrown so that errors.ts can read its errors and codes. */
export class ApiResponseError extends Error {
  constructor(readonly graphQLErrors: readonly ApiError[]) {
    super(graphQLErrors.map((e) => e.message).join('\n') || 'Empty response');
    this.name = 'ApiResponseError';
  }
}

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null;

// ---------------------------------------------------------------------------------------------
// Reading the schema

const schemas = new WeakMap<IntrospectionSchema, GraphQLSchema>();

function schemaOf(introspection: IntrospectionResult): GraphQLSchema {
  let schema = schemas.get(introspection.schema);
  if (!schema) {
    schema = buildClientSchema({ __schema: introspection.schema });
    schemas.set(introspection.schema, schema);
  }
  return schema;
}

function operationField(schema: GraphQLSchema, kind: 'query' | 'mutation', name: string): GraphQLField<unknown, unknown> {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`schema.graphql has no ${kind} ${name}`);
  return field;
}

function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) throw new Error(`${field.name} does not return an object type`);
  return type;
}

/** The record type inside a `{ nodes totalCount }` list type. */
function nodeTypeOf(listField: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const nodes = objectTypeOf(listField).getFields().nodes;
  if (!nodes) throw new Error(`${listField.name} does not return { nodes totalCount }`);
  return objectTypeOf(nodes);
}

const canSelect = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** Every leaf field of `type`, and the leaf fields of the objects it links to, `depth` levels down. */
function selectionOf(type: GraphQLObjectType, depth = 1): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (!canSelect(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
    } else if (isObjectType(named) && depth > 0) {
      const inner = selectionOf(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Building variables

/** The value for input field `name` from a react-admin record: `forceId` from `force.id`. */
function recordValue(record: Data, name: string): unknown {
  if (name in record) return record[name];
  if (name.endsWith('Ids')) {
    const linked = record[`${name.slice(0, -3)}s`];
    if (Array.isArray(linked)) return linked.map((item) => (isObject(item) ? item.id : item));
  } else if (name.endsWith('Id')) {
    const linked = record[name.slice(0, -2)];
    if (linked === null) return null;
    if (isObject(linked)) return linked.id ?? null;
  }
  return undefined;
}

/** Keep only what `type` declares, recursively (no __typename, id, createdAt... in an input). */
function coerceInput(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return Array.isArray(value) ? value.map((item) => coerceInput(inner.ofType, item)) : [coerceInput(inner.ofType, value)];
  }
  if (isInputObjectType(inner)) return isObject(value) ? buildInput(inner, value) : value;
  if (value === '' && getNamedType(inner).name !== 'String') return null; // an emptied select
  return value;
}

/**
 * The input object for a create (no `previous`) or an update (only the fields that changed
 * from `previous`). Only fields the input type declares are sent.
 */
function buildInput(type: GraphQLInputObjectType, data: Data, previous?: Data): Data {
  const input: Data = {};
  for (const field of Object.values(type.getFields())) {
    const raw = recordValue(data, field.name);
    if (raw === undefined) continue;
    const value = coerceInput(field.type, raw);
    if (previous) {
      const before = coerceInput(field.type, recordValue(previous, field.name));
      if (JSON.stringify(before ?? null) === JSON.stringify(value ?? null)) continue;
    } else if (value === null && !isNonNullType(field.type)) {
      continue;
    }
    input[field.name] = value;
  }
  return input;
}

/** The list filter: known fields only (`force.id` -> `forceId`), empty values dropped. */
function buildFilter(type: GraphQLInputType | undefined, filter: Data): Data | undefined {
  const named = type && getNamedType(type);
  if (!named || !isInputObjectType(named)) return undefined;
  const fields = named.getFields();
  const out: Data = {};
  for (const [key, value] of Object.entries(filter)) {
    const stem = key.replace(/\.id$/, '');
    const name = key in fields ? key : `${stem}Id` in fields ? `${stem}Id` : undefined;
    if (!name) {
      if (import.meta.env.DEV) console.warn(`Lantern: filter "${key}" is not a field of ${named.name}; ignored`);
      continue;
    }
    if (value === undefined || value === null || value === '') continue;
    out[name] = isObject(value) && !Array.isArray(value) && 'id' in value ? value.id : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function listVariables(field: GraphQLField<unknown, unknown>, params: ListParams, filter: Data, limits?: ListLimits): Data {
  const args = new Map(field.args.map((arg) => [arg.name, arg]));
  if (limits) {
    filter = Object.fromEntries(Object.entries(filter).filter(([key]) => limits.filter.includes(key)));
    if (params.sort?.field && !limits.sort.includes(params.sort.field)) params = { ...params, sort: undefined };
  }
  const variables: Data = {};
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (args.has('page')) variables.page = page;
  if (args.has('perPage')) variables.perPage = Math.min(perPage, MAX_PER_PAGE);
  const sortArg = args.get('sortField');
  if (sortArg && params.sort?.field) {
    const sortType = getNamedType(sortArg.type);
    // a column the API cannot sort by is shown unsorted rather than refused
    if (!isEnumType(sortType) || sortType.getValue(params.sort.field)) variables.sortField = params.sort.field;
  }
  if (args.has('sortOrder') && variables.sortField) {
    variables.sortOrder = params.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  }
  const filterValue = buildFilter(args.get('filter')?.type, filter);
  if (filterValue) variables.filter = filterValue;
  return variables;
}

function mutationVariables(
  field: GraphQLField<unknown, unknown>,
  params: { id?: unknown; data?: Data; previousData?: Data },
  whole = false,
): Data {
  const variables: Data = {};
  const previous = params.id === undefined || whole ? undefined : params.previousData;
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (arg.name === 'id') variables.id = params.id;
    else if (isInputObjectType(named)) variables[arg.name] = buildInput(named, params.data ?? {}, previous);
    else if (params.data && arg.name in params.data) variables[arg.name] = params.data[arg.name];
  }
  return variables;
}

// ---------------------------------------------------------------------------------------------
// Documents and responses

const checkedDocuments = new Set<string>();

/** A hand-written selection (selections.ts) that does not fit the schema fails here, named, not on the server. */
function checked(schema: GraphQLSchema, source: string): DocumentNode {
  const doc = parse(source);
  if (!checkedDocuments.has(source)) {
    const problems = validate(schema, doc);
    if (problems.length > 0) throw new Error(`Lantern: ${problems.map((p) => p.message).join('; ')}`);
    checkedDocuments.add(source);
  }
  return doc;
}

function document(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, variables: Data, selection: string) {
  const used = field.args.filter((arg: GraphQLArgument) => arg.name in variables);
  const definitions = used.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = used.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const name = `${kind === 'query' ? 'Ra' : 'RaMutate'}_${field.name}`;
  return checked(
    schema,
    `${kind} ${name}${definitions ? `(${definitions})` : ''} {
    data: ${field.name}${args ? `(${args})` : ''} { ${selection} }
  }`,
  );
}

/** Removes Apollo's __typename from a record, recursively. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (!isObject(value)) return value;
  const out: Data = {};
  for (const [key, item] of Object.entries(value)) if (key !== '__typename') out[key] = clean(item);
  return out as T;
}

interface Response {
  data?: { data?: unknown } | null;
  errors?: readonly ApiError[];
  error?: { graphQLErrors?: readonly ApiError[] };
}

/**
 * The root field's value. Queries run with errorPolicy 'all': a FORBIDDEN error on a field inside
 * the records (a field this role may not read, answered null) leaves the rest readable; any
 * other error fails the request.
 */
function rootOf(response: Response): Data {
  const errors = response.errors ?? response.error?.graphQLErrors ?? [];
  const root = response.data?.data;
  const onlyHiddenFields =
    isObject(root) && errors.every((e) => e.extensions?.code === 'FORBIDDEN' && (e.path?.length ?? 0) > 1);
  if (errors.length > 0 && !onlyHiddenFields) throw new ApiResponseError(errors);
  if (!isObject(root)) {
    throw new ApiResponseError([{ message: 'ra.notification.item_doesnt_exist', extensions: { code: 'NOT_FOUND' } }]);
  }
  return root;
}

function listResult(response: Response, withTotal: boolean) {
  const root = rootOf(response);
  const data = clean((root.nodes ?? []) as Data[]);
  return withTotal ? { data, total: root.totalCount as number } : { data };
}

// ---------------------------------------------------------------------------------------------

export const buildQuery: BuildQueryFactory = (introspection) => {
  const schema = schemaOf(introspection);

  const build: BuildQuery = (method, resource, params): BuildQueryResult => {
    const operations = Object.hasOwn(RESOURCE_OPERATIONS, resource) ? RESOURCE_OPERATIONS[resource] : undefined;
    if (!operations) throw new Error(`Lantern: no API operations are configured for "${resource}"`);
    const role = readSession()?.user.role;
    const limits = role ? operations.limits?.[role] : undefined;
    /** The selection for a list row or a whole record, for the signed-in role. */
    const viewSelection = (view: 'list' | 'one', type: GraphQLObjectType) =>
      operations.select ? selectionFor(operations.select[view], role) : selectionOf(type);

    switch (method) {
      case GET_LIST:
      case GET_MANY:
      case GET_MANY_REFERENCE: {
        const field = operationField(schema, 'query', operations.list);
        const selection = `nodes { ${viewSelection('list', nodeTypeOf(field))} } totalCount`;
        let variables: Data;
        if (method === GET_MANY) {
          const ids = params.ids as unknown[];
          variables = listVariables(field, { pagination: { page: 1, perPage: Math.max(ids.length, 1) } }, { ids }, limits);
        } else if (method === GET_MANY_REFERENCE) {
          variables = listVariables(field, params, { ...params.filter, [params.target]: params.id }, limits);
        } else {
          variables = listVariables(field, params, params.filter ?? {}, limits);
        }
        return {
          query: document(schema, 'query', field, variables, selection),
          variables,
          parseResponse: (response) => listResult(response as Response, method !== GET_MANY),
        };
      }
      case GET_ONE: {
        const field = operationField(schema, 'query', operations.one);
        const variables = { id: params.id };
        return {
          query: document(schema, 'query', field, variables, viewSelection('one', objectTypeOf(field))),
          variables,
          parseResponse: (response) => ({ data: clean(rootOf(response as Response)) }),
        };
      }
      case CREATE:
      case UPDATE:
      case DELETE: {
        const name = method === CREATE ? operations.create : method === UPDATE ? operations.update : operations.delete;
        if (!name) throw new Error(`Lantern: "${resource}" cannot be ${method === CREATE ? 'created' : method === UPDATE ? 'updated' : 'deleted'} here`);
        const field = operationField(schema, 'mutation', name);
        const variables = mutationVariables(
          field,
          method === CREATE ? { data: params.data } : params,
          method === UPDATE && operations.updateSendsWhole,
        );
        return {
          query: document(schema, 'mutation', field, variables, viewSelection('one', objectTypeOf(field))),
          variables,
          parseResponse: (response) => ({ data: clean(rootOf(response as Response)) }),
        };
      }
      default:
        throw new Error(`Lantern: ${method} is not supported for "${resource}"`);
    }
  };
  return build;
};
