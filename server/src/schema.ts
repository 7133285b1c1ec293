import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AuthResolver } from './modules/auth/auth.resolver';
import { ForceResolver } from './modules/force/force.resolver';
import { UserResolver } from './modules/user/user.resolver';

export const resolvers = [AuthResolver, UserResolver, ForceResolver] as const;

let cached: GraphQLSchema | undefined;

/** The GraphQL schema before the policy is applied; also what schema/schema.graphql holds. */
export function buildLanternSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** Sorted, so that the committed file does not depend on the order decorators ran in. */
export function printLanternSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildLanternSchema()))}\n`;
}
