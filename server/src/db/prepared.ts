import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Hot read statements as PostgreSQL prepared statements, with their values as parameters.
 *
 * `em.execute()` writes the values into the SQL text (MikroORM formats the query) and sends it as
 * a new statement every time, so PostgreSQL parses, analyses and plans it on every request: for
 * a report list that was more CPU than running it (bench/ANALYSIS.md). Here the text is fixed
 * and the values travel apart (`?` placeholders, as in `em.execute`); node-postgres parses each
 * named statement once per connection and afterwards only binds and executes it. Values never
 * become SQL text.
 *
 * Only a bounded number of distinct texts get a name (each costs a little memory in every pooled
 * connection); past that, statements run unnamed, with parameters all the same. The callers'
 * texts come from a fixed set of shapes (a few per query), never from values.
 *
 * Runs in the EntityManager's transaction when it has one. Errors are node-postgres' own (codes
 * intact, so db/availability.ts still tells an outage from a fault).
 */
interface Prepared {
  /** The text with PostgreSQL's `$1, $2...` for the callers' `?` placeholders. */
  text: string;
  name?: string;
}
const statements = new Map<string, Prepared>();
let named = 0;
export const MAX_PREPARED = 200;

/** What a pooled connection answers with (node-postgres' Client, as knex hands it out). */
interface PgConnection {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}
interface ConnectionSource {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

function prepare(sql: string): Prepared {
  let prepared = statements.get(sql);
  if (prepared) return prepared;
  // knex's rules for raw SQL with `?` bindings: a `?` after a backslash is a literal `?` (the
  // backslash is dropped); `??` (an identifier binding) is used by no caller, and is refused
  // rather than misread.
  if (sql.includes('??')) throw new Error('queryPrepared: `??` identifier bindings are not supported');
  let n = 0;
  const text = sql.replace(/(\\*)(\?)/g, (_match, escapes: string) => (escapes.length % 2 ? '?' : `$${++n}`));
  prepared = { text };
  if (named < MAX_PREPARED) {
    prepared.name = `lantern_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    named++;
  }
  // Texts past the bound are not kept either: they run unnamed and are converted again.
  if (prepared.name) statements.set(sql, prepared);
  return prepared;
}

export async function queryPrepared<T extends object = Record<string, unknown>>(em: EntityManager, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  const { text, name } = prepare(sql);
  // Straight to node-postgres on a connection from knex's pool (or the transaction's own
  // connection, which its client hands out and never releases): knex's query runner would only
  // rewrite the placeholders again and wrap the call, for a tenth of a millisecond per statement.
  const source = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()).client as unknown as ConnectionSource;
  const connection = await source.acquireConnection();
  try {
    const result = await connection.query(name ? { name, text, values: bindings } : { text, values: bindings });
    return result.rows as T[];
  } finally {
    await source.releaseConnection(connection);
  }
}

/** How many statement texts have a name (for tests). */
export function preparedCount(): number {
  return named;
}
