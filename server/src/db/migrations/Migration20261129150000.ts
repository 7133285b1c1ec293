import { Migration } from '@mikro-orm/migrations';

/** The police consents that let a police partner read a report (POLICE_VISIBLE_CONSENT, written out). */
const VISIBLE = `('ANONYMOUS_INTELLIGENCE', 'FULL')`;

/**
 * `report.police_visible`: whether the report's consent lets police read it now, kept by triggers
 * in the transaction that changes the consent (so a withdrawal is in it at once), and a partial
 * index of those reports newest first. The police list walks that index instead of every report
 * newest first: at 100k reports, to find a page of 50 for one force it read about 570 reports, of
 * which about half could never be shown, and probed report_share for each (bench/ANALYSIS.md).
 *
 * The flag only narrows the walk. The police scope still checks the consent itself (policy/
 * scopes.ts), so a flag that were ever wrong could hide a report from police, never show one.
 * It cannot be set by hand: a BEFORE trigger computes it from the consent on every insert and on
 * every update that names it or the consent id.
 */
export class Migration20261129150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "report" add column "police_visible" boolean not null default false;`);
    this.addSql(`
      create function lantern_report_police_visible() returns trigger language plpgsql as $$
      begin
        new.police_visible := coalesce((select c.police in ${VISIBLE} from consent c where c.id = new.consent_id), false);
        return new;
      end $$;`);
    this.addSql(`create trigger "report_police_visible" before insert or update of "consent_id", "police_visible" on "report" for each row execute function lantern_report_police_visible();`);
    this.addSql(`
      create function lantern_consent_police_visible() returns trigger language plpgsql as $$
      begin
        update report r set police_visible = n.police in ${VISIBLE}
          from new_consents n join old_consents o on o.id = n.id
         where r.consent_id = n.id and o.police is distinct from n.police
           and r.police_visible is distinct from (n.police in ${VISIBLE});
        return null;
      end $$;`);
    this.addSql(`create trigger "consent_police_visible" after update on "consent" referencing old table as old_consents new table as new_consents for each statement execute function lantern_consent_police_visible();`);
    this.addSql(`update "report" r set "police_visible" = true from "consent" c where c.id = r.consent_id and c.police in ${VISIBLE};`);
    this.addSql(`create index "report_police_walk_index" on "report" ("received_at" desc, "id" desc) include ("force_area_id", "consent_id") where "police_visible";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "consent_police_visible" on "consent";`);
    this.addSql(`drop trigger if exists "report_police_visible" on "report";`);
    this.addSql(`drop function if exists lantern_consent_police_visible();`);
    this.addSql(`drop function if exists lantern_report_police_visible();`);
    this.addSql(`drop index if exists "report_police_walk_index";`);
    this.addSql(`alter table "report" drop column if exists "police_visible";`);
  }
}
