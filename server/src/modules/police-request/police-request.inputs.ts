import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { IdentifierKind } from '../identifier/identifier.kind';
import { PoliceRequestKind, PoliceRequestStatus } from './police-request.entity';

@InputType()
export class CreatePoliceRequestInput {
  @Field(() => PoliceRequestKind)
  @IsEnum(PoliceRequestKind)
  kind!: PoliceRequestKind;

  @Field(() => String, { description: 'What you ask, in your words' })
  @IsString()
  @Length(1, 5000, { message: 'must be between 1 and 5000 characters' })
  question!: string;

  @Field(() => IdentifierKind, { nullable: true, description: 'For IDENTIFIER_INTELLIGENCE' })
  @IsOptional()
  @IsEnum(IdentifierKind)
  identifierKind?: IdentifierKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  identifierValue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  crimeReference?: string | null;
}

@InputType()
export class PoliceRequestFilter {
  @Field(() => PoliceRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PoliceRequestStatus)
  status?: PoliceRequestStatus;

  @Field(() => PoliceRequestKind, { nullable: true })
  @IsOptional()
  @IsEnum(PoliceRequestKind)
  kind?: PoliceRequestKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class PoliceRequestListArgs extends ListArgs {
  @Field(() => PoliceRequestFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PoliceRequestFilter;
}

@ArgsType()
export class AnswerPoliceRequestArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The reply the officer reads' })
  @IsString()
  @Length(1, 10000, { message: 'must be between 1 and 10000 characters' })
  reply!: string;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Reports to attach: each must be visible to the requesting force under its current consent' })
  @IsOptional()
  @ArrayMaxSize(100)
  reportIds?: string[];
}
