import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { Role } from '../../policy/roles';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

export enum UserSortField {
  id = 'id',
  name = 'name',
  email = 'email',
  role = 'role',
  createdAt = 'createdAt',
  lastLoginAt = 'lastLoginAt',
}
registerEnumType(UserSortField, { name: 'UserSortField' });

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name or e-mail' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  forceId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserSortField, { nullable: true })
  @IsOptional()
  @IsEnum(UserSortField)
  sortField?: UserSortField;

  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: UserFilter;
}

const EMAIL_MESSAGE = 'must be an e-mail address';
const PASSWORD_MESSAGE = `must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`;

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name!: string;

  @Field(() => Role, { description: 'MEMBER accounts are created by member registration, not here' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => String, { description: `At least ${PASSWORD_MIN_LENGTH} characters` })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_MESSAGE })
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Required for POLICE_PARTNER, refused for anyone else' })
  @IsOptional()
  forceId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  forceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Set true to reactivate an account' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: PASSWORD_MESSAGE })
  password!: string;
}
