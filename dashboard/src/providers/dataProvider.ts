import { gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyReferenceParams,
  GetManyReferenceResult,
  Identifier,
  RaRecord,
} from 'react-admin';
import { apolloClient } from './apolloClient';
import { buildQuery, MAX_PER_PAGE } from './buildQuery';
import { toHttpError } from './errors';
import { introspectionSchema } from './schema';

/**
 * react-admin method -> API (see buildQuery.ts for the per-resource names):
 *   getList          -> users(page, perPage, sortField, sortOrder, filter) { nodes totalCount }
 *   getMany          -> users(filter: { ids }), in batches of at most 100 ids
 *   getManyReference -> users(filter: { <target>Id: id }, page, perPage, sort...)
 *   getOne           -> user(id)
 *   create           -> createUser(input)            (input: fields of CreateUserInput only)
 *   update           -> updateUser(id, input)        (input: only the fields that changed)
 *   delete           -> deactivateUser(id)           (users are deactivated, never deleted)
 *   updateMany, deleteMany: not offered.
 * A page larger than the server's limit of 100 is fetched as several pages of 100.
 * Every error is turned into a react-admin HttpError by errors.ts.
 */
export interface LanternDataProvider extends DataProvider {
  /** Sets a new password for a user (ADMIN only on the server). */
  resetPassword(id: Identifier, password: string): Promise<{ data: RaRecord }>;
}

const graphqlProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: { schema: introspectionSchema },
  buildQuery,
  // errorPolicy 'all': a field hidden from this role must not blank the records around it
  query: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

const withApiErrors = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error: unknown) => {
    throw toHttpError(error);
  });

/** Fetches rows [start, start + perPage) in server pages of at most MAX_PER_PAGE. */
async function inServerPages<P extends { pagination?: { page: number; perPage: number } }, R extends RaRecord>(
  params: P,
  fetchPage: (params: P) => Promise<{ data: R[]; total?: number }>,
): Promise<{ data: R[]; total?: number }> {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (perPage <= MAX_PER_PAGE) return fetchPage(params);
  const start = (page - 1) * perPage;
  const end = start + perPage;
  const firstServerPage = Math.floor(start / MAX_PER_PAGE) + 1;
  const rows: R[] = [];
  let total: number | undefined;
  for (let serverPage = firstServerPage; ; serverPage++) {
    const result = await fetchPage({ ...params, pagination: { page: serverPage, perPage: MAX_PER_PAGE } });
    rows.push(...result.data);
    total = result.total;
    const fetchedUpTo = serverPage * MAX_PER_PAGE;
    if (result.data.length < MAX_PER_PAGE || fetchedUpTo >= end || (total !== undefined && fetchedUpTo >= total)) break;
  }
  const offset = start - (firstServerPage - 1) * MAX_PER_PAGE;
  return { data: rows.slice(offset, offset + perPage), total };
}

const RESET_PASSWORD = gql`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password) {
      id
    }
  }
`;

export const dataProvider: LanternDataProvider = {
  getList: <R extends RaRecord>(resource: string, params: GetListParams) =>
    withApiErrors(
      inServerPages(params, (p) => graphqlProvider.getList<R>(resource, p)) as Promise<GetListResult<R>>,
    ),

  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    withApiErrors(
      inServerPages(params, (p) => graphqlProvider.getManyReference<R>(resource, p)) as Promise<GetManyReferenceResult<R>>,
    ),

  getMany: (resource, params) => {
    const batches: Identifier[][] = [];
    for (let i = 0; i < params.ids.length; i += MAX_PER_PAGE) batches.push(params.ids.slice(i, i + MAX_PER_PAGE));
    if (batches.length <= 1) return withApiErrors(graphqlProvider.getMany(resource, params));
    return withApiErrors(
      Promise.all(batches.map((ids) => graphqlProvider.getMany(resource, { ...params, ids }))).then((results) => ({
        data: results.flatMap((result) => result.data),
      })),
    );
  },

  getOne: (resource, params) => withApiErrors(graphqlProvider.getOne(resource, params)),
  create: (resource, params) => withApiErrors(graphqlProvider.create(resource, params)),
  update: (resource, params) => withApiErrors(graphqlProvider.update(resource, params)),
  delete: (resource, params) => withApiErrors(graphqlProvider.delete(resource, params)),
  updateMany: (resource) => Promise.reject(toHttpError(new Error(`Lantern: "${resource}" cannot be updated in bulk`))),
  deleteMany: (resource) => Promise.reject(toHttpError(new Error(`Lantern: "${resource}" cannot be deleted in bulk`))),

  resetPassword: (id, password) =>
    withApiErrors(
      apolloClient
        .mutate<{ resetPassword: RaRecord }>({ mutation: RESET_PASSWORD, variables: { id, password } })
        .then(({ data }) => {
          if (!data?.resetPassword) throw new Error('ra.notification.http_error');
          return { data: data.resetPassword };
        }),
    ),
};
