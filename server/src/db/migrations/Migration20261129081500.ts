import { Migration } from '@mikro-orm/migrations';

/**
 * The case workers' list (force area and status, newest first) reads its page straight from this
 * index, and its totalCount is an index-only scan. Before it, the page scanned the received_at
 * index backwards and filtered, and the count visited every matching row (bench/ANALYSIS.md).
 */
export class Migration20261129081500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "report_force_status_received_index" on "report" ("force_area_id", "status", "received_at" desc, "id" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "report_force_status_received_index";`);
  }
}
