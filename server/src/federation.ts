import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { requireViewer, type Context } from './common/context';
import { ForceService } from './modules/force/force.service';
import { PoliceRequestService } from './modules/police-request/police-request.service';
import { ReportService } from './modules/report/report.service';
import { UserService } from './modules/user/user.service';
import { buildLanternSchema } from './schema';

const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** The subgraph SDL: our schema with its `@key` directives, linked to Federation 2. */
export function printLanternSubgraphSdl(): string {
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(buildLanternSchema())}`;
}

type Ref = { id: string };

/**
 * The same API as an Apollo Federation 2 subgraph (LANTERN_SUBGRAPH=1). Entities are resolved by
 * the same services as `report(id)` and friends, so `_entities` applies the same SQL scopes: a
 * report a caller may not see resolves to null with NOT_FOUND, exactly like a missing id.
 */
export function buildLanternSubgraphSchema(): GraphQLSchema {
  const schema = buildLanternSchema();
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  const reference = {
    Report: (ref: Ref, ctx: Context) => new ReportService(ctx.em, requireViewer(ctx)).get(ref.id),
    Force: (ref: Ref, ctx: Context) => new ForceService(ctx.em).get(ref.id),
    User: (ref: Ref, ctx: Context) => new UserService(ctx.em, requireViewer(ctx)).get(ref.id),
    PoliceRequest: (ref: Ref, ctx: Context) => new PoliceRequestService(ctx.em, requireViewer(ctx)).get(ref.id),
  };
  for (const [type, resolve] of Object.entries(reference)) {
    resolvers[type] = { ...(resolvers[type] ?? {}), __resolveReference: resolve };
  }
  return buildSubgraphSchema([{ typeDefs: parse(printLanternSubgraphSdl()), resolvers: resolvers as never }]);
}
