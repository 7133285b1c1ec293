import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../common/context';
import { loaded } from '../../common/load';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { Report } from '../report/report.entity';
import { User } from '../user/user.entity';
import { CaseFile, CaseNote, PoliceContact, SupportAction } from './case.entity';
import { CASE_TRANSITIONS, CaseStatus, SupportStatus } from './case.enums';
import { AddCaseNoteArgs, CaseListArgs, ChangeCaseStatusArgs, PoliceContactInput, SupportActionInput } from './case.inputs';
import { CaseService } from './case.service';

@ObjectType({ description: 'A page of cases' })
export class CaseList extends PageOf(CaseFile) {}

const service = (ctx: Context) => new CaseService(ctx.em, requireViewer(ctx));

@Resolver(() => CaseFile)
export class CaseResolver {
  @Query(() => CaseList, { description: 'Cases; filter assignedToMe for "my cases"' })
  cases(@Args(() => CaseListArgs) args: CaseListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => CaseFile)
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Mutation(() => CaseFile, { description: 'Opens the case on a report (assigned to the caller unless told otherwise)' })
  openCase(@Arg('reportId', () => ID) reportId: string, @Arg('assigneeId', () => ID, { nullable: true }) assigneeId: string | null, @Ctx() ctx: Context) {
    return service(ctx).open(reportId, assigneeId);
  }

  @Mutation(() => CaseFile)
  assignCase(@Arg('id', () => ID) id: string, @Arg('assigneeId', () => ID, { nullable: true }) assigneeId: string | null, @Ctx() ctx: Context) {
    return service(ctx).assign(id, assigneeId);
  }

  @Mutation(() => CaseFile, { description: 'An illegal transition is CONFLICT; closing needs an outcome' })
  changeCaseStatus(@Args(() => ChangeCaseStatusArgs) args: ChangeCaseStatusArgs, @Ctx() ctx: Context) {
    return service(ctx).changeStatus(args);
  }

  @Mutation(() => CaseNote)
  addCaseNote(@Args(() => AddCaseNoteArgs) args: AddCaseNoteArgs, @Ctx() ctx: Context) {
    return service(ctx).addNote(args);
  }

  @Mutation(() => SupportAction)
  addSupportAction(@Arg('caseId', () => ID) caseId: string, @Arg('input', () => SupportActionInput) input: SupportActionInput, @Ctx() ctx: Context) {
    return service(ctx).addSupportAction(caseId, input);
  }

  @Mutation(() => SupportAction)
  updateSupportAction(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => SupportStatus) status: SupportStatus,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).updateSupportAction(id, status, note ?? undefined);
  }

  @Mutation(() => PoliceContact)
  addPoliceContact(@Arg('caseId', () => ID) caseId: string, @Arg('input', () => PoliceContactInput) input: PoliceContactInput, @Ctx() ctx: Context) {
    return service(ctx).addPoliceContact(caseId, input);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() found: CaseFile) {
    return loaded(found.assignee);
  }

  @FieldResolver(() => Report)
  report(@Root() found: CaseFile) {
    return loaded(found.report);
  }

  @FieldResolver(() => [CaseStatus], { description: 'The statuses this case may move to now' })
  allowedTransitions(@Root() found: CaseFile): CaseStatus[] {
    return [...CASE_TRANSITIONS[found.status]];
  }

  @FieldResolver(() => [CaseNote])
  notes(@Root() found: CaseFile, @Ctx() ctx: Context) {
    return service(ctx).notes(found);
  }

  @FieldResolver(() => [SupportAction])
  supportActions(@Root() found: CaseFile, @Ctx() ctx: Context) {
    return service(ctx).supportActions(found);
  }

  @FieldResolver(() => [PoliceContact])
  policeContacts(@Root() found: CaseFile, @Ctx() ctx: Context) {
    return service(ctx).policeContacts(found);
  }
}

@Resolver(() => CaseNote)
export class CaseNoteResolver {
  @FieldResolver(() => User, { nullable: true })
  author(@Root() note: CaseNote) {
    return loaded(note.author);
  }
}

@Resolver(() => SupportAction)
export class SupportActionResolver {
  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() action: SupportAction) {
    return loaded(action.createdBy);
  }
}

@Resolver(() => PoliceContact)
export class PoliceContactResolver {
  @FieldResolver(() => Force)
  force(@Root() contact: PoliceContact) {
    return loaded(contact.force);
  }

  @FieldResolver(() => User, { nullable: true })
  recordedBy(@Root() contact: PoliceContact) {
    return loaded(contact.recordedBy);
  }
}
