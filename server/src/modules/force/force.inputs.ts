import { IsEnum, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListArgs } from '../../common/pagination';
import { Nation } from './force.entity';

export enum ForceSortField {
  id = 'id',
  name = 'name',
  nation = 'nation',
  region = 'region',
}
registerEnumType(ForceSortField, { name: 'ForceSortField' });

@InputType()
export class ForceFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name or region' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => Nation, { nullable: true })
  @IsOptional()
  @IsEnum(Nation)
  nation?: Nation;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];
}

@ArgsType()
export class ForceListArgs extends ListArgs {
  @Field(() => ForceSortField, { nullable: true })
  @IsOptional()
  @IsEnum(ForceSortField)
  sortField?: ForceSortField;

  @Field(() => ForceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ForceFilter;
}
