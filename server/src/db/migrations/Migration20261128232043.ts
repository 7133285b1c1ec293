import { Migration } from '@mikro-orm/migrations';

export class Migration20261128232043 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "work_setting" as enum ('STREET', 'OFF_STREET_INDEPENDENT', 'AGENCY_PARLOUR', 'ONLINE', 'OTHER');`);
    this.addSql(`create type "contact_route" as enum ('VIA_CASE_WORKER', 'PHONE', 'EMAIL');`);
    this.addSql(`create type "police_consent" as enum ('NONE', 'ANONYMOUS_INTELLIGENCE', 'FULL');`);
    this.addSql(`create type "consent_method" as enum ('IN_PERSON', 'PHONE', 'EMAIL', 'SELF_SERVICE');`);
    this.addSql(`create type "channel" as enum ('WEB', 'PHONE', 'EMAIL', 'OUTREACH', 'THIRD_PARTY');`);
    this.addSql(`create type "report_status" as enum ('NEW', 'TRIAGED', 'CLOSED');`);
    this.addSql(`create type "identifier_kind" as enum ('PHONE', 'EMAIL', 'VEHICLE', 'HANDLE', 'NAME');`);
    this.addSql(`create type "case_status" as enum ('OPEN', 'ACTIVE', 'AWAITING_MEMBER', 'POLICE_LIAISON', 'CLOSED');`);
    this.addSql(`create type "support_kind" as enum ('SAFETY_PLANNING', 'EMOTIONAL_SUPPORT', 'HEALTH', 'HOUSING', 'LEGAL', 'ISVA_REFERRAL', 'REFERRAL', 'OTHER');`);
    this.addSql(`create type "support_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'DECLINED');`);
    this.addSql(`create type "access_kind" as enum ('POLICE_REPORT_READ', 'MEMBER_CONTACT_READ');`);
    this.addSql(`create table "report_sequence" ("year" int not null primary key, "last" int not null);`);

    this.addSql(`create table "member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pseudonym" varchar(100) not null, "user_id" uuid null, "work_setting" "work_setting" not null, "police_contact_route" "contact_route" not null default 'VIA_CASE_WORKER', "email_alerts" boolean not null default false, "contact_phone_encrypted" text null, "contact_email_encrypted" text null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`alter table "member" add constraint "member_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "member_alert_area" ("member_id" uuid not null, "force_id" uuid not null, constraint "member_alert_area_pkey" primary key ("member_id", "force_id"));`);

    this.addSql(`create table "consent" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "police" "police_consent" not null default 'NONE', "alerts" boolean not null default false, "statistics" boolean not null default true, "method" "consent_method" not null, "recorded_by_id" uuid null, "recorded_at" timestamptz not null, "withdrawn_at" timestamptz null, constraint "consent_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_police_index" on "consent" ("police");`);

    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(20) not null, "received_at" timestamptz not null, "channel" "channel" not null, "incident_date" date not null, "force_area_id" uuid not null, "incident_types" text[] not null, "location" text null, "narrative" text not null, "police_summary" text null, "perpetrator_description" text null, "status" "report_status" not null default 'NEW', "member_id" uuid null, "created_by_id" uuid null, "consent_id" uuid not null, constraint "report_pkey" primary key ("id"));`);
    this.addSql(`alter table "report" add constraint "report_reference_unique" unique ("reference");`);
    this.addSql(`create index "report_received_at_index" on "report" ("received_at");`);
    this.addSql(`create index "report_incident_date_index" on "report" ("incident_date");`);
    this.addSql(`create index "report_status_index" on "report" ("status");`);
    this.addSql(`create index "report_member_id_index" on "report" ("member_id");`);
    this.addSql(`alter table "report" add constraint "report_consent_id_unique" unique ("consent_id");`);
    this.addSql(`create index "report_force_area_id_received_at_index" on "report" ("force_area_id", "received_at");`);

    this.addSql(`create table "report_identifier" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "report_id" uuid not null, "kind" "identifier_kind" not null, "value" varchar(200) not null, constraint "report_identifier_pkey" primary key ("id"));`);
    this.addSql(`create index "report_identifier_report_id_index" on "report_identifier" ("report_id");`);
    this.addSql(`create index "report_identifier_kind_value_index" on "report_identifier" ("kind", "value");`);
    this.addSql(`alter table "report_identifier" add constraint "report_identifier_report_id_kind_value_unique" unique ("report_id", "kind", "value");`);

    this.addSql(`create table "consent_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "report_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_role" "role" not null, "method" "consent_method" not null, "previous_police" "police_consent" null, "previous_alerts" boolean null, "previous_statistics" boolean null, "police" "police_consent" not null, "alerts" boolean not null, "statistics" boolean not null, "note" text null, constraint "consent_event_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_event_report_id_index" on "consent_event" ("report_id");`);

    this.addSql(`create table "case_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "report_id" uuid not null, "assignee_id" uuid null, "status" "case_status" not null default 'OPEN', "outcome" text null, "opened_at" timestamptz not null, "closed_at" timestamptz null, constraint "case_file_pkey" primary key ("id"));`);
    this.addSql(`alter table "case_file" add constraint "case_file_report_id_unique" unique ("report_id");`);
    this.addSql(`create index "case_file_assignee_id_index" on "case_file" ("assignee_id");`);
    this.addSql(`create index "case_file_status_index" on "case_file" ("status");`);

    this.addSql(`create table "support_action" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_file_id" uuid not null, "kind" "support_kind" not null, "agency" varchar(200) null, "status" "support_status" not null default 'PLANNED', "note" text null, "created_by_id" uuid not null, constraint "support_action_pkey" primary key ("id"));`);
    this.addSql(`create index "support_action_case_file_id_index" on "support_action" ("case_file_id");`);

    this.addSql(`create table "police_contact" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_file_id" uuid not null, "contact_date" date not null, "force_id" uuid not null, "officer" varchar(200) null, "crime_reference" varchar(100) null, "summary" text not null, "recorded_by_id" uuid not null, constraint "police_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "police_contact_case_file_id_index" on "police_contact" ("case_file_id");`);

    this.addSql(`create table "case_note" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "case_file_id" uuid not null, "author_id" uuid not null, "body" text not null, constraint "case_note_pkey" primary key ("id"));`);
    this.addSql(`create index "case_note_case_file_id_index" on "case_note" ("case_file_id");`);

    this.addSql(`create table "access_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "at" timestamptz not null, "kind" "access_kind" not null, "actor_id" uuid not null, "actor_role" "role" not null, "force_id" uuid null, "report_id" uuid null, "member_id" uuid null, "fields" text[] not null, constraint "access_event_pkey" primary key ("id"));`);
    this.addSql(`create index "access_event_member_id_at_index" on "access_event" ("member_id", "at");`);
    this.addSql(`create index "access_event_report_id_at_index" on "access_event" ("report_id", "at");`);

    this.addSql(`alter table "member" add constraint "member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "member_alert_area" add constraint "member_alert_area_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "member_alert_area" add constraint "member_alert_area_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "consent" add constraint "consent_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "report" add constraint "report_force_area_id_foreign" foreign key ("force_area_id") references "force" ("id") on update cascade;`);
    this.addSql(`alter table "report" add constraint "report_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "report" add constraint "report_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "report" add constraint "report_consent_id_foreign" foreign key ("consent_id") references "consent" ("id") on update cascade;`);

    this.addSql(`alter table "report_identifier" add constraint "report_identifier_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "consent_event" add constraint "consent_event_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade;`);
    this.addSql(`alter table "consent_event" add constraint "consent_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_file" add constraint "case_file_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade;`);
    this.addSql(`alter table "case_file" add constraint "case_file_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "support_action" add constraint "support_action_case_file_id_foreign" foreign key ("case_file_id") references "case_file" ("id") on update cascade;`);
    this.addSql(`alter table "support_action" add constraint "support_action_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "police_contact" add constraint "police_contact_case_file_id_foreign" foreign key ("case_file_id") references "case_file" ("id") on update cascade;`);
    this.addSql(`alter table "police_contact" add constraint "police_contact_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade;`);
    this.addSql(`alter table "police_contact" add constraint "police_contact_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "case_note" add constraint "case_note_case_file_id_foreign" foreign key ("case_file_id") references "case_file" ("id") on update cascade;`);
    this.addSql(`alter table "case_note" add constraint "case_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "access_event" add constraint "access_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "access_event" add constraint "access_event_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "access_event" add constraint "access_event_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "access_event" add constraint "access_event_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);

    // Append-only tables: no UPDATE or DELETE, whatever path tries it.
    this.addSql(`create function lantern_forbid_change() returns trigger language plpgsql as $$ begin raise exception '% is append-only', TG_TABLE_NAME using errcode = 'insufficient_privilege'; end $$;`);
    for (const table of ['consent_event', 'case_note', 'access_event']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function lantern_forbid_change();`);
    }
    // Reports by incident type (array containment) and identifiers by value.
    this.addSql(`create index "report_incident_types_gin" on "report" using gin ("incident_types");`);
    this.addSql(`alter table "report" add constraint "report_incident_types_not_empty" check (cardinality("incident_types") > 0);`);
  }

  override async down(): Promise<void> {
    for (const table of ['consent_event', 'case_note', 'access_event']) this.addSql(`drop trigger if exists "${table}_append_only" on "${table}";`);
    this.addSql(`drop function if exists lantern_forbid_change();`);
    this.addSql(`alter table "member_alert_area" drop constraint "member_alert_area_member_id_foreign";`);

    this.addSql(`alter table "report" drop constraint "report_member_id_foreign";`);

    this.addSql(`alter table "access_event" drop constraint "access_event_member_id_foreign";`);

    this.addSql(`alter table "report" drop constraint "report_consent_id_foreign";`);

    this.addSql(`alter table "report_identifier" drop constraint "report_identifier_report_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_report_id_foreign";`);

    this.addSql(`alter table "case_file" drop constraint "case_file_report_id_foreign";`);

    this.addSql(`alter table "access_event" drop constraint "access_event_report_id_foreign";`);

    this.addSql(`alter table "support_action" drop constraint "support_action_case_file_id_foreign";`);

    this.addSql(`alter table "police_contact" drop constraint "police_contact_case_file_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_case_file_id_foreign";`);

    this.addSql(`drop table if exists "report_sequence" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "member_alert_area" cascade;`);

    this.addSql(`drop table if exists "consent" cascade;`);

    this.addSql(`drop table if exists "report" cascade;`);

    this.addSql(`drop table if exists "report_identifier" cascade;`);

    this.addSql(`drop table if exists "consent_event" cascade;`);

    this.addSql(`drop table if exists "case_file" cascade;`);

    this.addSql(`drop table if exists "support_action" cascade;`);

    this.addSql(`drop table if exists "police_contact" cascade;`);

    this.addSql(`drop table if exists "case_note" cascade;`);

    this.addSql(`drop table if exists "access_event" cascade;`);

    this.addSql(`alter table "app_user" add constraint app_user_force_matches_role check((role = 'POLICE_PARTNER'::role) = (force_id IS NOT NULL));`);

    this.addSql(`drop type "work_setting";`);
    this.addSql(`drop type "contact_route";`);
    this.addSql(`drop type "police_consent";`);
    this.addSql(`drop type "consent_method";`);
    this.addSql(`drop type "channel";`);
    this.addSql(`drop type "report_status";`);
    this.addSql(`drop type "identifier_kind";`);
    this.addSql(`drop type "case_status";`);
    this.addSql(`drop type "support_kind";`);
    this.addSql(`drop type "support_status";`);
    this.addSql(`drop type "access_kind";`);
  }

}
