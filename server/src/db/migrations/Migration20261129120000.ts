import { Migration } from '@mikro-orm/migrations';

/**
 * Time-ordered ids (UUID version 7: 48 bits of Unix milliseconds, then random bits) for the
 * access log. A police page writes 50 access events; with random (version 4) ids each one went
 * into a random leaf of the primary key's index, which on a log of millions of rows costs more
 * than the rest of the insert (and a full-page image in the WAL for every leaf first touched after
 * a checkpoint). Time-ordered ids are appended at the right edge, as `at` is.
 *
 * PostgreSQL 18 has uuidv7(); this function also runs on 17 (docker-compose.yml). The bytes of a
 * random UUID get the millisecond timestamp in front and the version nibble 7 (bits 52 and 53 set
 * on top of version 4's 0100); the variant bits stay RFC 9562's.
 */
export class Migration20261129120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function lantern_uuid_v7() returns uuid language sql volatile parallel safe as $$
        select encode(
          set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                    from 1 for 6),
            52, 1), 53, 1),
          'hex')::uuid
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists lantern_uuid_v7();`);
  }
}
