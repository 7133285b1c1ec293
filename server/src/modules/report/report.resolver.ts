import { wrap } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../common/errors';
import { requireViewer, type Context } from '../../common/context';
import { loaded } from '../../common/load';
import { PageOf } from '../../common/pagination';
import { ContactRoute } from '../member/member.entity';
import { CaseFile } from '../case/case.entity';
import { CaseStatus } from '../case/case.enums';
import { Consent, ConsentEvent } from '../consent/consent.entity';
import { Force } from '../force/force.entity';
import { Member } from '../member/member.entity';
import { Report, ReportIdentifier } from './report.entity';
import { CreateReportInput, ReportListArgs, SetConsentArgs, SubmitReportInput, UpdateReportInput } from './report.inputs';
import { hit } from '../rate-limit/rate-limit';
import { isLoadedObject, viewSelection } from './report.read';
import { ReportService } from './report.service';

@ObjectType({ description: 'A page of reports' })
export class ReportList extends PageOf(Report) {
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page (newest-first order); null on the last page' })
  endCursor?: string | null;
}

@ObjectType({ description: 'A police read of a report ("Kent Police read your report on ...")' })
export class PoliceRead {
  @Field(() => Date)
  at!: Date;

  @Field(() => Force)
  force!: Force;

  @Field(() => [String], { description: 'Which parts were read' })
  fields!: string[];
}

const service = (ctx: Context) => new ReportService(ctx.em, requireViewer(ctx));

/**
 * A to-one relation of a report, loaded when the query that fetched it did not join it (a list
 * view has them all). Synchronous when loaded: no promise per row of a long list.
 */
function related<K extends 'forceArea' | 'consent' | 'caseFile' | 'member'>(ctx: Context, report: Report, key: K): Report[K] | Promise<Report[K]> {
  const value = report[key];
  if (!value || isLoadedObject(value)) return value;
  return ctx.em.populate(report, [key] as never).then(() => report[key]);
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportList, { description: 'Reports the caller may see, filtered and paged in SQL' })
  reports(@Args(() => ReportListArgs) args: ReportListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return service(ctx).list(args, { views: viewSelection(info) });
  }

  @Query(() => Report, { description: 'NOT_FOUND for a report the caller may not see, exactly as for a missing one' })
  report(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return service(ctx).read(id, { views: viewSelection(info, 'Report') });
  }

  @Query(() => ReportList, { description: 'The signed-in member’s own reports' })
  myReports(@Args(() => ReportListArgs) args: ReportListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return service(ctx).list(args, { views: viewSelection(info) });
  }

  @Mutation(() => Report, { description: 'A case worker’s intake of a report' })
  async createReport(@Arg('input', () => CreateReportInput) input: CreateReportInput, @Ctx() ctx: Context) {
    await hit(ctx.em, 'reportsPerCaseWorker', requireViewer(ctx).id);
    return service(ctx).create(input);
  }

  @Mutation(() => Report, { description: 'A member reports for themselves' })
  async submitReport(@Arg('input', () => SubmitReportInput) input: SubmitReportInput, @Ctx() ctx: Context) {
    await hit(ctx.em, 'reportsPerMember', requireViewer(ctx).id);
    return service(ctx).submit(input);
  }

  @Mutation(() => Report)
  updateReport(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateReportInput) input: UpdateReportInput, @Ctx() ctx: Context) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Report, { description: 'Changes the consent in force (the member for their own report, or a case worker); effective at once' })
  setReportConsent(@Args(() => SetConsentArgs) args: SetConsentArgs, @Ctx() ctx: Context) {
    return service(ctx).setConsent(args);
  }

  @Mutation(() => Report, { description: 'Lets another force’s officers read the report (needs police consent above NONE)' })
  shareReportWithForce(@Arg('reportId', () => ID) reportId: string, @Arg('forceId', () => ID) forceId: string, @Ctx() ctx: Context) {
    return service(ctx).share(reportId, forceId);
  }

  @Mutation(() => Report)
  unshareReportWithForce(@Arg('reportId', () => ID) reportId: string, @Arg('forceId', () => ID) forceId: string, @Ctx() ctx: Context) {
    return service(ctx).unshare(reportId, forceId);
  }

  @FieldResolver(() => [Force], { nullable: true, description: 'Forces it was shared with (staff)' })
  async sharedWith(@Root() report: Report): Promise<Force[]> {
    if (!report.shares.isInitialized()) await report.shares.init({ populate: ['force'] });
    return Promise.all(report.shares.getItems().map(async (s) => (await loaded(s.force))!));
  }

  @FieldResolver(() => ContactRoute, { nullable: true, description: 'With FULL consent: how police may reach the member (usually via the case worker)' })
  async policeContactRoute(@Root() report: Report): Promise<ContactRoute | null> {
    return (await loaded(report.member))?.policeContactRoute ?? null;
  }

  @FieldResolver(() => [PoliceRead], { nullable: true, description: 'Police reads of this report, newest first' })
  async policeReads(
    @Root() report: Report,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most 200' }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<PoliceRead[]> {
    if (limit < 1 || limit > 200) throw new BadUserInputError('limit', 'must be between 1 and 200');
    const events = await service(ctx).policeReads(report, limit);
    return events.map((e) => ({ at: e.at, force: e.force!, fields: e.fields }));
  }

  @FieldResolver(() => Force, { nullable: true })
  forceArea(@Root() report: Report, @Ctx() ctx: Context) {
    return related(ctx, report, 'forceArea');
  }

  @FieldResolver(() => [ReportIdentifier], { nullable: true })
  identifiers(@Root() report: Report): ReportIdentifier[] | Promise<ReportIdentifier[]> {
    if (Array.isArray(report.identifiers)) return report.identifiers; // a list view
    if (report.identifiers.isInitialized()) return report.identifiers.getItems();
    return report.identifiers.init().then((items) => items.getItems());
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who reported (case workers and the member themselves)' })
  member(@Root() report: Report, @Ctx() ctx: Context) {
    return related(ctx, report, 'member');
  }

  @FieldResolver(() => Consent, { nullable: true, description: 'The consent in force, read now' })
  consent(@Root() report: Report, @Ctx() ctx: Context) {
    return related(ctx, report, 'consent');
  }

  @FieldResolver(() => [ConsentEvent], { nullable: true, description: 'Every change of consent, oldest first' })
  consentHistory(@Root() report: Report, @Ctx() ctx: Context) {
    return service(ctx).consentHistory(report);
  }

  @FieldResolver(() => CaseFile, { nullable: true, description: 'The case on this report (staff)' })
  case(@Root() report: Report, @Ctx() ctx: Context) {
    return related(ctx, report, 'caseFile');
  }

  @FieldResolver(() => CaseStatus, { nullable: true, description: 'Only the status of the case (what a member sees)' })
  caseStatus(@Root() report: Report, @Ctx() ctx: Context): CaseStatus | null | Promise<CaseStatus | null> {
    const caseFile = related(ctx, report, 'caseFile');
    return caseFile instanceof Promise ? caseFile.then((c) => c?.status ?? null) : (caseFile?.status ?? null);
  }

  @FieldResolver(() => [Report], { nullable: true, description: 'Other reports sharing a perpetrator identifier (staff)' })
  linkedReports(@Root() report: Report, @Ctx() ctx: Context) {
    return service(ctx).linkedReports(report);
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who recorded it (staff only)' })
  recordedByName(@Root() consent: Consent, @Ctx() ctx: Context): string | null | Promise<string | null> {
    if (!consent.recordedBy) return null;
    if (isLoadedObject(consent.recordedBy)) return consent.recordedBy.name;
    return ctx.em.populate(consent, ['recordedBy']).then(() => consent.recordedBy!.name);
  }
}

@Resolver(() => ConsentEvent)
export class ConsentEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who made the change (staff only)' })
  async actorName(@Root() event: ConsentEvent, @Ctx() ctx: Context): Promise<string | null> {
    if (!event.actor) return null;
    if (!wrap(event.actor).isInitialized()) await ctx.em.populate(event, ['actor']);
    return event.actor.name;
  }
}
