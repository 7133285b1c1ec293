import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const tmp = () => {
  const root = path.join(os.tmpdir(), 'lantern-test');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  return mkdtempSync(path.join(root, 'config-'));
};
const KEY = Buffer.alloc(32, 7).toString('base64');
const SECRET = 'x'.repeat(40);

describe('loadConfig', () => {
  it('uses the documented defaults outside production', () => {
    const dir = tmp();
    const config = loadConfig({ LANTERN_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 4000, isProduction: false, demo: true, databaseUrl: undefined, host: '127.0.0.1' });
  });

  it('generates development secrets once, keeps them in the data dir, and reuses them', () => {
    const dir = tmp();
    const first = loadConfig({ LANTERN_DATA_DIR: dir });
    const second = loadConfig({ LANTERN_DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey).toHaveLength(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).jwtSecret).toBe(first.jwtSecret);
  });

  it('refuses to start in production without secrets, naming them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*LANTERN_ENCRYPTION_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toThrow(/LANTERN_ENCRYPTION_KEY/);
  });

  it('in production: no demo data, listens on all interfaces, and takes the given secrets', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, LANTERN_ENCRYPTION_KEY: KEY, DATABASE_URL: 'postgres://u:p@db:5432/lantern' });
    expect(config).toMatchObject({ isProduction: true, demo: false, host: '0.0.0.0', jwtSecret: SECRET, databaseUrl: 'postgres://u:p@db:5432/lantern' });
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, LANTERN_ENCRYPTION_KEY: KEY, LANTERN_DEMO: '1' })).toThrow(/LANTERN_DEMO/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LANTERN_ENCRYPTION_KEY: 'bm90IDMyIGJ5dGVz' }, 'LANTERN_ENCRYPTION_KEY'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LANTERN_DEMO: 'maybe' }, 'LANTERN_DEMO'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LANTERN_CORS_ORIGINS: 'partner.example.org' }, 'LANTERN_CORS_ORIGINS'],
    [{ LANTERN_CORS_ORIGINS: 'https://ok.example.org, *' }, 'LANTERN_CORS_ORIGINS'],
    [{ LANTERN_STATEMENT_TIMEOUT_MS: '5' }, 'LANTERN_STATEMENT_TIMEOUT_MS'],
    [{ LANTERN_TRUST_PROXY: 'proxy.example.org' }, 'LANTERN_TRUST_PROXY'],
    [{ LANTERN_TRUST_PROXY: '10.0.0.0/33' }, 'LANTERN_TRUST_PROXY'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig({ LANTERN_DATA_DIR: tmp(), ...env })).toThrow(new RegExp(name));
  });

  it('LANTERN_TRUST_PROXY: no proxy by default; addresses, subnets and named ranges as given', () => {
    expect(loadConfig({ LANTERN_DATA_DIR: tmp() }).trustProxy).toEqual([]);
    expect(loadConfig({ LANTERN_DATA_DIR: tmp(), LANTERN_TRUST_PROXY: ' 10.0.0.5, 172.16.0.0/12 ,loopback,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '172.16.0.0/12', 'loopback', 'fd00::/8']);
  });

  it('LANTERN_DEMO=0 turns the demo data off', () => {
    expect(loadConfig({ LANTERN_DATA_DIR: tmp(), LANTERN_DEMO: '0' }).demo).toBe(false);
  });
});
