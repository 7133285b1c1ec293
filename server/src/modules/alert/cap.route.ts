import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Config } from '../../config';
import { UnauthenticatedError } from '../../common/errors';
import { logger } from '../../common/logger';
import { CAP_FEED_ROLES } from '../../policy/feeds';
import { AuthService } from '../auth/auth.service';
import { Alert, AlertStatus } from './alert.entity';
import { capAtomFeed } from './cap';

const FEED_DAYS = 90;
const FEED_MAX = 200;

/** GET /feeds/alerts.cap.xml — published and withdrawn alerts of the last 90 days, as CAP 1.2 in Atom. */
export function capFeedHandler(orm: MikroORM, config: Config) {
  return async (req: Request, res: Response) => {
    const em = orm.em.fork();
    try {
      const viewer = await new AuthService(em, config).authenticate(req.headers.authorization);
      if (!viewer) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Sign in: send Authorization: Bearer <token>');
        return;
      }
      if (!CAP_FEED_ROLES.includes(viewer.role)) {
        res.status(403).type('text/plain').send('This feed is for partner organisations');
        return;
      }
      const since = new Date(Date.now() - FEED_DAYS * 86_400_000);
      const alerts = await em.find(Alert, { status: { $in: [AlertStatus.PUBLISHED, AlertStatus.WITHDRAWN] }, publishedAt: { $gte: since }, archivedAt: null }, {
        populate: ['targetAreas', 'corrects'],
        orderBy: { publishedAt: 'DESC' },
        limit: FEED_MAX,
      });
      const self = `${req.protocol}://${req.get('host')}${req.originalUrl.split('?')[0]}`;
      // An alert replaced by a published correction is superseded by the correction's Update.
      const replaced = new Set(alerts.filter((a) => a.status === AlertStatus.PUBLISHED && a.corrects).map((a) => a.corrects!.id));
      const entries = alerts.filter((a) => !replaced.has(a.id)).map((alert) => ({ alert, areas: alert.targetAreas.getItems(), corrects: alert.corrects ?? null }));
      res.type('application/atom+xml').set('Cache-Control', 'no-store').send(capAtomFeed(entries, self));
    } catch (err) {
      if (err instanceof UnauthenticatedError) {
        res.status(401).type('text/plain').send(err.message);
        return;
      }
      logger.error('cap feed failed', { error: err instanceof Error ? err.name : 'Error' });
      res.status(500).type('text/plain').send('Internal server error');
    }
  };
}
