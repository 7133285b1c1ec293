import { Migration } from '@mikro-orm/migrations';

export class Migration20261129004813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "delivery_kind" as enum ('PUBLISHED', 'WITHDRAWN');`);
    this.addSql(`create type "delivery_status" as enum ('PENDING', 'SENT', 'FAILED');`);
    this.addSql(`create table "alert_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "alert_id" uuid not null, "member_id" uuid not null, "kind" "delivery_kind" not null, "status" "delivery_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, "last_error" varchar(100) null, constraint "alert_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_delivery_alert_id_index" on "alert_delivery" ("alert_id");`);
    this.addSql(`create index "alert_delivery_status_next_attempt_at_index" on "alert_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "alert_delivery" add constraint "alert_delivery_alert_id_member_id_kind_unique" unique ("alert_id", "member_id", "kind");`);

    this.addSql(`alter table "alert_delivery" add constraint "alert_delivery_alert_id_foreign" foreign key ("alert_id") references "alert" ("id") on update cascade;`);
    this.addSql(`alter table "alert_delivery" add constraint "alert_delivery_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_delivery" cascade;`);

    this.addSql(`drop type "delivery_kind";`);
    this.addSql(`drop type "delivery_status";`);
  }

}
