import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context';
import { logger } from '../../common/logger';
import type { User } from '../user/user.entity';
import { queryPrepared } from '../../db/prepared';
import { AccessKind } from './access-event.entity';

interface Pending {
  kind: AccessKind;
  reportId: string | null;
  memberId: string | null;
  fields: Set<string>;
}

/** What was read: a report (police reads) or a member's record (staff reading contact details). */
export type AccessTarget = { reportId: string; memberId?: never } | { memberId: string; reportId?: never };

/**
 * Collects the sensitive reads of one request (which record, which fields) and writes them as
 * AccessEvents in one insert when the response is about to be sent, whatever happened, errors
 * included. If the log cannot be written, the response is replaced by an error: nothing is read
 * without its record.
 */
export class AccessLog {
  /** By kind, then by the record's id: `record` runs for every field of every row of a list. */
  private readonly pending = new Map<AccessKind, Map<string, Pending>>();
  private count = 0;

  record(kind: AccessKind, target: AccessTarget, field: string): void {
    let byId = this.pending.get(kind);
    if (!byId) this.pending.set(kind, (byId = new Map()));
    const id = target.reportId ?? target.memberId;
    let entry = byId.get(id);
    if (!entry) {
      entry = { kind, reportId: target.reportId ?? null, memberId: target.memberId ?? null, fields: new Set() };
      byId.set(id, entry);
      this.count++;
    }
    entry.fields.add(field);
  }

  get size(): number {
    return this.count;
  }

  async flush(em: EntityManager, viewer: User): Promise<void> {
    if (this.count === 0) return;
    // One prepared INSERT, in autocommit: one statement however many records were read, and no
    // entity objects built for a write-only log. The rows travel as one JSON parameter, grouped
    // by kind, kind of record (t: r for reports, m for members) and set of fields (a page of
    // reports is usually one group): PostgreSQL converts each group's fields to an array once,
    // not once per row.
    const groups = new Map<string, { k: AccessKind; t: 'r' | 'm'; f: string[]; i: string[] }>();
    for (const byId of this.pending.values()) {
      for (const p of byId.values()) {
        // Keyed by the fields in the order they were read (the same for every row of a list), so
        // they are sorted once per group, not once per record.
        const t = p.reportId ? 'r' : 'm';
        const key = `${p.kind} ${t} ${[...p.fields].join(',')}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { k: p.kind, t, f: [...p.fields].sort(), i: [] }));
        group.i.push((p.reportId ?? p.memberId)!);
      }
    }
    await queryPrepared(em, INSERT, [new Date(), viewer.id, viewer.role, viewer.force?.id ?? null, JSON.stringify([...groups.values()])]);
    this.pending.clear();
    this.count = 0;
  }
}

/**
 * One row per record read: each id of a group, as a report's or a member's. The events' own ids
 * are time-ordered (Migration20261129120000), so the log's primary key grows at one end.
 */
const INSERT = `
  insert into access_event (id, created_at, updated_at, at, kind, actor_id, actor_role, force_id, report_id, member_id, fields)
  select lantern_uuid_v7(), t.now, t.now, t.now, g.k::access_kind, t.actor, t.role::role, t.force,
         case when g.t = 'r' then x.id end, case when g.t = 'm' then x.id end, g.f
    from (select ?::timestamptz as now, ?::uuid as actor, ?::text as role, ?::uuid as force) t,
         json_to_recordset(?::json) as g(k text, t text, f text[], i uuid[]),
         unnest(g.i) as x(id)`;

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
