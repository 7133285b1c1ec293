import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';

export enum FunderKind {
  POLICE_FORCE = 'POLICE_FORCE',
  CHARITY = 'CHARITY',
  TRUST_OR_FOUNDATION = 'TRUST_OR_FOUNDATION',
  PUBLIC_BODY = 'PUBLIC_BODY',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}
registerEnumType(FunderKind, { name: 'FunderKind', description: 'What kind of body a funder is' });

export enum FundingPurpose {
  CORE_REPORTING_AND_ALERTING = 'CORE_REPORTING_AND_ALERTING',
  CASE_WORK = 'CASE_WORK',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(FundingPurpose, { name: 'FundingPurpose', description: 'What a grant pays for' });

/** The largest single amount accepted (£20M), well inside PostgreSQL's integer. */
export const MAX_AMOUNT_PENCE = 2_000_000_000;

/** A body that funds the charity: a police force (linked to it), or a charity, trust, public body... */
@ObjectType({ description: 'A police force or another body that funds the charity' })
@Entity()
@Check({ name: 'funder_force_matches_kind', expression: "(kind = 'POLICE_FORCE') = (force_id is not null)" })
export class Funder extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  @Unique()
  name!: string;

  @Field(() => FunderKind)
  @Enum({ items: () => FunderKind, nativeEnumName: 'funder_kind' })
  kind!: FunderKind;

  @Field(() => Force, { nullable: true, description: 'The force, when the funder is one' })
  @ManyToOne({ entity: () => Force, nullable: true, unique: true })
  force?: Force | null;
}

/** Money received (or agreed) from a funder for one financial year and purpose. */
@ObjectType({ description: 'A grant or payment from a funder' })
@Entity()
@Index({ properties: ['financialYear', 'funder'] })
@Check({ name: 'funding_record_amount_positive', expression: 'amount_pence > 0' })
@Check({ name: 'funding_record_financial_year_shape', expression: "financial_year ~ '^[0-9]{4}/[0-9]{2}$'" })
export class FundingRecord extends BaseEntity {
  @Field(() => Funder)
  @ManyToOne({ entity: () => Funder, index: true })
  funder!: Funder;

  @Field(() => String, { description: 'The UK financial year, e.g. 2020/21' })
  @Property({ type: 'string', length: 7 })
  financialYear!: string;

  @Field(() => GraphQLSafeInt, { description: 'In pence (GBP)' })
  @Property({ type: 'integer' })
  amountPence!: number;

  @Field(() => FundingPurpose)
  @Enum({ items: () => FundingPurpose, nativeEnumName: 'funding_purpose' })
  purpose!: FundingPurpose;

  @Field(() => String, { nullable: true, description: 'The day it was received (YYYY-MM-DD)' })
  @Property({ type: 'date', nullable: true })
  receivedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The grant agreement or purchase order reference' })
  @Property({ type: 'string', length: 100, nullable: true })
  agreementReference?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne({ entity: () => User, nullable: true })
  recordedBy?: User | null;
}
