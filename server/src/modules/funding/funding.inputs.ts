import { IsEnum, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsFinancialYear } from '../../common/financial-year';
import { ListArgs } from '../../common/pagination';
import { FunderKind, FundingPurpose, MAX_AMOUNT_PENCE } from './funding.entity';

@InputType()
export class FunderInput {
  @Field(() => String, { nullable: true, description: 'Required unless forceId is given (then the force’s name is used)' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name?: string | null;

  @Field(() => FunderKind)
  @IsEnum(FunderKind)
  kind!: FunderKind;

  @Field(() => ID, { nullable: true, description: 'For POLICE_FORCE funders: which force' })
  @IsOptional()
  forceId?: string | null;
}

@InputType()
export class FundingRecordInput {
  @Field(() => ID)
  funderId!: string;

  @Field(() => String, { description: 'e.g. 2020/21' })
  @IsFinancialYear()
  financialYear!: string;

  @Field(() => GraphQLSafeInt, { description: 'In pence: a whole, positive number' })
  @IsInt({ message: 'must be a whole number of pence' })
  @Min(1, { message: 'must be more than zero' })
  @Max(MAX_AMOUNT_PENCE, { message: `must be at most ${MAX_AMOUNT_PENCE} pence` })
  amountPence!: number;

  @Field(() => FundingPurpose)
  @IsEnum(FundingPurpose)
  purpose!: FundingPurpose;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  receivedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  agreementReference?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType()
export class FundingFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  funderId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFinancialYear()
  financialYear?: string;

  @Field(() => FundingPurpose, { nullable: true })
  @IsOptional()
  @IsEnum(FundingPurpose)
  purpose?: FundingPurpose;

  @Field(() => FunderKind, { nullable: true })
  @IsOptional()
  @IsEnum(FunderKind)
  funderKind?: FunderKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

export enum FundingSortField {
  financialYear = 'financialYear',
  amountPence = 'amountPence',
  receivedOn = 'receivedOn',
  createdAt = 'createdAt',
}
registerEnumType(FundingSortField, { name: 'FundingSortField' });

@ArgsType()
export class FundingRecordListArgs extends ListArgs {
  @Field(() => FundingSortField, { nullable: true, description: 'Default: financialYear' })
  @IsOptional()
  @IsEnum(FundingSortField)
  sortField?: FundingSortField;

  @Field(() => FundingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: FundingFilter;
}

@InputType()
export class FunderFilter {
  @Field(() => FunderKind, { nullable: true })
  @IsOptional()
  @IsEnum(FunderKind)
  kind?: FunderKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class FunderListArgs extends ListArgs {
  @Field(() => FunderFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: FunderFilter;
}
