import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Member } from '../modules/member/member.entity';
import type { Funder, FundingRecord } from '../modules/funding/funding.entity';
import type { Report } from '../modules/report/report.entity';
import type { TrainingInvitation, TrainingSession } from '../modules/training/training.entity';
import type { User } from '../modules/user/user.entity';
import { POLICE_VISIBLE_CONSENT } from '../modules/consent/consent.enums';
import { isStaffRole, Role } from './roles';

/**
 * The same predicates as the shield table, as SQL filters: a list query never loads a row its
 * viewer may not see, and a single-record query for such a row finds nothing (NOT_FOUND).
 */

/** A filter that matches no row: for callers with no access at all. */
const NOTHING = { id: null } as const;

/** Users: staff read every account; everyone else only their own. */
export function userScope(viewer: User): FilterQuery<User> {
  return isStaffRole(viewer.role) ? {} : { id: viewer.id };
}

/**
 * Reports: case workers and managers read all; a member their own; a police partner only those
 * whose police consent is ANONYMOUS_INTELLIGENCE or FULL right now, and whose force area is the
 * officer's force or which a case worker shared with it. Admins none.
 */
export function reportScope(viewer: User): FilterQuery<Report> {
  if (readsEveryReport(viewer)) return {};
  switch (viewer.role) {
    case Role.MEMBER:
      return viewer.member ? { member: viewer.member.id } : NOTHING;
    case Role.POLICE_PARTNER: {
      const force = viewer.force?.id;
      if (!force) return NOTHING;
      return {
        // The trigger-kept flag lets the list walk only reports police may read now
        // (Migration20261129150000); the consent itself stays the check.
        [raw((alias: string) => `${alias}.police_visible`)]: [],
        consent: { police: { $in: [...POLICE_VISIBLE_CONSENT] } },
        $or: [{ forceArea: force }, sharedWith(force)],
      } as FilterQuery<Report>;
    }
    default:
      return NOTHING;
  }
}

/** Whether reportScope lets the viewer read every report (case workers and managers). */
export function readsEveryReport(viewer: User): boolean {
  return viewer.role === Role.CASE_WORKER || viewer.role === Role.MANAGER;
}

/**
 * "Shared with this force", as a probe of report_share's unique (report_id, force_id) index for
 * each row the list's scan reaches (no join, so no duplicate rows). Written as a scalar sub-select
 * on purpose: PostgreSQL turns `id in (...)` and `exists (...)` under an OR into a hash of every
 * report shared with the force, built on every request (3.5 of 6 ms at 1M reports, bench/).
 * MikroORM registers the fragment in a process-wide map when the filter is built and removes it
 * when a query uses it: build the scope only for a query that will run (tested in statements.test.ts).
 */
function sharedWith(forceId: string): FilterQuery<Report> {
  return { [raw((alias: string) => `(select true from report_share s where s.report_id = ${alias}.id and s.force_id = ? limit 1)`, [forceId])]: [] } as FilterQuery<Report>;
}

/** Member records: case workers read all; a member their own. */
export function memberScope(viewer: User): FilterQuery<Member> {
  if (viewer.role === Role.CASE_WORKER) return {};
  if (viewer.role === Role.MEMBER && viewer.member) return { id: viewer.member.id };
  return NOTHING;
}

/** Who sees which funders: staff all; a police partner only their own force (as a funder). */
export function funderScope(viewer: User): FilterQuery<Funder> {
  if (isStaffRole(viewer.role)) return {};
  if (viewer.role === Role.POLICE_PARTNER && viewer.force) return { force: viewer.force.id };
  return NOTHING;
}

export function fundingScope(viewer: User): FilterQuery<FundingRecord> {
  if (isStaffRole(viewer.role)) return {};
  if (viewer.role === Role.POLICE_PARTNER && viewer.force) return { funder: { force: viewer.force.id } };
  return NOTHING;
}

/** Staff see every session; a police partner only sessions their force attended. */
export function trainingSessionScope(viewer: User): FilterQuery<TrainingSession> {
  if (isStaffRole(viewer.role)) return {};
  if (viewer.role === Role.POLICE_PARTNER && viewer.force) return { forces: viewer.force.id };
  return NOTHING;
}

/** Staff see every invitation; a police partner only their own force's. */
export function trainingInvitationScope(viewer: User): FilterQuery<TrainingInvitation> {
  if (isStaffRole(viewer.role)) return {};
  if (viewer.role === Role.POLICE_PARTNER && viewer.force) return { force: viewer.force.id };
  return NOTHING;
}
