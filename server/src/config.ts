import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { Role } from './policy/roles';

/**
 * Every environment variable Lantern reads, parsed and validated here and nowhere else.
 * docker-compose.yml and the README name only variables from this list (a test checks it).
 */
export const ENV_VARS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'LANTERN_DATA_DIR',
  'JWT_SECRET',
  'LANTERN_ENCRYPTION_KEY',
  'LANTERN_DEMO',
  'LANTERN_DASHBOARD_DIR',
  'LANTERN_MEMBER_DIR',
  'LANTERN_SUBGRAPH',
  'SMTP_URL',
  'LANTERN_MAIL_FROM',
  'LANTERN_STATEMENT_TIMEOUT_MS',
  'LANTERN_CORS_ORIGINS',
  'LANTERN_TRUST_PROXY',
  'LANTERN_RETAIN_CONTACT_MONTHS',
  'LANTERN_RETAIN_REPORT_MONTHS',
  'LANTERN_RETAIN_ACCESS_EVENTS_YEARS',
  'LANTERN_ARCHIVE_ALERTS_DAYS',
  'LANTERN_RETAIN_OPERATIONAL_DAYS',
  'LANTERN_RETENTION_CRON',
  'LANTERN_REQUIRE_TWO_FACTOR_ROLES',
] as const;
export type EnvVar = (typeof ENV_VARS)[number];
export type Env = Partial<Record<EnvVar, string>>;

export interface Config {
  nodeEnv: 'production' | 'development' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** An external PostgreSQL; undefined means "start the embedded one under dataDir". */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  /** 32 bytes for AES-256-GCM at-rest encryption of contact details. */
  encryptionKey: Buffer;
  /** Seed demo accounts on an empty database. Never in production. */
  demo: boolean;
  /** Where the built dashboard lives; served at `/` when present. */
  dashboardDir: string;
  /** Where the built members' page lives; served at `/member/` when present. */
  memberDir?: string;
  /** Lifetime of a sign-in token. */
  tokenTtlSeconds: number;
  /** Serve /graphql as an Apollo Federation 2 subgraph (adds _service and _entities). */
  subgraph: boolean;
  /** Longest a request's SQL statement may run before PostgreSQL cancels it (migrations are exempt). */
  statementTimeoutMs: number;
  /** Browser origins allowed to call /graphql (CORS); none by default: same origin only. */
  corsOrigins: string[];
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed (addresses, subnets, or proxy-addr's
   * names loopback, linklocal, uniquelocal): the caller's address for the per-address rate
   * limits is then the first address in front of them. None by default: the socket's address.
   */
  trustProxy: string[];
  /**
   * Roles whose accounts must use two-factor sign-in: such an account without it may sign in only
   * to turn it on. ADMIN and POLICE_PARTNER always in production; none by default elsewhere.
   */
  twoFactorRequiredRoles: Role[];
  /** The retention schedules (modules/retention), applied daily by a pg-boss job. */
  retention: RetentionConfig;
  /** Where alert e-mails go out (smtp:// or smtps://); unset: they wait in the queue. */
  smtpUrl?: string;
  mailFrom: string;
}

/** How long personal data is kept (see modules/retention/retention.service.ts). */
export interface RetentionConfig {
  /** A member's contact details are removed this many months after their last activity (last case closed, report, consent change, sign-in), when nothing of theirs is open. */
  contactMonths: number;
  /** A closed report's narrative, location, summaries, case notes and police-contact details are removed this many months after its last activity; its statistics remain. */
  reportMonths: number;
  /** Access events (who read what) are deleted after this many years. */
  accessEventYears: number;
  /** Expired or withdrawn alerts are archived this many days later. */
  alertArchiveDays: number;
  /** Members' identifier checks and used idempotency keys are deleted after this many days (expired rate-limit counters at once). */
  operationalDays: number;
  /** When the retention job runs (cron, Europe/London). */
  cron: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Accounts that can reach the most (administrators, police officers) always use two-factor sign-in in production. */
export const PRODUCTION_TWO_FACTOR_ROLES: readonly Role[] = [Role.ADMIN, Role.POLICE_PARTNER];
/** The roles that can be required to use it: every dashboard role. */
const TWO_FACTOR_ROLES: Role[] = [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER];

const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    errorMap: () => ({ message: 'must be 0/1, true/false, yes/no or on/off' }),
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** proxy-addr's own reading of a trust list: true when it accepts every entry. */
function compilesAsProxies(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LANTERN_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LANTERN_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  LANTERN_DEMO: boolish.optional(),
  LANTERN_DASHBOARD_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'dashboard', 'dist')),
  LANTERN_MEMBER_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'member', 'dist')),
  LANTERN_SUBGRAPH: boolish.optional(),
  LANTERN_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // Origins (scheme://host[:port]) of partner web apps that may call /graphql from a browser.
  LANTERN_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)), 'must be a comma-separated list of origins like https://partner.example.org'),
  // The reverse proxy in front of Lantern (TLS): its address or subnet, e.g. 10.0.0.5 or 172.16.0.0/12.
  LANTERN_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((a) => a.trim()).filter(Boolean))
    .refine(compilesAsProxies, 'must be a comma-separated list of IP addresses or subnets (e.g. 10.0.0.5, 172.16.0.0/12), or loopback, linklocal, uniquelocal'),
  LANTERN_REQUIRE_TWO_FACTOR_ROLES: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(',').map((r) => r.trim().toUpperCase()).filter(Boolean)))
    // Not MEMBER: the members' page has no two-factor set-up, so members would be locked out.
    .refine((list) => !list || list.every((r) => (TWO_FACTOR_ROLES as string[]).includes(r)), `must be a comma-separated list of roles (${TWO_FACTOR_ROLES.join(', ')})`),
  LANTERN_RETAIN_CONTACT_MONTHS: z.coerce.number().int().min(1).max(600).default(24),
  LANTERN_RETAIN_REPORT_MONTHS: z.coerce.number().int().min(12).max(1200).default(72),
  LANTERN_RETAIN_ACCESS_EVENTS_YEARS: z.coerce.number().int().min(1).max(100).default(6),
  LANTERN_ARCHIVE_ALERTS_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // At least 2 days: the identifier checker counts a member's checks over the last day.
  LANTERN_RETAIN_OPERATIONAL_DAYS: z.coerce.number().int().min(2).max(3650).default(30),
  LANTERN_RETENTION_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a 5-field cron expression, e.g. "30 3 * * *"')
    .default('30 3 * * *'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  LANTERN_MAIL_FROM: z.string().min(3).default('Lantern alerts <alerts@lantern.invalid>'),
});

interface DevSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Outside production, secrets that are not given are generated once and kept in the data dir,
 * so that tokens and encrypted data survive a restart.
 */
function devSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Env = process.env as Env): Config {
  const raw: Record<string, string | undefined> = {};
  for (const name of ENV_VARS) {
    const value = env[name];
    raw[name] = value === undefined || value === '' ? undefined : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.LANTERN_DATA_DIR);

  let jwtSecret = e.JWT_SECRET;
  let encryptionKey = e.LANTERN_ENCRYPTION_KEY;
  if (isProduction) {
    const missing = [
      !jwtSecret && 'JWT_SECRET',
      !encryptionKey && 'LANTERN_ENCRYPTION_KEY',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new ConfigError(
        `NODE_ENV=production requires these secrets to be set: ${missing.join(', ')}`,
      );
    }
    if (e.LANTERN_DEMO === true) {
      throw new ConfigError('LANTERN_DEMO cannot be switched on in production');
    }
    const weakened = PRODUCTION_TWO_FACTOR_ROLES.filter((r) => e.LANTERN_REQUIRE_TWO_FACTOR_ROLES && !e.LANTERN_REQUIRE_TWO_FACTOR_ROLES.includes(r));
    if (weakened.length > 0) {
      throw new ConfigError(`LANTERN_REQUIRE_TWO_FACTOR_ROLES must include ${PRODUCTION_TWO_FACTOR_ROLES.join(' and ')} in production (missing: ${weakened.join(', ')})`);
    }
  } else if (!jwtSecret || !encryptionKey) {
    const generated = devSecrets(dataDir);
    jwtSecret ??= generated.jwtSecret;
    encryptionKey ??= generated.encryptionKey;
  }

  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    jwtSecret: jwtSecret!,
    encryptionKey: Buffer.from(encryptionKey!, 'base64'),
    demo: !isProduction && e.LANTERN_DEMO !== false,
    dashboardDir: path.resolve(e.LANTERN_DASHBOARD_DIR),
    memberDir: path.resolve(e.LANTERN_MEMBER_DIR),
    tokenTtlSeconds: 60 * 60,
    subgraph: e.LANTERN_SUBGRAPH === true,
    statementTimeoutMs: e.LANTERN_STATEMENT_TIMEOUT_MS,
    corsOrigins: e.LANTERN_CORS_ORIGINS,
    trustProxy: e.LANTERN_TRUST_PROXY,
    twoFactorRequiredRoles: (e.LANTERN_REQUIRE_TWO_FACTOR_ROLES ?? (isProduction ? PRODUCTION_TWO_FACTOR_ROLES : [])) as Role[],
    retention: {
      contactMonths: e.LANTERN_RETAIN_CONTACT_MONTHS,
      reportMonths: e.LANTERN_RETAIN_REPORT_MONTHS,
      accessEventYears: e.LANTERN_RETAIN_ACCESS_EVENTS_YEARS,
      alertArchiveDays: e.LANTERN_ARCHIVE_ALERTS_DAYS,
      operationalDays: e.LANTERN_RETAIN_OPERATIONAL_DAYS,
      cron: e.LANTERN_RETENTION_CRON,
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.LANTERN_MAIL_FROM,
  };
}
