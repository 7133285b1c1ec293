import { baseUrl } from './server';

/** Data set-up through the real API (never the database), as a given account. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

export async function signIn(email: string, password = 'demo-password-1'): Promise<string> {
  const data = await gql<{ login: { token: string } }>('mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email, password });
  return data.login.token;
}

export async function forceIdByName(name: string, token: string): Promise<string> {
  const data = await gql<{ forces: { nodes: { id: string; name: string }[] } }>('query ($q: String) { forces(filter: { q: $q }) { nodes { id name } } }', { q: name }, token);
  const force = data.forces.nodes.find((f) => f.name === name);
  if (!force) throw new Error(`no force named ${name}`);
  return force.id;
}
