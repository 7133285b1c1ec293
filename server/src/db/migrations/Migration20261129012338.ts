import { Migration } from '@mikro-orm/migrations';
import { FINANCIAL_YEAR_SQL_FUNCTION } from '../../common/financial-year';

/** Funding, training and impact: funders, funding records, training sessions, feedback, invitations. */

export class Migration20261129012338 extends Migration {

  override async up(): Promise<void> {
    // The financial year of a date, so that the impact figures group by year in SQL.
    this.addSql(FINANCIAL_YEAR_SQL_FUNCTION);
    this.addSql(`create type "funder_kind" as enum ('POLICE_FORCE', 'CHARITY', 'TRUST_OR_FOUNDATION', 'PUBLIC_BODY', 'COMPANY', 'OTHER');`);
    this.addSql(`create type "training_format" as enum ('IN_PERSON', 'ONLINE', 'HYBRID');`);
    this.addSql(`create type "invitation_status" as enum ('INVITED', 'ACCEPTED', 'DECLINED', 'DELIVERED');`);
    this.addSql(`create type "funding_purpose" as enum ('CORE_REPORTING_AND_ALERTING', 'CASE_WORK', 'TRAINING', 'OTHER');`);
    this.addSql(`create table "funder" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "kind" "funder_kind" not null, "force_id" uuid null, constraint "funder_pkey" primary key ("id"), constraint funder_force_matches_kind check ((kind = 'POLICE_FORCE') = (force_id is not null)));`);
    this.addSql(`alter table "funder" add constraint "funder_name_unique" unique ("name");`);
    this.addSql(`alter table "funder" add constraint "funder_force_id_unique" unique ("force_id");`);

    this.addSql(`create table "training_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "date" date not null, "format" "training_format" not null, "location" varchar(200) null, "programme" varchar(200) not null, "trainers" jsonb not null default '[]', "officers_attending" int not null, "notes" text null, "recorded_by_id" uuid null, constraint "training_session_pkey" primary key ("id"), constraint training_session_officers_not_negative check (officers_attending >= 0));`);
    this.addSql(`create index "training_session_date_index" on "training_session" ("date");`);
    this.addSql(`create index "training_session_programme_index" on "training_session" ("programme");`);

    this.addSql(`create table "training_invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "force_id" uuid not null, "programme" varchar(200) not null, "status" "invitation_status" not null default 'INVITED', "invited_on" date not null, "accepted_on" date null, "declined_on" date null, "delivered_on" date null, "session_id" uuid null, "notes" text null, constraint "training_invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "training_invitation_force_id_index" on "training_invitation" ("force_id");`);
    this.addSql(`alter table "training_invitation" add constraint "training_invitation_force_id_programme_unique" unique ("force_id", "programme");`);

    this.addSql(`create table "training_feedback" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "session_id" uuid not null, "responses" int not null, "intend_to_use" int not null, "concerns_before" jsonb not null default '[]', "concerns_after" jsonb not null default '[]', constraint "training_feedback_pkey" primary key ("id"), constraint training_feedback_counts check (responses >= 0 and intend_to_use >= 0 and intend_to_use <= responses));`);
    this.addSql(`alter table "training_feedback" add constraint "training_feedback_session_id_unique" unique ("session_id");`);

    this.addSql(`create table "training_session_force" ("training_session_id" uuid not null, "force_id" uuid not null, constraint "training_session_force_pkey" primary key ("training_session_id", "force_id"));`);

    this.addSql(`create table "funding_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "funder_id" uuid not null, "financial_year" varchar(7) not null, "amount_pence" int not null, "purpose" "funding_purpose" not null, "received_on" date null, "agreement_reference" varchar(100) null, "notes" text null, "recorded_by_id" uuid null, constraint "funding_record_pkey" primary key ("id"), constraint funding_record_financial_year_shape check (financial_year ~ '^[0-9]{4}/[0-9]{2}\$'), constraint funding_record_amount_positive check (amount_pence > 0));`);
    this.addSql(`create index "funding_record_funder_id_index" on "funding_record" ("funder_id");`);
    this.addSql(`create index "funding_record_financial_year_funder_id_index" on "funding_record" ("financial_year", "funder_id");`);

    this.addSql(`alter table "funder" add constraint "funder_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_session" add constraint "training_session_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_invitation" add constraint "training_invitation_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade;`);
    this.addSql(`alter table "training_invitation" add constraint "training_invitation_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_feedback" add constraint "training_feedback_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "training_session_force" add constraint "training_session_force_training_session_id_foreign" foreign key ("training_session_id") references "training_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_session_force" add constraint "training_session_force_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "funding_record" add constraint "funding_record_funder_id_foreign" foreign key ("funder_id") references "funder" ("id") on update cascade;`);
    this.addSql(`alter table "funding_record" add constraint "funding_record_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding_record" drop constraint "funding_record_funder_id_foreign";`);

    this.addSql(`alter table "training_invitation" drop constraint "training_invitation_session_id_foreign";`);

    this.addSql(`alter table "training_feedback" drop constraint "training_feedback_session_id_foreign";`);

    this.addSql(`alter table "training_session_force" drop constraint "training_session_force_training_session_id_foreign";`);

    this.addSql(`drop table if exists "funder" cascade;`);

    this.addSql(`drop table if exists "training_session" cascade;`);

    this.addSql(`drop table if exists "training_invitation" cascade;`);

    this.addSql(`drop table if exists "training_feedback" cascade;`);

    this.addSql(`drop table if exists "training_session_force" cascade;`);

    this.addSql(`drop table if exists "funding_record" cascade;`);

    this.addSql(`drop type "funder_kind";`);
    this.addSql(`drop type "training_format";`);
    this.addSql(`drop type "invitation_status";`);
    this.addSql(`drop type "funding_purpose";`);
    this.addSql('drop function if exists lantern_financial_year(date);');
  }

}
