/**
 * The few pieces of the built Lantern server (server/dist, CommonJS, no type declarations) that
 * the benchmark uses, loaded with require() and given the types we rely on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The build that `pnpm bench` makes; --lantern-dist can name another (e.g. a build of a commit). */
export const DEFAULT_SERVER_DIST = path.join(REPO_ROOT, 'server', 'dist');

export interface EmbeddedDatabase {
  url: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Orm {
  close(force?: boolean): Promise<void>;
}

export function lanternModules(serverDist = DEFAULT_SERVER_DIST) {
  const load = createRequire(path.join(serverDist, 'main.js'));
  // The entities use decorator metadata: reflect-metadata must be loaded before them.
  load('reflect-metadata');
  const embedded = load('./db/embedded-postgres.js') as {
    startEmbeddedPostgres(dir: string, options?: { log?: (line: string) => void; database?: string }): Promise<EmbeddedDatabase>;
    freePort(): Promise<number>;
  };
  const database = load('./db/database.js') as {
    openOrm(url: string): Promise<Orm>;
    prepareDatabase(orm: Orm, options: { demo: boolean; demoReports?: boolean }): Promise<{ seededDemo: boolean }>;
  };
  const token = load('./modules/auth/token.js') as {
    signToken(claims: { sub: string; tv: number }, secret: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }>;
  };
  return { ...embedded, ...database, ...token };
}

export type LanternModules = ReturnType<typeof lanternModules>;
