import { Migration } from '@mikro-orm/migrations';

/**
 * The access log keeps the ids it recorded without foreign keys. Every police read writes one
 * row per report, and each foreign key made PostgreSQL look up and KEY SHARE-lock the referenced
 * row for every one of them: the officer's account and force row 50 times per page, from every
 * concurrent request of that force (bench/ANALYSIS.md). The log is append-only and names what was
 * read as it was; no account, member or report is ever deleted (retention anonymises them), and
 * the ids written come from rows the same request has just read.
 */
export class Migration20261129070000 extends Migration {
  override async up(): Promise<void> {
    for (const column of ['actor_id', 'force_id', 'report_id', 'member_id']) {
      this.addSql(`alter table "access_event" drop constraint "access_event_${column}_foreign";`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "access_event" add constraint "access_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "access_event" add constraint "access_event_force_id_foreign" foreign key ("force_id") references "force" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "access_event" add constraint "access_event_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "access_event" add constraint "access_event_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);
  }
}
