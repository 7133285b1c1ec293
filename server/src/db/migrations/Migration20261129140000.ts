import { Migration } from '@mikro-orm/migrations';

/**
 * How many reports there are per force area and status, kept exact by triggers on `report`, so
 * that a staff list's `totalCount` filtered by nothing, a force area, a status or both is a sum of
 * a few rows instead of a count of every matching report (63,000 index entries for one force and
 * status at 1M reports; the whole table for the unfiltered list react-admin opens on).
 *
 * The triggers are statement-level, over the statement's transition tables: a statement that
 * writes many reports (a restore's COPY, the retention sweep) changes each (force area, status)
 * once, in key order, so two such statements lock the counts in the same order. A count row is
 * locked from the statement that changes it until the transaction ends, which queues reports
 * filed at the same moment for the same force area and status behind one another; reports are
 * filed by people, so that queue is short. TRUNCATE empties the counts with the reports.
 *
 * `lantern_rebuild_report_tally()` counts everything again, for loads that bypass triggers
 * (session_replication_role = replica, as the benchmark's generator does).
 * Backups leave the table out (backup.ts): a restore's COPY into `report` refills it.
 */
export class Migration20261129140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "report_tally" (
        "force_area_id" uuid not null,
        "status" "report_status" not null,
        "reports" bigint not null,
        constraint "report_tally_pkey" primary key ("force_area_id", "status")
      );`);
    // One function for the three triggers: the statement's reports counted per (force area,
    // status), in key order, added (inserted), subtracted (deleted) or both (updated).
    this.addSql(`
      create function lantern_report_tally() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into report_tally as t (force_area_id, status, reports)
          select force_area_id, status, count(*) from new_reports group by 1, 2 order by 1, 2
          on conflict (force_area_id, status) do update set reports = t.reports + excluded.reports;
        elsif tg_op = 'DELETE' then
          insert into report_tally as t (force_area_id, status, reports)
          select force_area_id, status, -count(*) from old_reports group by 1, 2 order by 1, 2
          on conflict (force_area_id, status) do update set reports = t.reports + excluded.reports;
        elsif tg_op = 'UPDATE' then
          insert into report_tally as t (force_area_id, status, reports)
          select force_area_id, status, sum(n) from (
            select force_area_id, status, 1 as n from new_reports
            union all
            select force_area_id, status, -1 as n from old_reports
          ) c group by 1, 2 having sum(n) <> 0 order by 1, 2
          on conflict (force_area_id, status) do update set reports = t.reports + excluded.reports;
        else
          delete from report_tally;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create function lantern_rebuild_report_tally() returns void language sql as $$
        delete from report_tally;
        insert into report_tally (force_area_id, status, reports)
        select force_area_id, status, count(*) from report group by 1, 2 order by 1, 2;
      $$;`);
    this.addSql(`create trigger "report_tally_insert" after insert on "report" referencing new table as new_reports for each statement execute function lantern_report_tally();`);
    this.addSql(`create trigger "report_tally_update" after update on "report" referencing old table as old_reports new table as new_reports for each statement execute function lantern_report_tally();`);
    this.addSql(`create trigger "report_tally_delete" after delete on "report" referencing old table as old_reports for each statement execute function lantern_report_tally();`);
    this.addSql(`create trigger "report_tally_truncate" after truncate on "report" for each statement execute function lantern_report_tally();`);
    this.addSql(`select lantern_rebuild_report_tally();`);
  }

  override async down(): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists "report_tally_${t}" on "report";`);
    this.addSql(`drop function if exists lantern_report_tally();`);
    this.addSql(`drop function if exists lantern_rebuild_report_tally();`);
    this.addSql(`drop table if exists "report_tally";`);
  }
}
