import { Migration } from '@mikro-orm/migrations';

/**
 * The members' identifier check in one statement: the per-account lock, the rolling day's count,
 * the matching alerts and the record of the check, where it took six round trips before. In a
 * VOLATILE PL/pgSQL function under READ COMMITTED every statement takes a fresh snapshot, so the
 * count after the lock sees every check committed while this one waited: a burst of parallel
 * checks still cannot slip past the limit. The lock ends with the statement's transaction.
 */
export class Migration20261129041000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`
      create function lantern_check_identifier(p_id uuid, p_user uuid, p_kind identifier_kind, p_value_hash varchar, p_shown jsonb, p_now timestamptz, p_limit int)
      returns table (allowed boolean, oldest timestamptz, alert_ids uuid[])
      language plpgsql volatile as $$
      declare
        v_used int;
        v_oldest timestamptz;
        v_ids uuid[];
      begin
        perform pg_advisory_xact_lock(hashtext('identifier-check:' || p_user::text));
        select count(*)::int, min(c.at) into v_used, v_oldest
          from identifier_check c where c.user_id = p_user and c.at > p_now - interval '1 day';
        if v_used >= p_limit then
          return query select false, v_oldest, null::uuid[];
          return;
        end if;
        -- jsonb containment on the GIN-indexed shown identifiers; only published, unexpired alerts.
        select coalesce(array_agg(a.id), '{}') into v_ids
          from alert a
         where a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > p_now) and a.shown_identifiers @> p_shown;
        insert into identifier_check (id, created_at, updated_at, user_id, at, kind, value_hash, matches)
        values (p_id, p_now, p_now, p_user, p_now, p_kind, p_value_hash, cardinality(v_ids));
        return query select true, v_oldest, v_ids;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function lantern_check_identifier(uuid, uuid, identifier_kind, varchar, jsonb, timestamptz, int);`);
  }

}
