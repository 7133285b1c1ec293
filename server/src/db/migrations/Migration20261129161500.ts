import { Migration } from '@mikro-orm/migrations';

/**
 * Two more kinds of security event: a staff or police account's holder ending every session
 * (signOutEverywhere), and an administrator resetting an account's password.
 */
export class Migration20261129161500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "security_event_kind" add value if not exists 'SESSIONS_REVOKED';`);
    this.addSql(`alter type "security_event_kind" add value if not exists 'PASSWORD_RESET';`);
  }

  override async down(): Promise<void> {
    // PostgreSQL cannot drop a value from an enum type, and the trail is append-only: rows of
    // these kinds stay, as does the type's wider set of values.
  }

}
