import { Migration } from '@mikro-orm/migrations';

export class Migration20261129030712 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "report" add column "idempotency_key" varchar(100) null;`);
    this.addSql(`alter table "report" add constraint "report_created_by_id_idempotency_key_unique" unique ("created_by_id", "idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "report" drop constraint "report_created_by_id_idempotency_key_unique";`);
    this.addSql(`alter table "report" drop column "idempotency_key";`);
  }

}
