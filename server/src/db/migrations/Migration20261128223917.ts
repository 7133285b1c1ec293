import { Migration } from '@mikro-orm/migrations';

export class Migration20261128223917 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "nation" as enum ('ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN_IRELAND', 'GREAT_BRITAIN');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'MANAGER', 'CASE_WORKER', 'POLICE_PARTNER', 'MEMBER');`);
    this.addSql(`create table "force" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(64) not null, "name" varchar(200) not null, "nation" "nation" not null, "region" varchar(100) not null, constraint "force_pkey" primary key ("id"));`);
    this.addSql(`alter table "force" add constraint "force_code_unique" unique ("code");`);
    this.addSql(`create index "force_name_index" on "force" ("name");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(320) not null, "name" varchar(200) not null, "role" "role" not null, "force_id" uuid null, "active" boolean not null default true, "deactivated_at" timestamptz null, "last_login_at" timestamptz null, "password_hash" text not null, "totp_secret" text null, "failed_login_count" int not null default 0, "locked_until" timestamptz null, "token_version" int not null default 0, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_role_index" on "app_user" ("role");`);
    this.addSql(`create index "app_user_force_id_index" on "app_user" ("force_id");`);
    // A police partner is always tied to one force; no one else is.
    this.addSql(`alter table "app_user" add constraint "app_user_force_matches_role" check (("role" = 'POLICE_PARTNER') = ("force_id" is not null));`);

    this.addSql(`alter table "app_user" add constraint "app_user_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_force_id_foreign";`);

    this.addSql(`drop table if exists "force" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop type "nation";`);
    this.addSql(`drop type "role";`);
  }

}
