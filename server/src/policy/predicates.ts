import { rule } from 'graphql-shield';
import type { Context } from '../common/context';
import { TwoFactorEnrolmentRequiredError, UnauthenticatedError } from '../common/errors';
import type { Report } from '../modules/report/report.entity';
import { policeMayContact, policeMayRead } from './police-visibility';
import { Role, STAFF_ROLES } from './roles';

/**
 * Named rules, one line of meaning each. Rules that look only at the viewer use the `contextual`
 * cache; rules that look at the parent record must never do so (one row's answer would be reused
 * for every row), so they use `no_cache` (`strict` would hash the whole entity graph per field).
 */

/** Who is not a viewer: an account that must turn on two-factor sign-in first, or nobody. */
const notSignedIn = (ctx: Context) => (ctx.enrolling ? new TwoFactorEnrolmentRequiredError() : new UnauthenticatedError());

/** Signed in with a token, or has just signed in with `login` in this very request. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'no_cache' })(
  (_parent, _args, ctx: Context) => (ctx.viewer || ctx.signedIn ? true : notSignedIn(ctx)),
);

/**
 * Signed in, but the account's role requires two-factor sign-in and it is off: such a session may
 * only turn it on (and read `me`, and sign out). Every other rule sees it as anonymous.
 */
export const isEnrolling = rule('isEnrolling', { cache: 'no_cache' })((_parent, _args, ctx: Context) => (ctx.enrolling ? true : notSignedIn(ctx)));

const hasRole = (name: string, roles: readonly Role[]) =>
  rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return notSignedIn(ctx);
    return roles.includes(ctx.viewer.role);
  });

export const isAdmin = hasRole('isAdmin', [Role.ADMIN]);
export const isManager = hasRole('isManager', [Role.MANAGER]);
export const isCaseWorker = hasRole('isCaseWorker', [Role.CASE_WORKER]);
export const isPolicePartner = hasRole('isPolicePartner', [Role.POLICE_PARTNER]);
export const isMember = hasRole('isMember', [Role.MEMBER]);
/** ADMIN, MANAGER or CASE_WORKER: the charity's own people. */
export const isStaff = hasRole('isStaff', STAFF_ROLES);

/** The record is the viewer's own account (or the one that has just signed in, or is enrolling). */
export const isSelf = rule('isSelf', { cache: 'no_cache' })((parent: { id?: string }, _args, ctx: Context) => {
  if (!parent.id) return false;
  return parent.id === ctx.viewer?.id || parent.id === ctx.signedIn?.id || parent.id === ctx.enrolling?.id;
});

/** Case workers or managers: the staff who work with reports (admins do not read them). */
export const isReportStaff = hasRole('isReportStaff', [Role.CASE_WORKER, Role.MANAGER]);

/** The report (parent) is one the signed-in member made. */
export const isOwnReport = rule('isOwnReport', { cache: 'no_cache' })((parent: { member?: { id: string } | null }, _args, ctx: Context) => {
  const mine = ctx.viewer?.member?.id;
  return !!mine && !!parent.member && parent.member.id === mine;
});

/** The member record (parent) is the signed-in member's own. */
export const isSelfMember = rule('isSelfMember', { cache: 'no_cache' })((parent: { id?: string }, _args, ctx: Context) => {
  const mine = ctx.viewer?.member?.id;
  return !!mine && parent.id === mine;
});

/** A police partner, and the report (parent) is visible to their force under its current consent. */
export const isPoliceWithConsent = rule('isPoliceWithConsent', { cache: 'no_cache' })((parent: Report, _args, ctx: Context) => {
  const v = ctx.viewer;
  return !!v && v.role === Role.POLICE_PARTNER && !!v.force && policeMayRead(parent, v.force.id);
});

/** As isPoliceWithConsent, and the consent is FULL. */
export const isPoliceWithFullConsent = rule('isPoliceWithFullConsent', { cache: 'no_cache' })((parent: Report, _args, ctx: Context) => {
  const v = ctx.viewer;
  return !!v && v.role === Role.POLICE_PARTNER && !!v.force && policeMayContact(parent, v.force.id);
});


/** A police partner, and the record (parent) belongs to their force (a police request, a funder, a training invitation). */
export const isPoliceOfRecordForce = rule('isPoliceOfRecordForce', { cache: 'no_cache' })((parent: { force?: { id: string } | null }, _args, ctx: Context) => {
  const v = ctx.viewer;
  return !!v && v.role === Role.POLICE_PARTNER && !!v.force && !!parent.force && parent.force.id === v.force.id;
});

/** A police partner, and the funding record (parent) came from their own force. */
export const isPoliceOfFundingForce = rule('isPoliceOfFundingForce', { cache: 'no_cache' })((parent: { funder?: { force?: { id: string } | null } }, _args, ctx: Context) => {
  const v = ctx.viewer;
  const force = parent.funder?.force;
  return !!v && v.role === Role.POLICE_PARTNER && !!v.force && !!force && force.id === v.force.id;
});

/** A police partner, and their force attended the training session (parent). */
export const isPoliceOfTrainingForce = rule('isPoliceOfTrainingForce', { cache: 'no_cache' })(
  (parent: { forces?: { isInitialized(): boolean; getItems(): { id: string }[] } }, _args, ctx: Context) => {
    const v = ctx.viewer;
    if (!v || v.role !== Role.POLICE_PARTNER || !v.force || !parent.forces?.isInitialized()) return false;
    const mine = v.force.id;
    return parent.forces.getItems().some((f) => f.id === mine);
  },
);
