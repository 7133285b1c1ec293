/**
 * Tables the database derives from others by triggers (Migration20261129140000 and
 * Migration20261129141000): no entity maps them, the schema generator leaves them alone (so that
 * `migration:create` does not write their drop), and backups leave them out, since a restore's
 * COPY into the tables they are derived from fills them again.
 */
export const DERIVED_TABLES: readonly string[] = ['report_tally', 'report_year_tally', 'report_type_tally'];
