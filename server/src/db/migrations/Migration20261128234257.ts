import { Migration } from '@mikro-orm/migrations';

export class Migration20261128234257 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "police_request_kind" as enum ('IDENTIFIER_INTELLIGENCE', 'INCIDENT_INTELLIGENCE', 'ALERT');`);
    this.addSql(`create type "police_request_status" as enum ('OPEN', 'WITH_MEMBER', 'ANSWERED', 'DECLINED');`);
    this.addSql(`create table "police_request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "force_id" uuid not null, "requested_by_id" uuid not null, "kind" "police_request_kind" not null, "question" text not null, "identifier_kind" "identifier_kind" null, "identifier_value" varchar(200) null, "crime_reference" varchar(100) null, "status" "police_request_status" not null default 'OPEN', "reply" text null, "answered_by_id" uuid null, "answered_at" timestamptz null, constraint "police_request_pkey" primary key ("id"));`);
    this.addSql(`create index "police_request_force_id_index" on "police_request" ("force_id");`);
    this.addSql(`create index "police_request_status_index" on "police_request" ("status");`);

    this.addSql(`create table "report_share" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "report_id" uuid not null, "force_id" uuid not null, "shared_by_id" uuid not null, "shared_at" timestamptz not null, constraint "report_share_pkey" primary key ("id"));`);
    this.addSql(`create index "report_share_force_id_index" on "report_share" ("force_id");`);
    this.addSql(`alter table "report_share" add constraint "report_share_report_id_force_id_unique" unique ("report_id", "force_id");`);

    this.addSql(`create table "police_request_report" ("police_request_id" uuid not null, "report_id" uuid not null, constraint "police_request_report_pkey" primary key ("police_request_id", "report_id"));`);

    this.addSql(`alter table "police_request" add constraint "police_request_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade;`);
    this.addSql(`alter table "police_request" add constraint "police_request_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "police_request" add constraint "police_request_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "report_share" add constraint "report_share_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_share" add constraint "report_share_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade;`);
    this.addSql(`alter table "report_share" add constraint "report_share_shared_by_id_foreign" foreign key ("shared_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "police_request_report" add constraint "police_request_report_police_request_id_foreign" foreign key ("police_request_id") references "police_request" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "police_request_report" add constraint "police_request_report_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "police_request_report" drop constraint "police_request_report_police_request_id_foreign";`);

    this.addSql(`drop table if exists "police_request" cascade;`);

    this.addSql(`drop table if exists "report_share" cascade;`);

    this.addSql(`drop table if exists "police_request_report" cascade;`);


    this.addSql(`drop type "police_request_kind";`);
    this.addSql(`drop type "police_request_status";`);
  }

}
