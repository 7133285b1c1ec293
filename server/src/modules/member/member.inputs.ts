import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';
import { ContactRoute, WorkSetting } from './member.entity';

@InputType()
export class RegisterMemberInput {
  @Field(() => String, { description: 'For signing in; it can be an address used only for this' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters` })
  password!: string;

  @Field(() => String, { description: 'Any name you like to be called; not your legal name' })
  @IsString()
  @Length(1, 100, { message: 'must be between 1 and 100 characters' })
  pseudonym!: string;

  @Field(() => [ID], { description: 'The force areas you work in: you get alerts for these' })
  @ArrayMaxSize(46)
  alertAreaIds!: string[];

  @Field(() => WorkSetting)
  @IsEnum(WorkSetting)
  workSetting!: WorkSetting;

  @Field(() => String, { nullable: true, description: 'A safe phone number for the charity to reach you' })
  @IsOptional()
  @MaxLength(40)
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'A safe e-mail address for the charity to reach you' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  contactEmail?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  emailAlerts?: boolean;

  @Field(() => ContactRoute, { nullable: true, defaultValue: ContactRoute.VIA_CASE_WORKER })
  @IsOptional()
  @IsEnum(ContactRoute)
  policeContactRoute?: ContactRoute;
}

/** What a member may change about their own record; a field left out is kept as it is. */
@InputType()
export class UpdateMyMemberInput {
  @Field(() => [ID], { nullable: true, description: 'The force areas you get alerts for' })
  @IsOptional()
  @ArrayMaxSize(46)
  alertAreaIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether alerts for your areas are also e-mailed to you' })
  @IsOptional()
  @IsBoolean()
  emailAlerts?: boolean;

  @Field(() => ContactRoute, { nullable: true, description: 'How police may reach you, if you ever agree to it' })
  @IsOptional()
  @IsEnum(ContactRoute)
  policeContactRoute?: ContactRoute;

  @Field(() => String, { nullable: true, description: 'A safe phone number; empty removes it' })
  @IsOptional()
  @MaxLength(40)
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'A safe e-mail address; empty removes it' })
  @ValidateIf((o: UpdateMyMemberInput) => !!o.contactEmail?.trim())
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  contactEmail?: string | null;
}

@InputType()
export class MemberFilter {
  @Field(() => String, { nullable: true, description: 'Text in the pseudonym' })
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @Field(() => WorkSetting, { nullable: true })
  @IsOptional()
  @IsEnum(WorkSetting)
  workSetting?: WorkSetting;

  @Field(() => ID, { nullable: true, description: 'Members with this force among their alert areas' })
  @IsOptional()
  alertAreaId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class MemberListArgs extends ListArgs {
  @Field(() => String, { nullable: true, description: 'pseudonym or createdAt' })
  @IsOptional()
  @IsEnum({ pseudonym: 'pseudonym', createdAt: 'createdAt', id: 'id' }, { message: 'must be pseudonym, createdAt or id' })
  sortField?: 'pseudonym' | 'createdAt' | 'id';

  @Field(() => MemberFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: MemberFilter;
}
