import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../common/errors';
import { FINANCIAL_YEAR_MESSAGE, isFinancialYear } from '../../common/financial-year';
import type { Context } from '../../common/context';
import { CostAssumptionsInput, ImpactStatistics } from './impact.types';
import { ImpactService } from './impact.service';

@Resolver()
export class ImpactResolver {
  @Query(() => ImpactStatistics, { description: 'Reports, alerts, training and the costs-avoided estimate, for one financial year or all' })
  impactStatistics(
    @Arg('financialYear', () => String, { nullable: true, description: 'e.g. 2020/21; all years when left out' }) financialYear: string | null | undefined,
    @Arg('costs', () => CostAssumptionsInput, { nullable: true }) costs: CostAssumptionsInput | undefined,
    @Ctx() ctx: Context,
  ) {
    if (financialYear != null && !isFinancialYear(financialYear)) throw new BadUserInputError('financialYear', FINANCIAL_YEAR_MESSAGE);
    return new ImpactService(ctx.em).statistics(financialYear ?? null, costs);
  }
}
