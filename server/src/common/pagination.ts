import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export const MAX_PER_PAGE = 100;

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/** react-admin's list parameters; each list adds its own sortField enum and filter input. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1, description: 'Page number, from 1' })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25, description: `Rows per page, at most ${MAX_PER_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;

  @Field(() => SortOrder, { nullable: true })
  @IsOptional()
  sortOrder?: SortOrder;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
}

/** `{ nodes, totalCount }` for one node type, named `<Type>List`. */
export function PageOf<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class PageClass implements Page<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => Int)
    totalCount!: number;
  }
  return PageClass;
}

export function offsetOf(args: ListArgs): { limit: number; offset: number } {
  return { limit: args.perPage, offset: (args.page - 1) * args.perPage };
}
