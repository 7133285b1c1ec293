import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENV_VARS } from '../src/config';

const ROOT = path.resolve(__dirname, '../..');

/** The names under `environment:` of one service in docker-compose.yml (map style). */
function environmentOf(service: string): string[] {
  const lines = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l === `  ${service}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  let inEnv = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {2}\S/.test(line) || /^\S/.test(line)) break; // next service or top-level key
    if (/^ {4}environment:\s*$/.test(line)) {
      inEnv = true;
      continue;
    }
    if (inEnv && /^ {6}[A-Z_]+:/.test(line)) names.push(line.trim().split(':')[0]);
    else if (inEnv && /^ {4}\S/.test(line)) inEnv = false;
  }
  return names;
}

describe('docker-compose.yml', () => {
  it('gives the app only environment variables that config.ts reads', () => {
    const names = environmentOf('app');
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'JWT_SECRET', 'LANTERN_ENCRYPTION_KEY']));
    expect(names.filter((n) => !(ENV_VARS as readonly string[]).includes(n))).toEqual([]);
  });

  it('runs the app in production against the postgres service', () => {
    const text = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).toMatch(/NODE_ENV: production/);
    expect(text).toMatch(/DATABASE_URL: postgresql:\/\/[^\n]*@postgres:5432\//);
    expect(text).toMatch(/image: postgres:/);
    expect(text).toMatch(/healthcheck:/);
  });

  it('the Dockerfile starts the compiled server', () => {
    expect(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/CMD \["node", "server\/dist\/main.js"\]/);
  });
});
