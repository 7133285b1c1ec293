import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { CaseStatus, SupportKind, SupportStatus } from './case.enums';

export enum CaseSortField {
  id = 'id',
  openedAt = 'openedAt',
  status = 'status',
  updatedAt = 'updatedAt',
}
registerEnumType(CaseSortField, { name: 'CaseSortField' });

@InputType()
export class CaseFilter {
  @Field(() => CaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only cases assigned to the caller' })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  assigneeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  reportId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Open (not CLOSED) cases only' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class CaseListArgs extends ListArgs {
  @Field(() => CaseSortField, { nullable: true })
  @IsOptional()
  @IsEnum(CaseSortField)
  sortField?: CaseSortField;

  @Field(() => CaseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CaseFilter;
}

@InputType()
export class SupportActionInput {
  @Field(() => SupportKind)
  @IsEnum(SupportKind)
  kind!: SupportKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  agency?: string | null;

  @Field(() => SupportStatus, { nullable: true, defaultValue: SupportStatus.PLANNED })
  @IsOptional()
  @IsEnum(SupportStatus)
  status?: SupportStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType()
export class PoliceContactInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2026-05-31' })
  contactDate!: string;

  @Field(() => ID)
  forceId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  officer?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  crimeReference?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 5000, { message: 'must be between 1 and 5000 characters' })
  summary!: string;
}

@ArgsType()
export class ChangeCaseStatusArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => CaseStatus)
  @IsEnum(CaseStatus)
  status!: CaseStatus;

  @Field(() => String, { nullable: true, description: 'Required when closing' })
  @IsOptional()
  @MaxLength(5000)
  outcome?: string | null;
}

@ArgsType()
export class AddCaseNoteArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 20000, { message: 'must be between 1 and 20000 characters' })
  body!: string;
}
