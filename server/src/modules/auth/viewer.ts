import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared } from '../../db/prepared';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';

/**
 * The signed-in account of a request, with its force and the id of its member record: one
 * statement and a merge into the request's EntityManager, the same managed entities as
 * `em.findOne(User, id, { populate: ['force', 'member'] })` gives, without building that query
 * on every request (which cost more CPU than the rest of a small request). Lazy properties (the
 * password hash, two-factor secrets) are never read.
 */
export async function loadViewer(em: EntityManager, id: string): Promise<User | null> {
  const sql = (statement ??= viewerStatement(em));
  const [row] = await queryPrepared(em, sql, [id]);
  if (!row) return null;
  const user: Record<string, unknown> = {};
  const force: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('u.')) user[key.slice(2)] = value;
    else if (key.startsWith('f.')) force[key.slice(2)] = value;
  }
  user.force = force.id ? force : null;
  user.member = row.member_id ?? null;
  return em.getEntityFactory().create(User, user as never, { merge: true, refresh: true, newEntity: false, initialized: true });
}

let statement: string | undefined;

/** Every column the entity loads eagerly, as `alias."column" as "prefix.property"`. */
function columns(meta: EntityMetadata, alias: string): string[] {
  return meta.props
    .filter((p) => !p.lazy && p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.fieldNames?.length === 1)
    .map((p) => `${alias}."${p.fieldNames[0]}" as "${alias}.${p.name}"`);
}

function viewerStatement(em: EntityManager): string {
  const metadata = em.getMetadata();
  const user = columns(metadata.get(User.name), 'u').filter((c) => !c.endsWith('"u.force"'));
  const force = columns(metadata.get(Force.name), 'f');
  return `select ${[...user, ...force].join(', ')}, m.id as member_id
            from app_user u
            left join force f on f.id = u.force_id
            left join member m on m.user_id = u.id
           where u.id = ?`;
}
