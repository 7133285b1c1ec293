import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, from, type FetchResult } from '@apollo/client';
import { currentToken } from './session';

/** Sends the session's token, when there is a valid one, as `Authorization: Bearer <token>`. */
const authLink = new ApolloLink((operation, forward) => {
  const token = currentToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

interface ServerErrorLike {
  name?: string;
  statusCode?: number;
  result?: unknown;
}

/**
 * The server may answer some errors with an HTTP error status (400 for a malformed variable,
 * 401 for a dead session) and a GraphQL body. Apollo reports those as a network error and drops
 * the body; hand the body's GraphQL errors on instead, so their message and code reach the UI.
 */
const httpErrorBodyLink = new ApolloLink(
  (operation, forward) =>
    new Observable<FetchResult>((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        complete: () => observer.complete(),
        error: (error: ServerErrorLike) => {
          const body = error?.result as { data?: Record<string, unknown> | null; errors?: unknown } | undefined;
          if (error?.name === 'ServerError' && body && Array.isArray(body.errors) && body.errors.length > 0) {
            const errors = body.errors.map((e: { message?: string; extensions?: Record<string, unknown> }) =>
              error.statusCode === 401 && !e.extensions?.code
                ? { ...e, message: e.message ?? 'Unauthenticated', extensions: { ...e.extensions, code: 'UNAUTHENTICATED' } }
                : e,
            );
            observer.next({ data: body.data ?? null, errors } as FetchResult);
            observer.complete();
          } else {
            observer.error(error);
          }
        },
      });
      return () => subscription.unsubscribe();
    }),
);

/**
 * The one Apollo client of the dashboard (data provider and sign-in). Records are not kept in
 * Apollo's cache ('no-cache'): react-admin caches what it shows, and nothing about the people in
 * Lantern should linger anywhere else in memory after sign-out.
 */
export const apolloClient = new ApolloClient({
  link: from([authLink, httpErrorBodyLink, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
    watchQuery: { fetchPolicy: 'no-cache' },
  },
});
