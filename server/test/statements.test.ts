import { Client } from 'pg';
import { Role } from '../src/policy/roles';
import { createReport } from './helpers/fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * SQL statements per request, counted (not timed): every query the server's PostgreSQL clients
 * send during one HTTP request. Lists must not grow with the page (no N+1), and the benchmark's
 * list queries (Q1-Q3 in bench/) stay within a fixed, small number of statements.
 */
let server: TestServer;
let statements: string[] = [];
const original = Client.prototype.query;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 12; i++) {
    const r = await createReport(server, {
      incidentTypes: i % 2 ? ['VIOLENCE'] : ['RAPE', 'ROBBERY'],
      identifiers: [{ kind: 'PHONE', value: `07700 900 ${String(100 + i)}` }, { kind: 'VEHICLE', value: `AB${10 + i} CDE` }],
      consent: { police: i % 3 ? 'ANONYMOUS_INTELLIGENCE' : 'NONE', alerts: false },
    });
    if (i % 2) {
      await server.gql('mutation ($id: ID!) { openCase(reportId: $id, assigneeId: null) { id } }', { id: r.id }, await server.tokenFor(Role.CASE_WORKER));
    }
  }
  (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    statements.push(typeof q === 'string' ? q : (q?.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
});
afterAll(async () => {
  (Client.prototype as { query: unknown }).query = original;
  await server.close();
});

async function count(query: string, token: string, variables: Record<string, unknown> = {}): Promise<{ n: number; sql: string[] }> {
  statements = [];
  const res = await server.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  const sql = statements;
  statements = [];
  return { n: sql.length, sql };
}

const Q1 = `{ reports(perPage: 50, filter: { status: NEW }) { nodes { id reference receivedAt incidentTypes status identifiers { kind value } case { assignee { name } } } } }`;
const Q2 = `{ reports(perPage: 50, filter: { status: NEW }) { totalCount nodes { id reference receivedAt incidentTypes status identifiers { kind value } case { assignee { name } } } } }`;
const Q3 = `{ reports(perPage: 50) { nodes { reference receivedAt incidentDate incidentTypes policeSummary identifiers { kind value } consent { police } } } }`;

describe('SQL statements per request', () => {
  it('Q1, the case worker’s list with identifiers and assignees: at most 2 (the caller, the page)', async () => {
    const { n, sql } = await count(Q1, await server.tokenFor(Role.CASE_WORKER));
    if (n > 2) console.log(sql.join("\n---\n"));
    expect(n).toBeLessThanOrEqual(2);
  });

  it('Q2, the same with totalCount: at most 3', async () => {
    const { n } = await count(Q2, await server.tokenFor(Role.CASE_WORKER));
    expect(n).toBeLessThanOrEqual(3);
  });

  it('Q3, the police list with its access-log write: at most 3 (the caller, the page, one insert)', async () => {
    const { n, sql } = await count(Q3, await server.tokenFor('POLICE_AVON'));
    if (n > 3) console.log(sql.join("\n---\n"));
    expect(sql.filter((s) => /insert into "access_event"/.test(s))).toHaveLength(1);
    expect(n).toBeLessThanOrEqual(3);
  });
});
