import { Migration } from '@mikro-orm/migrations';

/**
 * Two-factor sign-in: TOTP secrets encrypted at rest (the old plain `totp_secret` column, never
 * set by any API, is dropped), a pending secret during enrolment, the last accepted step (no
 * replay), hashed single-use recovery codes, and an append-only audit trail of security changes.
 */
export class Migration20261129034555 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "totp_secret";`);
    this.addSql(`alter table "app_user" add column "totp_secret_encrypted" text null, add column "two_factor_enabled_at" timestamptz null, add column "totp_pending_encrypted" text null, add column "totp_pending_expires_at" timestamptz null, add column "totp_last_step" bigint null;`);
    this.addSql(`alter table "app_user" add constraint app_user_two_factor_has_secret check (("two_factor_enabled_at" is null) = ("totp_secret_encrypted" is null));`);

    this.addSql(`create table "recovery_code" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, constraint "recovery_code_pkey" primary key ("id"));`);
    this.addSql(`alter table "recovery_code" add constraint "recovery_code_user_id_code_hash_unique" unique ("user_id", "code_hash");`);
    this.addSql(`alter table "recovery_code" add constraint "recovery_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`create type "security_event_kind" as enum ('TWO_FACTOR_ENABLED', 'TWO_FACTOR_DISABLED', 'TWO_FACTOR_RESET', 'RECOVERY_CODES_REGENERATED', 'RECOVERY_CODE_USED');`);
    this.addSql(`create table "security_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "at" timestamptz not null, "kind" "security_event_kind" not null, "user_id" uuid not null, "actor_id" uuid not null, "actor_role" "role" not null, constraint "security_event_pkey" primary key ("id"));`);
    this.addSql(`create index "security_event_user_id_at_index" on "security_event" ("user_id", "at");`);
    this.addSql(`alter table "security_event" add constraint "security_event_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "security_event" add constraint "security_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`create trigger "security_event_append_only" before update or delete on "security_event" for each row execute function lantern_forbid_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "security_event" cascade;`);
    this.addSql(`drop type if exists "security_event_kind";`);
    this.addSql(`drop table if exists "recovery_code" cascade;`);
    this.addSql(`alter table "app_user" drop constraint if exists app_user_two_factor_has_secret;`);
    this.addSql(`alter table "app_user" drop column "totp_secret_encrypted", drop column "two_factor_enabled_at", drop column "totp_pending_encrypted", drop column "totp_pending_expires_at", drop column "totp_last_step";`);
    this.addSql(`alter table "app_user" add column "totp_secret" text null;`);
  }

}
