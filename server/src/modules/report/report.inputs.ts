import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { ConsentMethod, PoliceConsent } from '../consent/consent.enums';
import { IdentifierKind } from '../identifier/identifier.kind';
import { Channel, IncidentType, ReportStatus } from './report.enums';

export const NARRATIVE_MAX_LENGTH = 20_000;
export const TEXT_MAX_LENGTH = 5_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class IdentifierInput {
  @Field(() => IdentifierKind)
  @IsEnum(IdentifierKind)
  kind!: IdentifierKind;

  @Field(() => String, { description: 'As given; it is normalised on the way in' })
  @IsString()
  @MaxLength(200)
  value!: string;
}

@InputType()
export class ConsentInput {
  @Field(() => PoliceConsent, { defaultValue: PoliceConsent.NONE })
  @IsEnum(PoliceConsent)
  police: PoliceConsent = PoliceConsent.NONE;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  alerts: boolean = false;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  statistics?: boolean;

  @Field(() => ConsentMethod, { nullable: true, description: 'How it was given; by default from the channel' })
  @IsOptional()
  @IsEnum(ConsentMethod)
  method?: ConsentMethod;
}

/** The fields a member may give about their own report. */
@InputType()
export class SubmitReportInput {
  @Field(() => String, {
    nullable: true,
    description: 'A key the client makes for this report (e.g. a UUID) and sends again on a retry: the same key returns the report already made, never a second one',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'must be 8 to 100 letters, digits, - or _' })
  idempotencyKey?: string | null;

  @Field(() => ID)
  forceAreaId!: string;

  @Field(() => String, { description: 'The day it happened, YYYY-MM-DD; not in the future' })
  @Matches(DATE, { message: 'must be a date like 2026-05-31' })
  incidentDate!: string;

  @Field(() => [IncidentType])
  @ArrayMinSize(1, { message: 'must name at least one incident type' })
  @ArrayMaxSize(10)
  @IsEnum(IncidentType, { each: true })
  incidentTypes!: IncidentType[];

  @Field(() => String)
  @IsString()
  @MaxLength(NARRATIVE_MAX_LENGTH, { message: `must be at most ${NARRATIVE_MAX_LENGTH} characters` })
  narrative!: string;

  @Field(() => String, { nullable: true, description: 'Where it happened; stays with the charity' })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'What they looked like, how they behaved' })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  perpetratorDescription?: string | null;

  @Field(() => [IdentifierInput], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  identifiers?: IdentifierInput[];

  @Field(() => ConsentInput)
  @ValidateNested()
  consent!: ConsentInput;
}

/** A case worker's intake: everything a member gives, plus the staff-only fields. */
@InputType()
export class CreateReportInput extends SubmitReportInput {
  @Field(() => Channel)
  @IsEnum(Channel)
  channel!: Channel;

  @Field(() => Date, { nullable: true, description: 'When the charity received it; by default now' })
  @IsOptional()
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The redacted text police may read, with consent' })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  policeSummary?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member who reported, when known' })
  @IsOptional()
  memberId?: string | null;
}

@InputType()
export class UpdateReportInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  forceAreaId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-05-31' })
  incidentDate?: string;

  @Field(() => [IncidentType], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one incident type' })
  @IsEnum(IncidentType, { each: true })
  incidentTypes?: IncidentType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NARRATIVE_MAX_LENGTH, { message: `must be at most ${NARRATIVE_MAX_LENGTH} characters` })
  narrative?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  policeSummary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TEXT_MAX_LENGTH)
  perpetratorDescription?: string | null;

  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus)
  status?: ReportStatus;

  @Field(() => [IdentifierInput], { nullable: true, description: 'Replaces the identifiers' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  identifiers?: IdentifierInput[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  memberId?: string | null;
}

export enum ReportSortField {
  id = 'id',
  reference = 'reference',
  receivedAt = 'receivedAt',
  incidentDate = 'incidentDate',
  status = 'status',
}
registerEnumType(ReportSortField, { name: 'ReportSortField' });

@InputType()
export class ReportFilter {
  @Field(() => String, { nullable: true, description: 'Text in the reference' })
  @IsOptional()
  @MaxLength(40)
  q?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  forceAreaId?: string;

  @Field(() => IncidentType, { nullable: true })
  @IsOptional()
  @IsEnum(IncidentType)
  incidentType?: IncidentType;

  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus)
  status?: ReportStatus;

  @Field(() => PoliceConsent, { nullable: true })
  @IsOptional()
  @IsEnum(PoliceConsent)
  policeConsent?: PoliceConsent;

  @Field(() => Boolean, { nullable: true, description: 'Only reports whose member agreed (or not) to alerts' })
  @IsOptional()
  @IsBoolean()
  alertsConsent?: boolean;

  @Field(() => String, { nullable: true, description: 'Incident on or after (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-05-31' })
  incidentFrom?: string;

  @Field(() => String, { nullable: true, description: 'Incident on or before (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-05-31' })
  incidentTo?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  receivedFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  receivedTo?: Date;

  @Field(() => IdentifierKind, { nullable: true, description: 'With identifierValue' })
  @IsOptional()
  @IsEnum(IdentifierKind)
  identifierKind?: IdentifierKind;

  @Field(() => String, { nullable: true, description: 'A perpetrator identifier, normalised like on the way in' })
  @IsOptional()
  @MaxLength(200)
  identifierValue?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  memberId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class ReportListArgs extends ListArgs {
  @Field(() => ReportSortField, { nullable: true })
  @IsOptional()
  @IsEnum(ReportSortField)
  sortField?: ReportSortField;

  @Field(() => ReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ReportFilter;

  @Field(() => String, {
    nullable: true,
    description: 'Keyset pagination: the `endCursor` of the previous page (newest-first order only; `page` is then ignored)',
  })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class SetConsentArgs {
  @Field(() => ID)
  reportId!: string;

  @Field(() => PoliceConsent)
  @IsEnum(PoliceConsent)
  police!: PoliceConsent;

  @Field(() => Boolean)
  @IsBoolean()
  alerts!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Unchanged when not given' })
  @IsOptional()
  @IsBoolean()
  statistics?: boolean;

  @Field(() => ConsentMethod, { nullable: true, description: 'Staff: how the member gave it (default PHONE). Members: always SELF_SERVICE' })
  @IsOptional()
  @IsEnum(ConsentMethod)
  method?: ConsentMethod;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
