import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, todayInLondon } from '../../common/dates';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { Role, isStaffRole } from '../../policy/roles';
import { funderScope, fundingScope } from '../../policy/scopes';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';
import { Funder, FunderKind, FundingRecord } from './funding.entity';
import type { FunderInput, FunderListArgs, FundingFilter, FundingRecordInput, FundingRecordListArgs } from './funding.inputs';
import { FundingSortField } from './funding.inputs';

export interface YearTotal {
  financialYear: string;
  amountPence: number;
  funders: number;
  forceFunders: number;
}
export interface FunderTotal {
  funder: Funder;
  amountPence: number;
}
export interface YearFunderTotal extends FunderTotal {
  financialYear: string;
}
export interface PurposeTotal {
  purpose: string;
  amountPence: number;
}
export interface FundingTotals {
  totalPence: number;
  byYear: YearTotal[];
  byFunder: FunderTotal[];
  byYearAndFunder: YearFunderTotal[];
  byPurpose: PurposeTotal[];
}

/** The same scope as SQL, for the aggregates (`f` is the funder table's alias). */
function fundingScopeSql(viewer: User): { sql: string; params: unknown[] } {
  if (isStaffRole(viewer.role)) return { sql: 'true', params: [] };
  if (viewer.role === Role.POLICE_PARTNER && viewer.force) return { sql: 'f.force_id = ?', params: [viewer.force.id] };
  return { sql: 'false', params: [] };
}

/** Funders and funding records: managers write; staff read; police read their own force's. */
export class FundingService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: User,
  ) {}

  async listFunders(args: FunderListArgs): Promise<Page<Funder>> {
    const where: FilterQuery<Funder>[] = [funderScope(this.viewer)];
    const f = args.filter ?? {};
    if (f.kind) where.push({ kind: f.kind });
    if (f.ids) where.push({ id: { $in: f.ids.filter(isUuid) } });
    const order = args.sortOrder ?? SortOrder.ASC;
    const [nodes, totalCount] = await this.em.findAndCount(Funder, { $and: where }, { populate: ['force'], orderBy: [{ name: order }, { id: order }], ...offsetOf(args) });
    return { nodes, totalCount };
  }

  async getFunder(id: string, field = 'id'): Promise<Funder> {
    const found = isUuid(id) ? await this.em.findOne(Funder, { $and: [{ id }, funderScope(this.viewer)] }, { populate: ['force'] }) : null;
    if (!found) throw new NotFoundError('Funder', field);
    return found;
  }

  async createFunder(input: FunderInput): Promise<Funder> {
    return this.em.transactional(async (em) => {
      const funder = em.create(Funder, await this.funderValues(em, input));
      await em.flush();
      return funder;
    });
  }

  async updateFunder(id: string, input: FunderInput): Promise<Funder> {
    return this.em.transactional(async (em) => {
      const funder = await new FundingService(em, this.viewer).getFunder(id);
      Object.assign(funder, await this.funderValues(em, input, funder.id));
      await em.flush();
      return funder;
    });
  }

  /** Checks a funder's input (before anything is created, so nothing is flushed early). */
  private async funderValues(em: EntityManager, input: FunderInput, ownId?: string): Promise<{ name: string; kind: FunderKind; force: Force | null }> {
    const others = ownId ? { id: { $ne: ownId } } : {};
    let force: Force | null = null;
    if (input.kind === FunderKind.POLICE_FORCE) {
      if (!input.forceId) throw new BadUserInputError('forceId', 'is needed for a police force funder');
      force = isUuid(input.forceId) ? await em.findOne(Force, { id: input.forceId }) : null;
      if (!force) throw new BadUserInputError('forceId', 'names a force that does not exist');
      const taken = await em.findOne(Funder, { force: force.id, ...others });
      if (taken) throw new ConflictError('forceId', 'that force is already a funder');
    } else if (input.forceId) {
      throw new BadUserInputError('forceId', 'is only for police force funders');
    }
    const name = input.name?.trim() || force?.name;
    if (!name) throw new BadUserInputError('name', 'is needed');
    const clash = await em.findOne(Funder, { name, ...others });
    if (clash) throw new ConflictError('name', 'a funder with this name already exists');
    return { name, kind: input.kind, force };
  }

  async list(args: FundingRecordListArgs): Promise<Page<FundingRecord>> {
    const order = args.sortOrder ?? SortOrder.DESC;
    const sort = args.sortField ?? FundingSortField.financialYear;
    const [nodes, totalCount] = await this.em.findAndCount(FundingRecord, this.where(args.filter), {
      populate: ['funder', 'funder.force'],
      orderBy: [{ [sort]: order }, { funder: { name: 'ASC' } }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string, field = 'id'): Promise<FundingRecord> {
    const found = isUuid(id)
      ? await this.em.findOne(FundingRecord, { $and: [{ id }, fundingScope(this.viewer)] }, { populate: ['funder', 'funder.force'] })
      : null;
    if (!found) throw new NotFoundError('FundingRecord', field);
    return found;
  }

  async create(input: FundingRecordInput): Promise<FundingRecord> {
    return this.em.transactional(async (em) => {
      const record = em.create(FundingRecord, {
        funder: await new FundingService(em, this.viewer).getFunder(input.funderId, 'funderId').catch(() => {
          throw new BadUserInputError('funderId', 'names a funder that does not exist');
        }),
        financialYear: input.financialYear,
        amountPence: input.amountPence,
        purpose: input.purpose,
        recordedBy: em.getReference(User, this.viewer.id),
      });
      this.apply(record, input);
      await em.flush();
      return record;
    });
  }

  async update(id: string, input: FundingRecordInput): Promise<FundingRecord> {
    return this.em.transactional(async (em) => {
      const scoped = new FundingService(em, this.viewer);
      const record = await scoped.get(id);
      record.funder = await scoped.getFunder(input.funderId, 'funderId').catch(() => {
        throw new BadUserInputError('funderId', 'names a funder that does not exist');
      });
      record.financialYear = input.financialYear;
      record.amountPence = input.amountPence;
      record.purpose = input.purpose;
      this.apply(record, input);
      await em.flush();
      return record;
    });
  }

  async remove(id: string): Promise<FundingRecord> {
    return this.em.transactional(async (em) => {
      const record = await new FundingService(em, this.viewer).get(id);
      em.remove(record);
      await em.flush();
      return record; // still readable in memory: the answer shows what was deleted
    });
  }

  private apply(record: FundingRecord, input: FundingRecordInput): void {
    const received = input.receivedOn?.trim() || null;
    if (received && !isCalendarDate(received)) throw new BadUserInputError('receivedOn', 'must be a date written YYYY-MM-DD');
    if (received && received > todayInLondon()) throw new BadUserInputError('receivedOn', 'cannot be in the future');
    record.receivedOn = received;
    record.agreementReference = input.agreementReference?.trim() || null;
    record.notes = input.notes?.trim() || null;
  }

  /** Totals by year, by funder, by both and by purpose: each one GROUP BY in PostgreSQL. */
  async totals(filter: FundingFilter | undefined): Promise<FundingTotals> {
    const scope = fundingScopeSql(this.viewer);
    const conds = [scope.sql];
    const params: unknown[] = [...scope.params];
    if (filter?.funderId) {
      conds.push(isUuid(filter.funderId) ? 'r.funder_id = ?' : 'false');
      if (isUuid(filter.funderId)) params.push(filter.funderId);
    }
    if (filter?.financialYear) {
      conds.push('r.financial_year = ?');
      params.push(filter.financialYear);
    }
    if (filter?.purpose) {
      conds.push('r.purpose = ?');
      params.push(filter.purpose);
    }
    if (filter?.funderKind) {
      conds.push('f.kind = ?');
      params.push(filter.funderKind);
    }
    if (filter?.ids) {
      const ids = filter.ids.filter(isUuid);
      conds.push(ids.length ? `r.id in (${ids.map(() => '?').join(', ')})` : 'false');
      params.push(...ids);
    }
    const from = `from funding_record r join funder f on f.id = r.funder_id where ${conds.join(' and ')}`;
    const sql = `
      with base as (select r.financial_year, r.purpose, r.amount_pence, f.id as funder_id, f.force_id ${from}),
      by_year_funder as (select financial_year, funder_id, sum(amount_pence)::bigint as amount from base group by financial_year, funder_id)
      select 'year' as k, b.financial_year as year, null::uuid as funder_id, null as purpose, sum(b.amount_pence)::bigint as amount,
             count(distinct b.funder_id)::int as funders, count(distinct b.force_id)::int as force_funders
        from base b group by b.financial_year
      union all
      select 'funder', null, funder_id, null, sum(amount)::bigint, null, null from by_year_funder group by funder_id
      union all
      select 'year_funder', financial_year, funder_id, null, amount, null, null from by_year_funder
      union all
      select 'purpose', null, null, purpose::text, sum(amount_pence)::bigint, null, null from base group by purpose`;
    const rows = await this.em.execute<{ k: string; year: string | null; funder_id: string | null; purpose: string | null; amount: string; funders: number | null; force_funders: number | null }[]>(sql, [...params]);
    const funderIds = [...new Set(rows.map((r) => r.funder_id).filter((id): id is string => !!id))];
    const funders = new Map((funderIds.length ? await this.em.find(Funder, { id: { $in: funderIds } }, { populate: ['force'] }) : []).map((f) => [f.id, f]));
    const amount = (r: { amount: string }) => Number(r.amount);
    const byYear = rows.filter((r) => r.k === 'year').map((r) => ({ financialYear: r.year!, amountPence: amount(r), funders: r.funders!, forceFunders: r.force_funders! }));
    byYear.sort((a, b) => a.financialYear.localeCompare(b.financialYear));
    const byFunder = rows.filter((r) => r.k === 'funder').map((r) => ({ funder: funders.get(r.funder_id!)!, amountPence: amount(r) }));
    byFunder.sort((a, b) => b.amountPence - a.amountPence || a.funder.name.localeCompare(b.funder.name));
    const byYearAndFunder = rows.filter((r) => r.k === 'year_funder').map((r) => ({ financialYear: r.year!, funder: funders.get(r.funder_id!)!, amountPence: amount(r) }));
    byYearAndFunder.sort((a, b) => a.financialYear.localeCompare(b.financialYear) || a.funder.name.localeCompare(b.funder.name));
    const byPurpose = rows.filter((r) => r.k === 'purpose').map((r) => ({ purpose: r.purpose!, amountPence: amount(r) }));
    byPurpose.sort((a, b) => a.purpose.localeCompare(b.purpose));
    return { totalPence: byYear.reduce((sum, y) => sum + y.amountPence, 0), byYear, byFunder, byYearAndFunder, byPurpose };
  }

  private where(filter: FundingFilter | undefined): FilterQuery<FundingRecord> {
    const where: FilterQuery<FundingRecord>[] = [fundingScope(this.viewer)];
    if (filter?.funderId) where.push(isUuid(filter.funderId) ? { funder: filter.funderId } : { id: null });
    if (filter?.financialYear) where.push({ financialYear: filter.financialYear });
    if (filter?.purpose) where.push({ purpose: filter.purpose });
    if (filter?.funderKind) where.push({ funder: { kind: filter.funderKind } });
    if (filter?.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
    return { $and: where };
  }
}
