import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { requireViewer, type Context } from '../../common/context';
import { loaded } from '../../common/load';
import { PageOf } from '../../common/pagination';
import { Force } from '../force/force.entity';
import { Funder, FundingPurpose, FundingRecord } from './funding.entity';
import { FunderInput, FunderListArgs, FundingFilter, FundingRecordInput, FundingRecordListArgs } from './funding.inputs';
import { FundingService } from './funding.service';

@ObjectType({ description: 'A page of funders' })
export class FunderList extends PageOf(Funder) {}

@ObjectType({ description: 'A page of funding records' })
export class FundingRecordList extends PageOf(FundingRecord) {}

@ObjectType({ description: 'Funding received in one financial year' })
export class FundingYearTotal {
  @Field(() => String)
  financialYear!: string;

  @Field(() => GraphQLSafeInt)
  amountPence!: number;

  @Field(() => Int, { description: 'How many funders gave that year' })
  funders!: number;

  @Field(() => Int, { description: 'How many of them were police forces' })
  forceFunders!: number;
}

@ObjectType({ description: 'Funding from one funder' })
export class FunderTotal {
  @Field(() => Funder)
  funder!: Funder;

  @Field(() => GraphQLSafeInt)
  amountPence!: number;
}

@ObjectType({ description: 'Funding from one funder in one financial year' })
export class FundingYearFunderTotal {
  @Field(() => String)
  financialYear!: string;

  @Field(() => Funder)
  funder!: Funder;

  @Field(() => GraphQLSafeInt)
  amountPence!: number;
}

@ObjectType({ description: 'Funding for one purpose' })
export class FundingPurposeTotal {
  @Field(() => FundingPurpose)
  purpose!: FundingPurpose;

  @Field(() => GraphQLSafeInt)
  amountPence!: number;
}

@ObjectType({ description: 'Funding totals, summed in the database over the records the caller may see' })
export class FundingTotals {
  @Field(() => GraphQLSafeInt)
  totalPence!: number;

  @Field(() => [FundingYearTotal], { description: 'Oldest year first' })
  byYear!: FundingYearTotal[];

  @Field(() => [FunderTotal], { description: 'Largest first' })
  byFunder!: FunderTotal[];

  @Field(() => [FundingYearFunderTotal])
  byYearAndFunder!: FundingYearFunderTotal[];

  @Field(() => [FundingPurposeTotal])
  byPurpose!: FundingPurposeTotal[];
}

const service = (ctx: Context) => new FundingService(ctx.em, requireViewer(ctx));

@Resolver(() => Funder)
export class FunderResolver {
  @Query(() => FunderList, { description: 'Funders: police partners see only their own force' })
  funders(@Args(() => FunderListArgs) args: FunderListArgs, @Ctx() ctx: Context) {
    return service(ctx).listFunders(args);
  }

  @Query(() => Funder)
  funder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).getFunder(id);
  }

  @Mutation(() => Funder)
  createFunder(@Arg('input', () => FunderInput) input: FunderInput, @Ctx() ctx: Context) {
    return service(ctx).createFunder(input);
  }

  @Mutation(() => Funder)
  updateFunder(@Arg('id', () => ID) id: string, @Arg('input', () => FunderInput) input: FunderInput, @Ctx() ctx: Context) {
    return service(ctx).updateFunder(id, input);
  }

  @FieldResolver(() => Force, { nullable: true })
  force(@Root() funder: Funder) {
    return loaded(funder.force);
  }
}

@Resolver(() => FundingRecord)
export class FundingRecordResolver {
  @Query(() => FundingRecordList, { description: 'Funding records: police partners see only their own force’s' })
  fundingRecords(@Args(() => FundingRecordListArgs) args: FundingRecordListArgs, @Ctx() ctx: Context) {
    return service(ctx).list(args);
  }

  @Query(() => FundingRecord)
  fundingRecord(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).get(id);
  }

  @Query(() => FundingTotals, { description: 'Totals by year, funder and purpose over the funding the caller may see' })
  fundingTotals(@Arg('filter', () => FundingFilter, { nullable: true }) filter: FundingFilter | undefined, @Ctx() ctx: Context) {
    return service(ctx).totals(filter);
  }

  @Mutation(() => FundingRecord)
  createFundingRecord(@Arg('input', () => FundingRecordInput) input: FundingRecordInput, @Ctx() ctx: Context) {
    return service(ctx).create(input);
  }

  @Mutation(() => FundingRecord)
  updateFundingRecord(@Arg('id', () => ID) id: string, @Arg('input', () => FundingRecordInput) input: FundingRecordInput, @Ctx() ctx: Context) {
    return service(ctx).update(id, input);
  }

  @Mutation(() => FundingRecord, { description: 'Deletes a record entered by mistake; answers with what was deleted' })
  deleteFundingRecord(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).remove(id);
  }

  @FieldResolver(() => Funder)
  funder(@Root() record: FundingRecord) {
    return loaded(record.funder);
  }
}
