import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { Force } from '../force/force.entity';
import { User } from '../user/user.entity';
import type { Report } from './report.entity';

/** A case worker shared a report with a force other than its own force area. */
@Entity()
@Unique({ properties: ['report', 'force'] })
export class ReportShare extends BaseEntity {
  @ManyToOne({ entity: 'Report', deleteRule: 'cascade' })
  report!: Report;

  @ManyToOne({ entity: () => Force, index: true })
  force!: Force;

  @ManyToOne({ entity: () => User })
  sharedBy!: User;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sharedAt: Date = new Date();
}
