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
const names = new Map<string, string>();
export const MAX_PREPARED = 200;

export async function queryPrepared<T extends object = Record<string, unknown>>(em: EntityManager, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `lantern_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    names.set(sql, name);
  }
  const query = em.getKnex().raw(sql, bindings as Knex.RawBinding[]);
  if (name) query.options({ name });
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx);
  const result = (await query) as unknown as { rows: T[] };
  return result.rows;
}

/** How many statement texts have a name (for tests). */
export function preparedCount(): number {
  return names.size;
}
