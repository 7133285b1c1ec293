import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context';
import { logger } from '../../common/logger';
import type { User } from '../user/user.entity';
import { AccessEvent, AccessKind } from './access-event.entity';

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
    const at = new Date();
    // One multi-row INSERT of plain rows, in autocommit: one statement however many records were
    // read, and no entity objects built for a write-only log.
    const rows = [...this.pending.values()].map((p) => ({
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      at,
      kind: p.kind,
      actor: viewer.id,
      actorRole: viewer.role,
      force: viewer.force?.id ?? null,
      report: p.reportId ?? null,
      member: p.memberId ?? null,
      fields: [...p.fields].sort(),
    }));
    await em.fork({ clear: true }).insertMany(AccessEvent, rows as never[]);
    this.pending.clear();
  }
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
