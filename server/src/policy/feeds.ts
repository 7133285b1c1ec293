import { Role } from './roles';

/**
 * The CAP feed of published alerts (`/feeds/alerts.cap.xml`) is for authenticated partners: the
 * charity's staff and police partners. Members have their own feed (`myAlerts`).
 */
export const CAP_FEED_ROLES: readonly Role[] = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER];
