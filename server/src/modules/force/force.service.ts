import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { offsetOf, SortOrder, type Page } from '../../common/pagination';
import { likePattern } from '../../common/text';
import { Force } from './force.entity';
import type { ForceFilter, ForceListArgs } from './force.inputs';

/** The reference list of UK police forces: every signed-in account may read it. */
export class ForceService {
  constructor(private readonly em: EntityManager) {}

  async list(args: ForceListArgs): Promise<Page<Force>> {
    const order = args.sortOrder ?? SortOrder.ASC;
    const field = args.sortField ?? 'name';
    const [nodes, totalCount] = await this.em.findAndCount(Force, filterToWhere(args.filter), {
      orderBy: [{ [field]: order }, { id: order }],
      ...offsetOf(args),
    });
    return { nodes, totalCount };
  }

  async get(id: string): Promise<Force> {
    const force = isUuid(id) ? await this.em.findOne(Force, { id }) : null;
    if (!force) throw new NotFoundError('Force');
    return force;
  }
}

function filterToWhere(filter: ForceFilter | undefined): FilterQuery<Force> {
  if (!filter) return {};
  const where: FilterQuery<Force>[] = [];
  if (filter.q?.trim()) {
    const pattern = likePattern(filter.q);
    where.push({ $or: [{ name: { $ilike: pattern } }, { region: { $ilike: pattern } }] });
  }
  if (filter.nation) where.push({ nation: filter.nation });
  if (filter.ids) where.push({ id: { $in: filter.ids.filter(isUuid) } });
  return where.length ? { $and: where } : {};
}
