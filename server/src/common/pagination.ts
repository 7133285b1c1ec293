import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
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
  /** A number, or (see findPage) a count that runs only when the client asks for `totalCount`. */
  totalCount: number | Promise<number>;
}

/**
 * One page of a list in one query (relations joined), and its total counted only if the client
 * selects `totalCount` (graphql-js calls a function-valued field): on a large table the count is
 * the expensive part, and most list requests do not ask for it. `totalCount` is a getter: reading it
 * (which GraphQL does only for a selected field) starts the count.
 */
export async function findPage<T extends object, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: FindOptions<T, P>,
): Promise<Page<T>> {
  const nodes = (await em.find(entity, where, options)) as T[];
  let total: Promise<number> | undefined;
  return {
    nodes,
    get totalCount() {
      return (total ??= em.count(entity, where));
    },
  };
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
