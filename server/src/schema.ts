import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccessEventResolver } from './modules/access-log/access-log.resolver';
import { AuditEventResolver } from './modules/audit/audit.resolver';
import { AlertResolver } from './modules/alert/alert.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { TwoFactorResolver, UserTwoFactorResolver } from './modules/auth/two-factor.resolver';
import { CaseNoteResolver, CaseResolver, PoliceContactResolver, SupportActionResolver } from './modules/case/case.resolver';
import { ForceResolver } from './modules/force/force.resolver';
import { FunderResolver, FundingRecordResolver } from './modules/funding/funding.resolver';
import { ImpactResolver } from './modules/impact/impact.resolver';
import { MemberResolver } from './modules/member/member.resolver';
import { PoliceRequestResolver } from './modules/police-request/police-request.resolver';
import { ConsentEventResolver, ConsentResolver, ReportResolver } from './modules/report/report.resolver';
import { ErasureRequestResolver, LegalHoldResolver, MemberRetentionResolver, ReportRetentionResolver, RetentionResolver } from './modules/retention/retention.resolver';
import { TrainingInvitationResolver, TrainingSessionResolver } from './modules/training/training.resolver';
import { UserResolver } from './modules/user/user.resolver';

export const resolvers = [
  AuthResolver,
  TwoFactorResolver,
  UserResolver,
  UserTwoFactorResolver,
  ForceResolver,
  MemberResolver,
  ReportResolver,
  ConsentResolver,
  ConsentEventResolver,
  CaseResolver,
  CaseNoteResolver,
  SupportActionResolver,
  PoliceContactResolver,
  AccessEventResolver,
  PoliceRequestResolver,
  AlertResolver,
  FunderResolver,
  FundingRecordResolver,
  TrainingSessionResolver,
  TrainingInvitationResolver,
  ImpactResolver,
  AuditEventResolver,
  LegalHoldResolver,
  MemberRetentionResolver,
  ReportRetentionResolver,
  ErasureRequestResolver,
  RetentionResolver,
] as const;

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
