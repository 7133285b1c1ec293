import { Migration } from '@mikro-orm/migrations';

/**
 * Retention (modules/retention): legal holds on members and reports, anonymisation and erasure
 * markers, archived alerts, the append-only audit trail and erasure requests. The append-only
 * triggers of case notes, consent events and access events let the retention job (and only it,
 * inside its own transaction, with `lantern.retention` set) blank a case note, remove a consent
 * event's note and member actor, and delete access events more than a year old; nothing else
 * changes them.
 */
export class Migration20261129034813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "audit_action" as enum ('CONTACT_ANONYMISED', 'REPORT_ANONYMISED', 'ALERT_ARCHIVED', 'ACCESS_EVENTS_DELETED', 'IDENTIFIER_CHECKS_DELETED', 'RATE_LIMIT_BUCKETS_DELETED', 'IDEMPOTENCY_KEYS_CLEARED', 'MEMBER_ERASED', 'ERASURE_DEFERRED', 'LEGAL_HOLD_PLACED', 'LEGAL_HOLD_RELEASED');`);
    this.addSql(`create type "audit_entity_type" as enum ('MEMBER', 'REPORT', 'ALERT', 'ACCESS_EVENT', 'IDENTIFIER_CHECK', 'RATE_LIMIT_BUCKET');`);
    this.addSql(`create type "erasure_status" as enum ('PENDING', 'COMPLETED');`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "at" timestamptz not null, "action" "audit_action" not null, "entity_type" "audit_entity_type" not null, "entity_id" uuid null, "count" int not null default 1, "actor_id" uuid null, "actor_role" "role" null, "job" varchar(50) null, "schedule" varchar(100) null, "cutoff" timestamptz null, "run_id" uuid null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "erasure_request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "member_id" uuid not null, "requested_by_id" uuid not null, "requested_by_role" "role" not null, "status" "erasure_status" not null default 'PENDING', "completed_at" timestamptz null, constraint "erasure_request_pkey" primary key ("id"));`);
    this.addSql(`create index "erasure_request_member_id_index" on "erasure_request" ("member_id");`);
    this.addSql(`create unique index "erasure_request_pending_member_unique" on "erasure_request" ("member_id") where "status" = 'PENDING';`);
    this.addSql(`alter table "erasure_request" add constraint "erasure_request_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
    this.addSql(`alter table "erasure_request" add constraint "erasure_request_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`create type "legal_hold_target" as enum ('MEMBER', 'REPORT');`);
    this.addSql(`create table "legal_hold" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "target" "legal_hold_target" not null, "member_id" uuid null, "report_id" uuid null, "reason" text not null, "placed_by_id" uuid not null, "placed_at" timestamptz not null, "released_at" timestamptz null, "released_by_id" uuid null, "release_reason" text null, constraint "legal_hold_pkey" primary key ("id"), constraint legal_hold_one_target check (("target" = 'MEMBER' and "member_id" is not null and "report_id" is null) or ("target" = 'REPORT' and "report_id" is not null and "member_id" is null)));`);
    this.addSql(`create unique index "legal_hold_active_member_unique" on "legal_hold" ("member_id") where "released_at" is null and "member_id" is not null;`);
    this.addSql(`create unique index "legal_hold_active_report_unique" on "legal_hold" ("report_id") where "released_at" is null and "report_id" is not null;`);
    this.addSql(`alter table "legal_hold" add constraint "legal_hold_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "legal_hold" add constraint "legal_hold_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "legal_hold" add constraint "legal_hold_placed_by_id_foreign" foreign key ("placed_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "legal_hold" add constraint "legal_hold_released_by_id_foreign" foreign key ("released_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "member" add column "contact_anonymised_at" timestamptz null, add column "erased_at" timestamptz null;`);
    this.addSql(`alter table "report" add column "anonymised_at" timestamptz null;`);

    this.addSql(`alter table "alert" add column "archived_at" timestamptz null;`);

    this.addSql(`create index "access_event_at_index" on "access_event" ("at");`);

    // The audit trail: no UPDATE, DELETE or TRUNCATE, whatever path tries it.
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event" for each row execute function lantern_forbid_change();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function lantern_forbid_change();`);

    // Append-only, except what the retention job may do inside its own transaction.
    this.addSql(`create function lantern_case_note_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and current_setting('lantern.retention', true) = 'on' and new.body = '[anonymised]'
           and (to_jsonb(new) - 'body' - 'updated_at') = (to_jsonb(old) - 'body' - 'updated_at') then
          return new;
        end if;
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create function lantern_consent_event_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and current_setting('lantern.retention', true) = 'on'
           and (new.note is null or new.note = old.note) and (new.actor_id is null or new.actor_id = old.actor_id)
           and (to_jsonb(new) - 'note' - 'actor_id' - 'updated_at') = (to_jsonb(old) - 'note' - 'actor_id' - 'updated_at') then
          return new;
        end if;
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create function lantern_access_event_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('lantern.retention', true) = 'on' and old.at < now() - interval '1 year' then
          return old;
        end if;
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$;`);
    for (const table of ['case_note', 'consent_event', 'access_event']) {
      this.addSql(`drop trigger "${table}_append_only" on "${table}";`);
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function lantern_${table}_guard();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function lantern_forbid_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['case_note', 'consent_event', 'access_event']) {
      this.addSql(`drop trigger if exists "${table}_no_truncate" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_append_only" on "${table}";`);
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function lantern_forbid_change();`);
      this.addSql(`drop function if exists lantern_${table}_guard();`);
    }
    this.addSql(`drop index if exists "access_event_at_index";`);
    this.addSql(`alter table "alert" drop column "archived_at";`);
    this.addSql(`alter table "report" drop column "anonymised_at";`);
    this.addSql(`alter table "member" drop column "contact_anonymised_at", drop column "erased_at";`);
    this.addSql(`drop table if exists "legal_hold" cascade;`);
    this.addSql(`drop type "legal_hold_target";`);
    this.addSql(`drop table if exists "erasure_request" cascade;`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop type "erasure_status";`);
    this.addSql(`drop type "audit_entity_type";`);
    this.addSql(`drop type "audit_action";`);
  }

}
