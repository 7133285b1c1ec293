import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createApp, type App } from '../../src/app';
import type { Config } from '../../src/config';
import { logger } from '../../src/common/logger';
import { openOrm } from '../../src/db/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/db/seeders/demo.seeder';
import { Role } from '../../src/policy/roles';
import { testDatabaseInfo } from '../setup/test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  url: string;
  /** The server's own database. */
  dbUrl: string;
  orm: MikroORM;
  config: Config;
  /** POSTs a GraphQL operation over real HTTP. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Signs in through the API and returns the token. */
  login(email: string, password?: string): Promise<string>;
  /** A token for the demo account of that role (cached for the file). */
  tokenFor(role: Role | 'POLICE_KENT' | 'POLICE_AVON'): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    nodeEnv: 'test',
    isProduction: false,
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    jwtSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32),
    demo: true,
    dashboardDir: '/nonexistent',
    tokenTtlSeconds: 3600,
    subgraph: false,
    mailFrom: 'Lantern alerts <alerts@lantern.test>',
    statementTimeoutMs: 15_000,
    corsOrigins: [],
    trustProxy: [],
    retention: { contactMonths: 24, reportMonths: 72, accessEventYears: 6, alertArchiveDays: 30, operationalDays: 30, cron: '30 3 * * *' },
    twoFactorRequiredRoles: [],
    ...overrides,
  };
}

/** A database of its own for one test file, cloned from the migrated and seeded template. */
export async function createTestDatabase(): Promise<string> {
  const info = testDatabaseInfo();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: info.urlPattern.replace('__DB__', 'postgres') });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${info.template}"`);
        break;
      } catch (err) {
        // Two workers cloning the same template at the same instant: try again shortly.
        if (attempt >= 10 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return info.urlPattern.replace('__DB__', name);
}

const ROLE_ACCOUNTS: Record<string, string> = {
  [Role.ADMIN]: 'admin@example.org',
  [Role.MANAGER]: 'manager@example.org',
  [Role.CASE_WORKER]: 'caseworker@example.org',
  [Role.POLICE_PARTNER]: 'police.kent@example.org',
  POLICE_KENT: 'police.kent@example.org',
  POLICE_AVON: 'police.avon@example.org',
  [Role.MEMBER]: 'member@example.org',
};

/** The real application on a real port, over its own real PostgreSQL database. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  logger.silence();
  const dbUrl = await createTestDatabase();
  const config = testConfig(overrides);
  const orm = await openOrm(dbUrl, { statementTimeoutMs: config.statementTimeoutMs });
  const app: App = createApp({ orm, config });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const tokens = new Map<string, string>();

  const gql: TestServer['gql'] = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<any>;
    return { ...body, status: res.status };
  };

  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await gql<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    if (!res.data?.login) throw new Error(`login failed for a test account: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  };

  return {
    url,
    dbUrl,
    orm,
    config,
    gql,
    login,
    async tokenFor(role) {
      const email = ROLE_ACCOUNTS[role];
      if (!tokens.has(email)) tokens.set(email, await login(email));
      return tokens.get(email)!;
    },
    async close() {
      await app.stop();
      await orm.close(true);
    },
  };
}

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** The error codes of a response, in order. */
export const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);
