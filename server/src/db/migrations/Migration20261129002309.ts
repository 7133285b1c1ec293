import { Migration } from '@mikro-orm/migrations';

export class Migration20261129002309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "alert_status" as enum ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'WITHDRAWN', 'EXPIRED');`);
    this.addSql(`create table "identifier_check" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "at" timestamptz not null, "kind" "identifier_kind" not null, "value_hash" varchar(64) not null, "matches" int not null, constraint "identifier_check_pkey" primary key ("id"));`);
    this.addSql(`create index "identifier_check_user_id_at_index" on "identifier_check" ("user_id", "at");`);

    this.addSql(`create table "alert" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(200) not null, "body" text not null, "status" "alert_status" not null default 'DRAFT', "incident_types" text[] not null, "shown_identifiers" jsonb not null, "on_behalf_of_id" uuid null, "police_request_id" uuid null, "author_id" uuid not null, "approver_id" uuid null, "approved_at" timestamptz null, "published_at" timestamptz null, "expires_at" timestamptz null, "withdrawn_at" timestamptz null, "withdrawal_reason" text null, "overrides" jsonb not null default '[]', constraint "alert_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_shown_identifiers_gin" on "alert" using gin ("shown_identifiers" jsonb_path_ops);`);
    this.addSql(`create index "alert_status_published_at_index" on "alert" ("status", "published_at");`);

    this.addSql(`create table "alert_target_area" ("alert_id" uuid not null, "force_id" uuid not null, constraint "alert_target_area_pkey" primary key ("alert_id", "force_id"));`);

    this.addSql(`create table "alert_source_report" ("alert_id" uuid not null, "report_id" uuid not null, constraint "alert_source_report_pkey" primary key ("alert_id", "report_id"));`);

    this.addSql(`alter table "identifier_check" add constraint "identifier_check_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "alert" add constraint "alert_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "force" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alert" add constraint "alert_police_request_id_foreign" foreign key ("police_request_id") references "police_request" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "alert" add constraint "alert_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "alert" add constraint "alert_approver_id_foreign" foreign key ("approver_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "alert_target_area" add constraint "alert_target_area_alert_id_foreign" foreign key ("alert_id") references "alert" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "alert_target_area" add constraint "alert_target_area_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "alert_source_report" add constraint "alert_source_report_alert_id_foreign" foreign key ("alert_id") references "alert" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "alert_source_report" add constraint "alert_source_report_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "alert_target_area" drop constraint "alert_target_area_alert_id_foreign";`);

    this.addSql(`alter table "alert_source_report" drop constraint "alert_source_report_alert_id_foreign";`);

    this.addSql(`drop table if exists "identifier_check" cascade;`);

    this.addSql(`drop table if exists "alert" cascade;`);

    this.addSql(`drop table if exists "alert_target_area" cascade;`);

    this.addSql(`drop table if exists "alert_source_report" cascade;`);

    this.addSql(`drop type "alert_status";`);
  }

}
