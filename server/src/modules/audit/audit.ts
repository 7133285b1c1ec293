import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import type { Role } from '../../policy/roles';
import type { User } from '../user/user.entity';
import type { AuditAction, AuditEntityType } from './audit-event.entity';

/** Who acted: an account, or a job (then no account). */
export interface AuditActor {
  userId: string | null;
  role: Role | null;
  job: string | null;
  runId: string | null;
}

export const RETENTION_JOB = 'retention';

export const jobActor = (runId: string): AuditActor => ({ userId: null, role: null, job: RETENTION_JOB, runId });
export const userActor = (user: Pick<User, 'id' | 'role'>, runId: string | null = null): AuditActor => ({ userId: user.id, role: user.role, job: null, runId });

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  /** The records acted on (one row each), or none for a count. */
  entityIds?: readonly string[];
  /** For a count of deleted or cleared rows (one row, no entity). */
  count?: number;
  schedule?: string | null;
  cutoff?: Date | null;
}

/**
 * Writes audit rows in the caller's transaction: one row per record acted on (a single INSERT ...
 * SELECT over an array of ids, however many), or one row with a count. Only ids, enums and dates:
 * never a name, an address or any text a person typed.
 */
export async function writeAudit(em: EntityManager, actor: AuditActor, entry: AuditEntry, at = new Date()): Promise<void> {
  const common = [at, at, at, entry.action, entry.entityType];
  const tail = [actor.userId, actor.role, actor.job, entry.schedule ?? null, entry.cutoff ?? null, actor.runId];
  if (entry.entityIds) {
    if (entry.entityIds.length === 0) return;
    await em.execute(
      `insert into audit_event (id, created_at, updated_at, at, action, entity_type, entity_id, count, actor_id, actor_role, job, schedule, cutoff, run_id)
       select gen_random_uuid(), ?, ?, ?, ?, ?, e.id, 1, ?, ?, ?, ?, ?, ? from unnest(?::uuid[]) as e(id)`,
      [...common, ...tail, uuidArray(entry.entityIds)],
    );
    return;
  }
  if (!entry.count) return;
  await em.execute(
    `insert into audit_event (id, created_at, updated_at, at, action, entity_type, entity_id, count, actor_id, actor_role, job, schedule, cutoff, run_id)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)`,
    [...common, entry.count, ...tail],
  );
}

/**
 * A PostgreSQL array literal of uuids, for `?::uuid[]` (a JavaScript array given as a query
 * parameter would be spread into a list of parameters). Every element must be a uuid.
 */
export function uuidArray(ids: readonly string[]): string {
  if (!ids.every(isUuid)) throw new Error('uuidArray: not a uuid');
  return `{${ids.join(',')}}`;
}
