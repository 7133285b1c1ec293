import type { IMiddlewareFunction } from 'graphql-middleware';
import type { Context } from '../../common/context';
import { Role } from '../../policy/roles';
import type { Report } from '../report/report.entity';
import { AccessKind } from './access-event.entity';

/**
 * Every field of a report that a police partner actually reads is recorded in the request's
 * access log (officer, force, report, fields). It runs inside the shield, so a refused field is
 * never logged as read, and it records before resolving, so an error while resolving still logs.
 */
const logPoliceRead: IMiddlewareFunction<Report, Context> = (resolve, parent, args, ctx, info) => {
  if (ctx.viewer?.role === Role.POLICE_PARTNER && parent?.id) {
    ctx.accessLog.record(AccessKind.POLICE_REPORT_READ, { reportId: parent.id }, info.fieldName);
  }
  return resolve(parent, args, ctx, info);
};

export const policeReadLog = { Report: logPoliceRead };
