import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context';
import { logger } from '../../common/logger';
import type { User } from '../user/user.entity';
import { queryPrepared } from '../../db/prepared';
import { AccessKind } from './access-event.entity';

interface Pending {
  kind: AccessKind;
  reportId?: string;
  memberId?: string;
  fields: Set<string>;
}

/**
 * Collects the sensitive reads of one request (which record, which fields) and writes them as
 * AccessEvents in one insert when the response is about to be sent, whatever happened, errors
 * included. If the log cannot be written, the response is replaced by an error: nothing is read
 * without its record.
 */
export class AccessLog {
  private readonly pending = new Map<string, Pending>();

  record(kind: AccessKind, target: { reportId?: string; memberId?: string }, field: string): void {
    const key = `${kind}|${target.reportId ?? ''}|${target.memberId ?? ''}`;
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { kind, ...target, fields: new Set() };
      this.pending.set(key, entry);
    }
    entry.fields.add(field);
  }

  get size(): number {
    return this.pending.size;
  }

  async flush(em: EntityManager, viewer: User): Promise<void> {
    if (this.pending.size === 0) return;
    // One prepared INSERT of plain rows, in autocommit: one statement however many records were
    // read (the rows travel as arrays), and no entity objects built for a write-only log.
    const pending = [...this.pending.values()];
    await queryPrepared(em, INSERT, [
      new Date(),
      viewer.id,
      viewer.role,
      viewer.force?.id ?? null,
      pending.map((p) => p.kind),
      pending.map((p) => p.reportId ?? null),
      pending.map((p) => p.memberId ?? null),
      pending.map((p) => textArray([...p.fields].sort())),
    ]);
    this.pending.clear();
  }
}

const INSERT = `
  insert into access_event (id, created_at, updated_at, at, kind, actor_id, actor_role, force_id, report_id, member_id, fields)
  select gen_random_uuid(), t.now, t.now, t.now, e.kind::access_kind, t.actor, t.role::role, t.force, e.report_id, e.member_id, e.fields::text[]
    from (select ?::timestamptz as now, ?::uuid as actor, ?::text as role, ?::uuid as force) t,
         unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[]) as e(kind, report_id, member_id, fields)`;

/** A PostgreSQL array literal of strings (each quoted), for a text[] inside a text[] parameter. */
function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export const accessLogPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { accessLog, viewer, em } = contextValue;
        if (!accessLog || accessLog.size === 0 || !viewer) return;
        try {
          await accessLog.flush(em, viewer);
        } catch (err) {
          logger.error('access log write failed', { error: err instanceof Error ? err.name : 'Error', requestId: contextValue.requestId });
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
            };
          }
          response.http.status = 500;
        }
      },
    };
  },
};
