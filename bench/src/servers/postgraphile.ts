/**
 * PostGraphile v4 in library mode over Lantern's tables (schema public) plus the few objects in
 * schema bench_pgl that let it express the police predicate and masking, the financial-year
 * aggregates and the identifier check (see ../sql.ts). No authorization of its own: a generous
 * baseline. Environment: DATABASE_URL, PORT, POOL_MAX (default 10, like Lantern's).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });

// postgraphile brings its own @types/pg: the pool is the same class at run time.
const handler = postgraphile(pool as unknown as Parameters<typeof postgraphile>[0], ['public', 'bench_pgl'], {
  graphqlRoute: '/graphql',
  graphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: true,
  watchPg: false,
  retryOnInitFail: false,
  enableQueryBatching: false,
  legacyRelations: 'omit',
  extendedErrors: [],
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    pool.query('select 1').then(
      () => res.writeHead(200).end('ok'),
      () => res.writeHead(503).end('no database'),
    );
    return;
  }
  handler(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`postgraphile listening on ${process.env.PORT}\n`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
