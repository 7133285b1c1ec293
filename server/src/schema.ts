import 'reflect-metadata';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError, buildSchemaSync } from 'type-graphql';
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

/**
 * Every argument object is checked against its class-validator decorators, as type-graphql's own
 * `validate` setting would (missing properties skipped, unknown values allowed, every error
 * reported), with class-validator imported once. type-graphql 2's built-in path imports it again
 * for every argument it checks (`await import('class-validator')`, compiled to a require wrapped in
 * `__importStar`, which copies the module's few hundred exports each time): about 1.5% of the
 * server's CPU on a report list (bench/ANALYSIS.md). `schema.spec.ts` checks its errors are type-graphql's.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false, stopAtFirstError: false };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

export async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
}

let cached: GraphQLSchema | undefined;

/** The GraphQL schema before the policy is applied; also what schema/schema.graphql holds. */
export function buildLanternSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers,
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
  return cached;
}

/** Sorted, so that the committed file does not depend on the order decorators ran in. */
export function printLanternSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildLanternSchema()))}\n`;
}
