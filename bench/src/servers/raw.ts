/**
 * The raw-SQL server: node http + a pg pool, one statement per request, the JSON answer built by
 * PostgreSQL (json_agg) and written out as it comes. No GraphQL, no authorization, no access log:
 * the limit of what a server over this schema can do. POST { op: "Q1".."Q6", vars } -> { data }.
 * Environment: DATABASE_URL, PORT, POOL_MAX (default 10, like Lantern's).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { RAW_SQL } from '../sql';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
type Op = keyof typeof RAW_SQL;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    pool.query('select 1').then(
      () => res.writeHead(200).end('ok'),
      () => res.writeHead(503).end('no database'),
    );
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let op: Op;
    let vars: Record<string, unknown>;
    try {
      ({ op, vars } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { op: Op; vars: Record<string, unknown> });
      if (!RAW_SQL[op]) throw new Error('unknown op');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"bad request"}]}');
      return;
    }
    const { text, params } = RAW_SQL[op];
    pool
      .query<{ json: string }>(text, params.map((p) => vars[p]))
      .then((result) => {
        const json = result.rows[0].json;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"data":${json}}`);
      })
      .catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: err.message }] }));
      });
  });
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`raw listening on ${process.env.PORT}\n`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
