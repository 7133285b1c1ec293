import { Migration } from '@mikro-orm/migrations';

export class Migration20261129005604 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "alert" add column "corrects_id" uuid null;`);
    this.addSql(`alter table "alert" add constraint "alert_corrects_id_foreign" foreign key ("corrects_id") references "alert" ("id") on update cascade on delete set null;`);

    this.addSql(`alter type "delivery_kind" add value if not exists 'CORRECTED' after 'WITHDRAWN';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "alert" drop constraint "alert_corrects_id_foreign";`);

    this.addSql(`alter table "alert" drop column "corrects_id";`);
  }

}
