import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { loaded } from '../../common/load';
import { selects } from '../../common/selection';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { IdentifierKind } from '../identifier/identifier.kind';
import { Report } from '../report/report.entity';
import { REPORT_POPULATE } from '../report/report.service';
import { Alert, AlertStatus, FindingOverride } from './alert.entity';
import { AlertInput, AlertListArgs, OverrideInput } from './alert.inputs';
import { AlertService, effectiveStatus } from './alert.service';

@ObjectType({ description: 'A page of alerts' })
export class AlertList extends PageOf(Alert) {}

@ObjectType({ description: 'Something in an alert’s text that could identify the reporter' })
export class AlertFinding {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { description: 'Name it in an override to keep it' })
  code!: string;

  @Field(() => String)
  excerpt!: string;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'How the e-mails of an alert are getting on' })
export class DeliveryCounts {
  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType({ description: 'The answer to a member’s check of a number, e-mail, vehicle or handle' })
export class IdentifierCheckResult {
  @Field(() => String, { description: 'The value as we compared it (normalised)' })
  value!: string;

  @Field(() => [Alert], { description: 'Published, unexpired alerts that show it' })
  alerts!: Alert[];

  @Field(() => String)
  note!: string;
}

const service = (ctx: Context) => new AlertService(ctx.em, requireViewer(ctx), ctx.config);

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => AlertList, { description: 'Staff: all; police: published and their force’s requests; members: their feed' })
  alerts(@Args(() => AlertListArgs) args: AlertListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => Alert)
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Query(() => AlertList, { description: 'Published, unexpired alerts for my alert areas, newest first' })
  myAlerts(@Args(() => AlertListArgs) args: AlertListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => IdentifierCheckResult, { description: 'Members: is this number (e-mail, vehicle, handle) in a published alert?' })
  async checkIdentifier(
    @Arg('kind', () => IdentifierKind) kind: IdentifierKind,
    @Arg('value', () => String) value: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IdentifierCheckResult> {
    const result = await service(ctx).check(kind, value, selects(info, ['alerts', 'targetAreas']));
    const note = result.alerts.length
      ? 'Published alerts mention this. Please read them before you decide.'
      : 'No published alert mentions this. That does not mean the person is safe: trust your instincts, and tell us if something happens.';
    return { ...result, note };
  }

  @Mutation(() => Alert, { description: 'Drafts an alert from reports with alerts consent, or from a police request' })
  createAlert(@Arg('input', () => AlertInput) input: AlertInput, @Ctx() ctx: Context) {
    return service(ctx).create(input);
  }

  @Mutation(() => Alert, { description: 'Edits a draft' })
  updateAlert(@Arg('id', () => ID) id: string, @Arg('input', () => AlertInput) input: AlertInput, @Ctx() ctx: Context) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Alert, { description: 'Every re-identification finding must be fixed or overridden with a reason' })
  submitAlertForReview(@Arg('id', () => ID) id: string, @Arg('overrides', () => [OverrideInput], { defaultValue: [] }) overrides: OverrideInput[], @Ctx() ctx: Context) {
    return service(ctx).submit(id, overrides);
  }

  @Mutation(() => Alert, { description: 'A manager approves; the author may not (FORBIDDEN)' })
  approveAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).approve(id);
  }

  @Mutation(() => Alert, { description: 'Sends a pending alert back to draft' })
  returnAlertToDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).returnToDraft(id);
  }

  @Mutation(() => Alert, { description: 'Starts a correction of a published alert: a draft that, once reviewed and published, replaces it' })
  createAlertCorrection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).createCorrection(id);
  }

  @Mutation(() => Alert, { description: 'Publishes an approved alert' })
  publishAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).publish(id);
  }

  @Mutation(() => Alert)
  withdrawAlert(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return service(ctx).withdraw(id, reason);
  }

  @FieldResolver(() => AlertStatus, { description: 'EXPIRED once a published alert is past expiresAt' })
  status(@Root() alert: Alert): AlertStatus {
    return effectiveStatus(alert);
  }

  @FieldResolver(() => [Force])
  async targetAreas(@Root() alert: Alert): Promise<Force[]> {
    if (!alert.targetAreas.isInitialized()) await alert.targetAreas.init();
    return alert.targetAreas.getItems();
  }

  @FieldResolver(() => Force, { nullable: true })
  onBehalfOf(@Root() alert: Alert) {
    return loaded(alert.onBehalfOf);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff' })
  async authorName(@Root() alert: Alert): Promise<string | null> {
    return (await loaded(alert.author))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff' })
  async approverName(@Root() alert: Alert): Promise<string | null> {
    return (await loaded(alert.approver))?.name ?? null;
  }

  @FieldResolver(() => DeliveryCounts, { nullable: true, description: 'Staff: e-mail deliveries of this alert (publication and withdrawal)' })
  deliveries(@Root() alert: Alert, @Ctx() ctx: Context) {
    return service(ctx).deliveryCounts(alert);
  }

  @FieldResolver(() => Alert, { nullable: true, description: 'Staff: the published alert this correction replaces' })
  corrects(@Root() alert: Alert) {
    return loaded(alert.corrects);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Staff: may the caller approve it now (a manager, not its author, pending review)' })
  canApprove(@Root() alert: Alert, @Ctx() ctx: Context): boolean {
    return service(ctx).canApprove(alert);
  }

  @FieldResolver(() => [Report], { nullable: true, description: 'Staff' })
  async sourceReports(@Root() alert: Alert, @Ctx() ctx: Context): Promise<Report[]> {
    if (!alert.sourceReports.isInitialized()) await alert.sourceReports.init();
    return ctx.em.find(Report, { id: { $in: alert.sourceReports.getIdentifiers() as string[] } }, { populate: REPORT_POPULATE });
  }

  @FieldResolver(() => [AlertFinding], { nullable: true, description: 'Staff: what could identify the reporter, checked now' })
  findings(@Root() alert: Alert, @Ctx() ctx: Context) {
    return service(ctx).findings(alert);
  }

  @FieldResolver(() => [FindingOverride], { nullable: true, description: 'Staff: findings kept, with reasons' })
  overrides(@Root() alert: Alert): FindingOverride[] {
    return alert.overrides.map((o) => ({ ...o, at: new Date(o.at) }));
  }
}
