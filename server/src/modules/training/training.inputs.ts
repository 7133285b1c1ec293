import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsFinancialYear } from '../../common/financial-year';
import { ListArgs } from '../../common/pagination';
import { InvitationStatus, TrainingFormat } from './training.entity';

@InputType()
export class TrainerInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'must be between 1 and 100 characters' })
  name!: string;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  expertByExperience: boolean = false;
}

@InputType()
export class TrainingSessionInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  date!: string;

  @Field(() => [ID], { description: 'The forces whose officers attended: at least one' })
  @ArrayMinSize(1, { message: 'must name at least one force' })
  @ArrayMaxSize(46)
  forceIds!: string[];

  @Field(() => TrainingFormat)
  @IsEnum(TrainingFormat)
  format!: TrainingFormat;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  programme!: string;

  @Field(() => [TrainerInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  trainers!: TrainerInput[];

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'cannot be negative' })
  @Max(100000)
  officersAttending!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType()
export class ThemeCountInput {
  @Field(() => String)
  @IsString()
  @Length(1, 100, { message: 'must be between 1 and 100 characters' })
  theme!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  count!: number;
}

@InputType()
export class TrainingFeedbackInput {
  @Field(() => Int, { description: 'How many attendees answered' })
  @IsInt()
  @Min(0, { message: 'cannot be negative' })
  responses!: number;

  @Field(() => Int, { description: 'How many intend to use the service: at most `responses`' })
  @IsInt()
  @Min(0, { message: 'cannot be negative' })
  intendToUse!: number;

  @Field(() => [ThemeCountInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  concernsBefore!: ThemeCountInput[];

  @Field(() => [ThemeCountInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  concernsAfter!: ThemeCountInput[];
}

@InputType()
export class TrainingSessionFilter {
  @Field(() => ID, { nullable: true, description: 'Sessions this force attended' })
  @IsOptional()
  forceId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFinancialYear()
  financialYear?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  programme?: string;

  @Field(() => TrainingFormat, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingFormat)
  format?: TrainingFormat;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

export enum TrainingSessionSortField {
  date = 'date',
  officersAttending = 'officersAttending',
  createdAt = 'createdAt',
}
registerEnumType(TrainingSessionSortField, { name: 'TrainingSessionSortField' });

@ArgsType()
export class TrainingSessionListArgs extends ListArgs {
  @Field(() => TrainingSessionSortField, { nullable: true, description: 'Default: date' })
  @IsOptional()
  @IsEnum(TrainingSessionSortField)
  sortField?: TrainingSessionSortField;

  @Field(() => TrainingSessionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: TrainingSessionFilter;
}

@InputType()
export class TrainingInvitationInput {
  @Field(() => ID)
  forceId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  programme!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  invitedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;
}

@ArgsType()
export class MoveTrainingInvitationArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => InvitationStatus)
  @IsEnum(InvitationStatus)
  status!: InvitationStatus;

  @Field(() => String, { description: 'When it happened (YYYY-MM-DD)' })
  on!: string;

  @Field(() => ID, { nullable: true, description: 'For DELIVERED: the session that delivered it (the force must have attended)' })
  @IsOptional()
  sessionId?: string | null;
}

@InputType()
export class TrainingInvitationFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  forceId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  programme?: string;

  @Field(() => InvitationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class TrainingInvitationListArgs extends ListArgs {
  @Field(() => TrainingInvitationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: TrainingInvitationFilter;
}
