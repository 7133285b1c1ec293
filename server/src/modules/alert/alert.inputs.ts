import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { IdentifierKind } from '../identifier/identifier.kind';
import { IncidentType } from '../report/report.enums';
import { AlertStatus } from './alert.entity';

@InputType()
export class ShownIdentifierInput {
  @Field(() => IdentifierKind)
  @IsEnum(IdentifierKind)
  kind!: IdentifierKind;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  value!: string;
}

@InputType()
export class AlertInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  title!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 5000, { message: 'must be between 1 and 5000 characters' })
  body!: string;

  @Field(() => [ID], { description: 'Force areas to warn: at least one' })
  @ArrayMaxSize(46)
  targetAreaIds!: string[];

  @Field(() => [IncidentType])
  @ArrayMaxSize(10)
  @IsEnum(IncidentType, { each: true })
  incidentTypes!: IncidentType[];

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Each must have alerts consent' })
  @IsOptional()
  @ArrayMaxSize(50)
  sourceReportIds?: string[];

  @Field(() => [ShownIdentifierInput], { nullable: true, defaultValue: [], description: 'Only identifiers of the source reports' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  shownIdentifiers?: ShownIdentifierInput[];

  @Field(() => Date, { nullable: true, description: 'By default 90 days after publication' })
  @IsOptional()
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'A police request asking for this alert' })
  @IsOptional()
  policeRequestId?: string | null;
}

@InputType()
export class OverrideInput {
  @Field(() => String, { description: 'The finding’s code' })
  @IsString()
  @MaxLength(300)
  code!: string;

  @Field(() => String, { description: 'Why it is safe to keep' })
  @IsString()
  @Length(3, 2000, { message: 'must say why, in at least 3 characters' })
  reason!: string;
}

@InputType()
export class AlertFilter {
  @Field(() => AlertStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AlertStatus)
  status?: AlertStatus;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Staff: archived alerts only (true); by default they are not listed' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

@ArgsType()
export class AlertListArgs extends ListArgs {
  @Field(() => AlertFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AlertFilter;
}
