import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';

export enum Nation {
  ENGLAND = 'ENGLAND',
  WALES = 'WALES',
  SCOTLAND = 'SCOTLAND',
  NORTHERN_IRELAND = 'NORTHERN_IRELAND',
  /** British Transport Police works across England, Wales and Scotland. */
  GREAT_BRITAIN = 'GREAT_BRITAIN',
}
registerEnumType(Nation, { name: 'Nation' });

/** A UK police force. Reports, alerts and police accounts hang on forces. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A UK police force' })
@Entity()
export class Force extends BaseEntity {
  /** A stable short key, e.g. `kent`, `avon-and-somerset`. */
  @Field(() => String, { description: 'Stable short key, e.g. "kent"' })
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  @Index()
  name!: string;

  @Field(() => Nation)
  @Enum({ items: () => Nation, nativeEnumName: 'nation' })
  nation!: Nation;

  @Field(() => String, { description: 'e.g. "South East", "North West"; the nation itself outside England' })
  @Property({ type: 'string', length: 100 })
  region!: string;
}
