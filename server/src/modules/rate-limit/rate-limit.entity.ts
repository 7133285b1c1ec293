import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A fixed-window counter per key, kept in PostgreSQL so that limits hold across every server
 * process. Keys never hold personal data in clear: an e-mail or an address is a keyed hash.
 * Not part of the GraphQL schema.
 */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  hits!: number;
}
