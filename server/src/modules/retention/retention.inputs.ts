import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { ErasureStatus } from './erasure-request.entity';
import { LegalHoldTarget } from './legal-hold.entity';

const REASON = { message: 'must say why, in 3 to 2000 characters' };

@InputType()
export class PlaceLegalHoldInput {
  @Field(() => LegalHoldTarget)
  @IsEnum(LegalHoldTarget)
  target!: LegalHoldTarget;

  @Field(() => ID, { description: 'The member’s or the report’s id' })
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field(() => String, { description: 'Why (a court order, an investigation reference...). Do not write names.' })
  @IsString()
  @Length(3, 2000, REASON)
  reason!: string;
}

@ArgsType()
export class ReleaseLegalHoldArgs {
  @Field(() => ID, { description: 'The hold’s id' })
  @IsString()
  @MaxLength(100)
  id!: string;

  @Field(() => String, { description: 'Why it may end. Do not write names.' })
  @IsString()
  @Length(3, 2000, REASON)
  reason!: string;
}

@InputType()
export class LegalHoldFilter {
  @Field(() => LegalHoldTarget, { nullable: true })
  @IsOptional()
  @IsEnum(LegalHoldTarget)
  target?: LegalHoldTarget;

  @Field(() => Boolean, { nullable: true, description: 'In force (true, the default) or released (false)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true, description: 'Holds on this member or this report' })
  @IsOptional()
  entityId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class LegalHoldListArgs extends ListArgs {
  @Field(() => LegalHoldFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: LegalHoldFilter;
}

@InputType()
export class ErasureRequestFilter {
  @Field(() => ErasureStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ErasureStatus)
  status?: ErasureStatus;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class ErasureRequestListArgs extends ListArgs {
  @Field(() => ErasureRequestFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ErasureRequestFilter;
}
