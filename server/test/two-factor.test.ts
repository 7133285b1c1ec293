import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RATE_LIMITS } from '../src/modules/rate-limit/rate-limit';
import { decrypt } from '../src/common/crypto';
import { ConfigError, loadConfig } from '../src/config';
import { hashPassword } from '../src/modules/auth/password';
import { normaliseRecoveryCode, recoveryCodeHash } from '../src/modules/auth/recovery-codes';
import { stepAt, totpCodeAt, TOTP_STEP_SECONDS } from '../src/modules/auth/totp';
import { Force } from '../src/modules/force/force.entity';
import { User } from '../src/modules/user/user.entity';
import { Role } from '../src/policy/roles';
import { codesOf, startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server';

/**
 * Two-factor sign-in end to end over real HTTP: enrolment, sign-in with a code or a recovery
 * code, replays, the same answer for a wrong code as for a wrong password, turning it off, an
 * administrator's reset, who may see what, secrets at rest, and the production requirement for
 * ADMIN and POLICE_PARTNER accounts.
 *
 * Every test uses accounts of its own (the sign-in rate limit is 10 per account per 15 minutes).
 */

const PASSWORD = 'two-factor-test-password';
const SIGN_IN_FAILED = 'The e-mail, password or code is not right, or the account cannot sign in';

const LOGIN = `mutation ($email: String!, $password: String!, $totp: String) {
  login(email: $email, password: $password, totp: $totp) { token twoFactorEnrolmentRequired user { id email } }
}`;
const START = 'mutation { startTwoFactorEnrolment { otpauthUri qrCodeDataUrl secret expiresAt } }';
const CONFIRM = 'mutation ($code: String!) { confirmTwoFactorEnrolment(code: $code) { recoveryCodes token expiresAt } }';
const DISABLE = 'mutation ($password: String!, $code: String!) { disableTwoFactor(password: $password, code: $code) }';
const REGENERATE = 'mutation ($code: String!) { regenerateRecoveryCodes(code: $code) }';
const RESET = 'mutation ($id: ID!) { resetTwoFactor(id: $id) { id twoFactorEnabled } }';
const ME = '{ me { id twoFactorEnabled twoFactor { enabled enabledAt required recoveryCodesRemaining } } }';

let server: TestServer;
let prod: TestServer;
beforeAll(async () => {
  [server, prod] = await Promise.all([
    startTestServer(),
    // Production-like: what loadConfig gives with NODE_ENV=production (checked below).
    startTestServer({ nodeEnv: 'production', isProduction: true, demo: false, twoFactorRequiredRoles: [Role.ADMIN, Role.POLICE_PARTNER] }),
  ]);
});
afterAll(() => Promise.all([server?.close(), prod?.close()]));

let counter = 0;

/** A fresh account straight in the database (no admin sign-ins spent on making it). */
async function newAccount(on: TestServer, role: Role): Promise<{ id: string; email: string }> {
  const em = on.orm.em.fork();
  const email = `tf-${role.toLowerCase()}-${++counter}-${randomBytes(3).toString('hex')}@example.org`;
  const force = role === Role.POLICE_PARTNER ? await em.findOneOrFail(Force, { code: 'kent' }) : null;
  const user = em.create(User, { email, name: `Two-factor ${counter}`, role, force, passwordHash: await hashPassword(PASSWORD) });
  await em.flush();
  return { id: user.id, email };
}

const login = (on: TestServer, email: string, totp?: string, password = PASSWORD) => on.gql(LOGIN, { email, password, totp });

async function tokenOf(on: TestServer, email: string, totp?: string): Promise<string> {
  const res = await login(on, email, totp);
  if (!res.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/**
 * Codes are for 30-second steps and the server accepts one step either side. A test that uses
 * the codes of the previous, current and next step must not straddle a step boundary: wait until
 * at least 12 seconds of the current step remain.
 */
async function awayFromStepEdge(): Promise<number> {
  const left = () => TOTP_STEP_SECONDS * 1000 - (Date.now() % (TOTP_STEP_SECONDS * 1000));
  if (left() < 12_000) await new Promise((r) => setTimeout(r, left() + 50));
  return Date.now();
}
/** The app's code for the step `offset` steps from `base` (a time from awayFromStepEdge). */
const codeAt = (secret: string, base: number, offset = 0) => totpCodeAt(secret, base + offset * TOTP_STEP_SECONDS * 1000);

interface Enrolled {
  id: string;
  email: string;
  secret: string;
  token: string;
  recoveryCodes: string[];
  /** A time in the step the enrolment happened in: the previous step's code confirmed it. */
  base: number;
}

/**
 * A fresh account with two-factor sign-in on, confirmed with the PREVIOUS step's code, so that the
 * current and the next step's codes are each usable once afterwards.
 */
async function enrolled(on: TestServer = server, role: Role = Role.CASE_WORKER): Promise<Enrolled> {
  const account = await newAccount(on, role);
  const first = await tokenOf(on, account.email);
  const base = await awayFromStepEdge();
  const start = await on.gql(START, {}, first);
  expect(start.errors).toBeUndefined();
  const secret = start.data!.startTwoFactorEnrolment.secret as string;
  const done = await on.gql(CONFIRM, { code: codeAt(secret, base, -1) }, first);
  expect(done.errors).toBeUndefined();
  const { token, recoveryCodes } = done.data!.confirmTwoFactorEnrolment;
  return { ...account, secret, token, recoveryCodes, base };
}

async function sql<T = Record<string, any>>(on: TestServer, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: on.dbUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const errorMessage = (res: GraphQLResponse) => res.errors?.[0]?.message;

describe('enrolment', () => {
  it('shows a QR code of an otpauth URI (issuer Lantern, the e-mail as label) and keeps the pending secret encrypted, not yet required', async () => {
    const { id, email } = await newAccount(server, Role.MANAGER);
    const token = await tokenOf(server, email);
    const res = await server.gql(START, {}, token);
    expect(res.errors).toBeUndefined();
    const { otpauthUri, qrCodeDataUrl, secret, expiresAt } = res.data!.startTwoFactorEnrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Lantern:${email}`);
    expect(uri.searchParams.get('issuer')).toBe('Lantern');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());

    const [row] = await sql(server, 'select totp_pending_encrypted, totp_secret_encrypted, two_factor_enabled_at from app_user where id = $1', [id]);
    expect(row.totp_pending_encrypted).toMatch(/^v1:/);
    expect(row.totp_pending_encrypted).not.toContain(secret);
    expect(row.totp_secret_encrypted).toBeNull();
    expect(row.two_factor_enabled_at).toBeNull();
    // Pending is not on: signing in still needs only the password.
    expect((await login(server, email)).errors).toBeUndefined();
    expect((await server.gql(ME, {}, token)).data!.me.twoFactor).toMatchObject({ enabled: false, required: false, recoveryCodesRemaining: 0 });
  });

  it('limits the starts on one account (each writes a pending secret and draws a QR code); a refused start changes nothing', async () => {
    const { id, email } = await newAccount(server, Role.CASE_WORKER);
    const token = await tokenOf(server, email);
    const { limit } = RATE_LIMITS.twoFactorStartsPerAccount;
    let last = '';
    for (let i = 0; i < limit; i++) {
      const res = await server.gql(START, {}, token);
      expect(res.errors).toBeUndefined();
      last = res.data!.startTwoFactorEnrolment.secret;
    }
    const [before] = await sql(server, 'select totp_pending_encrypted, totp_pending_expires_at from app_user where id = $1', [id]);
    const refused = await server.gql(START, {}, token);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await sql(server, 'select totp_pending_encrypted, totp_pending_expires_at from app_user where id = $1', [id])).toEqual([before]);
    // The last secret shown is still the one to confirm with.
    const done = await server.gql(CONFIRM, { code: codeAt(last, await awayFromStepEdge()) }, token);
    expect(done.errors).toBeUndefined();
  });

  it('refuses a wrong first code (naming the field) and changes nothing', async () => {
    const { id, email } = await newAccount(server, Role.CASE_WORKER);
    const token = await tokenOf(server, email);
    const base = await awayFromStepEdge();
    const { secret } = (await server.gql(START, {}, token)).data!.startTwoFactorEnrolment;
    const wrong = String((Number(codeAt(secret, base)) + 1) % 1_000_000).padStart(6, '0');
    const res = await server.gql(CONFIRM, { code: wrong }, token);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('code');
    const [row] = await sql(server, 'select totp_secret_encrypted, two_factor_enabled_at from app_user where id = $1', [id]);
    expect(row).toEqual({ totp_secret_encrypted: null, two_factor_enabled_at: null });
    expect(await sql(server, 'select 1 from recovery_code where user_id = $1', [id])).toHaveLength(0);
  });

  it('refuses to confirm without a started enrolment, or after it expired', async () => {
    const { id, email } = await newAccount(server, Role.CASE_WORKER);
    const token = await tokenOf(server, email);
    const none = await server.gql(CONFIRM, { code: '123456' }, token);
    expect(codesOf(none)).toEqual(['BAD_USER_INPUT']);
    const base = await awayFromStepEdge();
    const { secret } = (await server.gql(START, {}, token)).data!.startTwoFactorEnrolment;
    await sql(server, `update app_user set totp_pending_expires_at = now() - interval '1 second' where id = $1`, [id]);
    const late = await server.gql(CONFIRM, { code: codeAt(secret, base) }, token);
    expect(codesOf(late)).toEqual(['BAD_USER_INPUT']);
    expect((await sql(server, 'select two_factor_enabled_at from app_user where id = $1', [id]))[0].two_factor_enabled_at).toBeNull();
  });

  it('the first code turns it on: ten recovery codes once, a new token, and every other session ends', async () => {
    const account = await newAccount(server, Role.MANAGER);
    const other = await tokenOf(server, account.email);
    const first = await tokenOf(server, account.email);
    const base = await awayFromStepEdge();
    const { secret } = (await server.gql(START, {}, first)).data!.startTwoFactorEnrolment;
    const res = await server.gql(CONFIRM, { code: codeAt(secret, base) }, first);
    expect(res.errors).toBeUndefined();
    const { recoveryCodes, token } = res.data!.confirmTwoFactorEnrolment;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);

    // Sessions signed in with the password alone end; the new token works.
    expect(codesOf(await server.gql(ME, {}, other))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await server.gql(ME, {}, first))).toEqual(['UNAUTHENTICATED']);
    const me = await server.gql(ME, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ twoFactorEnabled: true, twoFactor: { enabled: true, required: false, recoveryCodesRemaining: 10 } });

    // Once on, it cannot be started again (turn it off first), and the old secret stays.
    expect(codesOf(await server.gql(START, {}, token))).toEqual(['CONFLICT']);
    expect(codesOf(await server.gql(CONFIRM, { code: codeAt(secret, base, 1) }, token))).toEqual(['CONFLICT']);
    const events = await sql(server, 'select kind, actor_id from security_event where user_id = $1', [account.id]);
    expect(events).toEqual([{ kind: 'TWO_FACTOR_ENABLED', actor_id: account.id }]);
  });

  it('needs a signed-in caller', async () => {
    expect(codesOf(await server.gql(START))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await server.gql(CONFIRM, { code: '123456' }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await server.gql(REGENERATE, { code: '123456' }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await server.gql(DISABLE, { password: PASSWORD, code: '123456' }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('secrets at rest', () => {
  it('keeps the TOTP secret only encrypted (bound to the account) and recovery codes only as hashes; the plain column is gone', async () => {
    const a = await enrolled();
    const [row] = await sql(server, 'select * from app_user where id = $1', [a.id]);
    expect(row).not.toHaveProperty('totp_secret');
    const stored = row.totp_secret_encrypted as string;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(a.secret);
    expect(JSON.stringify(row)).not.toContain(a.secret);
    // It is the secret, under the configured key, and only for this account.
    expect(decrypt(stored, server.config.encryptionKey, `app_user:${a.id}:totp`)).toBe(a.secret);
    expect(() => decrypt(stored, server.config.encryptionKey, `app_user:${randomBytes(8).toString('hex')}:totp`)).toThrow();
    expect(row.totp_pending_encrypted).toBeNull();

    const columns = await sql(server, `select column_name from information_schema.columns where table_name = 'app_user' and column_name like 'totp%'`);
    expect(columns.map((c) => c.column_name).sort()).toEqual(['totp_last_step', 'totp_pending_encrypted', 'totp_pending_expires_at', 'totp_secret_encrypted']);

    const codes = await sql(server, 'select * from recovery_code where user_id = $1', [a.id]);
    expect(codes).toHaveLength(10);
    const dump = JSON.stringify(codes);
    for (const code of a.recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(normaliseRecoveryCode(code)!);
    }
    expect(codes.map((c) => c.code_hash).sort()).toEqual(a.recoveryCodes.map((c) => recoveryCodeHash(a.id, normaliseRecoveryCode(c)!)).sort());
  });
});

describe('signing in with two-factor sign-in on', () => {
  it('asks for the code (TWO_FACTOR_REQUIRED) only after the right password', async () => {
    const a = await enrolled();
    const noCode = await login(server, a.email);
    expect(codesOf(noCode)).toEqual(['TWO_FACTOR_REQUIRED']);
    expect(noCode.data).toBeNull();
    const wrongPassword = await login(server, a.email, undefined, 'not-the-password-at-all');
    expect(codesOf(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorMessage(wrongPassword)).toBe(SIGN_IN_FAILED);
    // An empty code is no code.
    expect(codesOf(await login(server, a.email, '  '))).toEqual(['TWO_FACTOR_REQUIRED']);
  });

  it('a wrong code answers exactly like a wrong password, and counts towards the lock-out', async () => {
    const a = await enrolled();
    const wrongCode = String((Number(codeAt(a.secret, a.base)) + 500_000) % 1_000_000).padStart(6, '0');
    const byCode = await login(server, a.email, wrongCode);
    const byPassword = await login(server, a.email, codeAt(a.secret, a.base), 'not-the-password-at-all');
    const unknown = await login(server, `nobody-${a.email}`, wrongCode);
    for (const res of [byCode, byPassword, unknown]) {
      expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
      expect(errorMessage(res)).toBe(SIGN_IN_FAILED);
      expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    expect(codesOf(await login(server, a.email, 'not-a-recovery-code'))).toEqual(['UNAUTHENTICATED']);
    const [row] = await sql(server, 'select failed_login_count from app_user where id = $1', [a.id]);
    expect(row.failed_login_count).toBe(3);
  });

  it('accepts the current code once: the same code again is refused (replay), even at the same instant', async () => {
    const a = await enrolled();
    const code = codeAt(a.secret, a.base);
    const ok = await login(server, a.email, code);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.login.twoFactorEnrolmentRequired).toBe(false);
    const again = await login(server, a.email, code);
    expect(codesOf(again)).toEqual(['UNAUTHENTICATED']);
    expect(errorMessage(again)).toBe(SIGN_IN_FAILED);
    // The previous step's code (older than the one used) is refused too.
    expect(codesOf(await login(server, a.email, codeAt(a.secret, a.base, -1)))).toEqual(['UNAUTHENTICATED']);

    // The next step's code, sent three times at once: exactly one sign-in.
    const next = codeAt(a.secret, a.base, 1);
    const results = await Promise.all([1, 2, 3].map(() => login(server, a.email, next)));
    expect(results.filter((r) => r.data?.login?.token)).toHaveLength(1);
    expect(results.filter((r) => codesOf(r)[0] === 'UNAUTHENTICATED')).toHaveLength(2);
    const [row] = await sql(server, 'select totp_last_step from app_user where id = $1', [a.id]);
    expect(Number(row.totp_last_step)).toBe(stepAt(a.base) + 1);
  });

  it('accepts a recovery code once (in any case, with or without dashes), also at the same instant', async () => {
    const a = await enrolled();
    const [first, second] = a.recoveryCodes;
    const ok = await login(server, a.email, first.toUpperCase().replace(/-/g, ' '));
    expect(ok.errors).toBeUndefined();
    expect(codesOf(await login(server, a.email, first))).toEqual(['UNAUTHENTICATED']);
    const me = await server.gql(ME, {}, ok.data!.login.token);
    expect(me.data!.me.twoFactor.recoveryCodesRemaining).toBe(9);

    const results = await Promise.all([1, 2, 3].map(() => login(server, a.email, second)));
    expect(results.filter((r) => r.data?.login?.token)).toHaveLength(1);
    expect((await server.gql(ME, {}, ok.data!.login.token)).data!.me.twoFactor.recoveryCodesRemaining).toBe(8);
    const used = await sql(server, `select count(*)::int as n from security_event where user_id = $1 and kind = 'RECOVERY_CODE_USED'`, [a.id]);
    expect(used[0].n).toBe(2);
  });

  it("another account's recovery code does not work", async () => {
    const [a, b] = await Promise.all([enrolled(), enrolled()]);
    expect(codesOf(await login(server, a.email, b.recoveryCodes[0]))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('recovery codes and turning it off', () => {
  it('regenerateRecoveryCodes needs a current code; the old codes stop working, the new ones work', async () => {
    const a = await enrolled();
    const wrong = await server.gql(REGENERATE, { code: a.recoveryCodes[0] }, a.token);
    expect(codesOf(wrong)).toEqual(['FORBIDDEN']);
    expect(errorMessage(wrong)).toBe('The password or code is not right');
    const res = await server.gql(REGENERATE, { code: codeAt(a.secret, a.base) }, a.token);
    expect(res.errors).toBeUndefined();
    const fresh = res.data!.regenerateRecoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => a.recoveryCodes.includes(c))).toEqual([]);
    // The code used to regenerate cannot be used again.
    expect(codesOf(await server.gql(REGENERATE, { code: codeAt(a.secret, a.base) }, a.token))).toEqual(['FORBIDDEN']);
    expect(codesOf(await login(server, a.email, a.recoveryCodes[1]))).toEqual(['UNAUTHENTICATED']);
    expect((await login(server, a.email, fresh[0])).errors).toBeUndefined();
  });

  it('disableTwoFactor needs the password and a code, answers both failures alike, and counts them', async () => {
    const a = await enrolled();
    const code = codeAt(a.secret, a.base);
    const wrongPassword = await server.gql(DISABLE, { password: 'not-the-password-at-all', code }, a.token);
    const wrongCode = await server.gql(DISABLE, { password: PASSWORD, code: '000000' === code ? '111111' : '000000' }, a.token);
    for (const res of [wrongPassword, wrongCode]) {
      expect(codesOf(res)).toEqual(['FORBIDDEN']);
      expect(errorMessage(res)).toBe('The password or code is not right');
    }
    const [counted] = await sql(server, 'select failed_login_count, two_factor_enabled_at from app_user where id = $1', [a.id]);
    expect(counted.failed_login_count).toBe(2);
    expect(counted.two_factor_enabled_at).not.toBeNull();

    const res = await server.gql(DISABLE, { password: PASSWORD, code: a.recoveryCodes[0] }, a.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.disableTwoFactor).toBe(true);
    const [row] = await sql(server, 'select totp_secret_encrypted, two_factor_enabled_at, totp_pending_encrypted, totp_last_step from app_user where id = $1', [a.id]);
    expect(row).toEqual({ totp_secret_encrypted: null, two_factor_enabled_at: null, totp_pending_encrypted: null, totp_last_step: null });
    expect(await sql(server, 'select 1 from recovery_code where user_id = $1', [a.id])).toHaveLength(0);
    expect((await login(server, a.email)).errors).toBeUndefined();
    const kinds = (await sql(server, 'select kind from security_event where user_id = $1 order by at', [a.id])).map((e) => e.kind);
    expect(kinds).toEqual(['TWO_FACTOR_ENABLED', 'RECOVERY_CODE_USED', 'TWO_FACTOR_DISABLED']);
  });

  it('the audit trail is append-only', async () => {
    const a = await enrolled();
    await expect(sql(server, 'update security_event set kind = $2 where user_id = $1', [a.id, 'TWO_FACTOR_DISABLED'])).rejects.toThrow(/append-only/);
    await expect(sql(server, 'delete from security_event where user_id = $1', [a.id])).rejects.toThrow(/append-only/);
  });
});

describe("an administrator's reset", () => {
  it('turns it off, ends every session of the account and is audited', async () => {
    const a = await enrolled(server, Role.POLICE_PARTNER);
    const admin = await newAccount(server, Role.ADMIN);
    const adminToken = await tokenOf(server, admin.email);
    const res = await server.gql(RESET, { id: a.id }, adminToken);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resetTwoFactor).toEqual({ id: a.id, twoFactorEnabled: false });
    expect(codesOf(await server.gql(ME, {}, a.token))).toEqual(['UNAUTHENTICATED']);
    expect((await login(server, a.email)).errors).toBeUndefined();
    expect(await sql(server, 'select 1 from recovery_code where user_id = $1', [a.id])).toHaveLength(0);
    const [event] = await sql(server, `select actor_id, actor_role from security_event where user_id = $1 and kind = 'TWO_FACTOR_RESET'`, [a.id]);
    expect(event).toEqual({ actor_id: admin.id, actor_role: 'ADMIN' });
  });

  it('is for administrators only, never on their own account, and an unknown id is NOT_FOUND', async () => {
    const a = await enrolled();
    for (const role of [Role.MANAGER, Role.CASE_WORKER, Role.POLICE_PARTNER, Role.MEMBER]) {
      const res = await server.gql(RESET, { id: a.id }, await server.tokenFor(role));
      expect({ role, codes: codesOf(res) }).toEqual({ role, codes: ['FORBIDDEN'] });
    }
    // A signed-in account that could otherwise act: a's own session may not reset itself this way either.
    expect(codesOf(await server.gql(RESET, { id: a.id }, a.token))).toEqual(['FORBIDDEN']);
    expect((await sql(server, 'select two_factor_enabled_at from app_user where id = $1', [a.id]))[0].two_factor_enabled_at).not.toBeNull();

    const admin = await newAccount(server, Role.ADMIN);
    const adminToken = await tokenOf(server, admin.email);
    const self = await server.gql(RESET, { id: admin.id }, adminToken);
    expect(codesOf(self)).toEqual(['BAD_USER_INPUT']);
    expect(self.errors![0].extensions!.field).toBe('id');
    expect(codesOf(await server.gql(RESET, { id: '00000000-0000-4000-8000-000000000000' }, adminToken))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(RESET, { id: 'not-an-id' }, adminToken))).toEqual(['NOT_FOUND']);
  });
});

describe('who sees what (policy rows)', () => {
  const OTHER = 'query ($id: ID!) { user(id: $id) { id twoFactorEnabled } }';
  const OTHER_STATUS = 'query ($id: ID!) { user(id: $id) { id twoFactor { enabled recoveryCodesRemaining } } }';

  it('an administrator and the account holder see whether it is on; other staff do not; police and members do not even see the account', async () => {
    const a = await enrolled();
    const admin = await server.gql(OTHER, { id: a.id }, await server.tokenFor(Role.ADMIN));
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.user).toEqual({ id: a.id, twoFactorEnabled: true });
    expect((await server.gql(OTHER, { id: a.id }, a.token)).data!.user.twoFactorEnabled).toBe(true);
    for (const role of [Role.MANAGER, Role.CASE_WORKER]) {
      const res = await server.gql(OTHER, { id: a.id }, await server.tokenFor(role));
      expect({ role, codes: codesOf(res), data: res.data }).toEqual({ role, codes: ['FORBIDDEN'], data: { user: { id: a.id, twoFactorEnabled: null } } });
    }
    for (const role of [Role.POLICE_PARTNER, Role.MEMBER]) {
      expect({ role, codes: codesOf(await server.gql(OTHER, { id: a.id }, await server.tokenFor(role))) }).toEqual({ role, codes: ['NOT_FOUND'] });
    }
  });

  it('recovery codes left and the rest of User.twoFactor: the account holder alone, not even an administrator', async () => {
    const a = await enrolled();
    expect((await server.gql(OTHER_STATUS, { id: a.id }, a.token)).data!.user.twoFactor).toEqual({ enabled: true, recoveryCodesRemaining: 10 });
    for (const role of [Role.ADMIN, Role.MANAGER, Role.CASE_WORKER]) {
      const res = await server.gql(OTHER_STATUS, { id: a.id }, await server.tokenFor(role));
      expect({ role, codes: codesOf(res), status: res.data?.user?.twoFactor }).toEqual({ role, codes: ['FORBIDDEN'], status: null });
    }
  });
});

describe('sessions end on deactivation and password change', () => {
  it('updateUser(active: false) and resetPassword end every session of the account', async () => {
    const adminToken = await server.tokenFor(Role.ADMIN);
    const a = await newAccount(server, Role.CASE_WORKER);
    const t1 = await tokenOf(server, a.email);
    await server.gql('mutation ($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }', { id: a.id }, adminToken);
    expect(codesOf(await server.gql(ME, {}, t1))).toEqual(['UNAUTHENTICATED']);
    await server.gql('mutation ($id: ID!) { updateUser(id: $id, input: { active: true }) { id } }', { id: a.id }, adminToken);
    const t2 = await tokenOf(server, a.email);
    await server.gql('mutation ($id: ID!) { resetPassword(id: $id, password: "a-brand-new-password") { id } }', { id: a.id }, adminToken);
    expect(codesOf(await server.gql(ME, {}, t2))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('required for ADMIN and POLICE_PARTNER in production', () => {
  it('production requires it of ADMIN and POLICE_PARTNER (and cannot be told otherwise); elsewhere of nobody unless configured', () => {
    const secrets = { JWT_SECRET: 'x'.repeat(40), LANTERN_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).twoFactorRequiredRoles).toEqual([Role.ADMIN, Role.POLICE_PARTNER]);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets, LANTERN_REQUIRE_TWO_FACTOR_ROLES: 'admin, POLICE_PARTNER, MANAGER' }).twoFactorRequiredRoles).toEqual([Role.ADMIN, Role.POLICE_PARTNER, Role.MANAGER]);
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, LANTERN_REQUIRE_TWO_FACTOR_ROLES: 'ADMIN' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, LANTERN_REQUIRE_TWO_FACTOR_ROLES: 'ADMIN,KING,POLICE_PARTNER' })).toThrow(/LANTERN_REQUIRE_TWO_FACTOR_ROLES/);
    // Members cannot set it up (the members' page has no set-up): requiring it would lock them out.
    expect(() => loadConfig({ NODE_ENV: 'test', ...secrets, LANTERN_REQUIRE_TWO_FACTOR_ROLES: 'MEMBER' })).toThrow(/LANTERN_REQUIRE_TWO_FACTOR_ROLES/);
    expect(loadConfig({ NODE_ENV: 'test', ...secrets }).twoFactorRequiredRoles).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test', ...secrets, LANTERN_REQUIRE_TWO_FACTOR_ROLES: 'CASE_WORKER' }).twoFactorRequiredRoles).toEqual([Role.CASE_WORKER]);
  });

  it('a police partner without it signs in to a session that can only turn it on; then everything works, with a code', async () => {
    const officer = await newAccount(prod, Role.POLICE_PARTNER);
    const res = await login(prod, officer.email);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.twoFactorEnrolmentRequired).toBe(true);
    const token = res.data!.login.token;

    // Everything but enrolment, `me` and signing out is refused with a code saying why.
    for (const query of ['{ reports { totalCount } }', '{ forces { totalCount } }', '{ alerts { totalCount } }', '{ policeRequests { totalCount } }', `{ user(id: "${officer.id}") { id } }`]) {
      const refused = await prod.gql(query, {}, token);
      expect({ query, codes: codesOf(refused), data: refused.data }).toEqual({ query, codes: ['TWO_FACTOR_ENROLMENT_REQUIRED'], data: null });
    }
    const createRequest = await prod.gql('mutation { createPoliceRequest(input: { kind: INCIDENT_INTELLIGENCE, question: "Anything on this incident?" }) { id } }', {}, token);
    expect(codesOf(createRequest)).toEqual(['TWO_FACTOR_ENROLMENT_REQUIRED']);
    expect(await sql(prod, 'select 1 from police_request where requested_by_id = $1', [officer.id])).toHaveLength(0);
    // The alerts feed for partners refuses it too.
    const feed = await fetch(prod.url.replace('/graphql', '/feeds/alerts.cap.xml'), { headers: { authorization: `Bearer ${token}` } });
    expect(feed.status).toBe(401);

    const me = await prod.gql('{ me { id email role twoFactorEnabled twoFactor { enabled required } } }', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ id: officer.id, role: 'POLICE_PARTNER', twoFactorEnabled: false, twoFactor: { enabled: false, required: true } });

    const base = await awayFromStepEdge();
    const { secret } = (await prod.gql(START, {}, token)).data!.startTwoFactorEnrolment;
    const done = await prod.gql(CONFIRM, { code: codeAt(secret, base, -1) }, token);
    expect(done.errors).toBeUndefined();
    const full = done.data!.confirmTwoFactorEnrolment.token;
    expect(codesOf(await prod.gql('{ reports { totalCount } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    const reports = await prod.gql('{ reports { totalCount } }', {}, full);
    expect(reports.errors).toBeUndefined();

    // From now on signing in needs the code, and gives a full session.
    expect(codesOf(await login(prod, officer.email))).toEqual(['TWO_FACTOR_REQUIRED']);
    const again = await login(prod, officer.email, codeAt(secret, base));
    expect(again.data!.login.twoFactorEnrolmentRequired).toBe(false);
    expect((await prod.gql('{ forces { totalCount } }', {}, again.data!.login.token)).errors).toBeUndefined();

    // Turning it off puts the account back to "enrol first" at once.
    const off = await prod.gql(DISABLE, { password: PASSWORD, code: codeAt(secret, base, 1) }, full);
    expect(off.data!.disableTwoFactor).toBe(true);
    expect(codesOf(await prod.gql('{ forces { totalCount } }', {}, full))).toEqual(['TWO_FACTOR_ENROLMENT_REQUIRED']);
  });

  it('an administrator without it cannot manage accounts until it is on', async () => {
    const admin = await newAccount(prod, Role.ADMIN);
    const token = await tokenOf(prod, admin.email);
    const email = `never-made-${randomBytes(3).toString('hex')}@example.org`;
    const res = await prod.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Never', role: 'MANAGER', password: 'a-long-password-1' } }, token);
    expect(codesOf(res)).toEqual(['TWO_FACTOR_ENROLMENT_REQUIRED']);
    expect(await sql(prod, 'select 1 from app_user where email = $1', [email])).toHaveLength(0);
    const other = await enrolled(prod, Role.POLICE_PARTNER);
    expect(codesOf(await prod.gql(RESET, { id: other.id }, token))).toEqual(['TWO_FACTOR_ENROLMENT_REQUIRED']);
    expect((await sql(prod, 'select two_factor_enabled_at from app_user where id = $1', [other.id]))[0].two_factor_enabled_at).not.toBeNull();
    // It may sign itself out everywhere.
    expect((await prod.gql('mutation { signOutEverywhere }', {}, token)).data!.signOutEverywhere).toBe(true);
    expect(codesOf(await prod.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('other roles keep it optional in production', async () => {
    const worker = await newAccount(prod, Role.CASE_WORKER);
    const res = await login(prod, worker.email);
    expect(res.data!.login.twoFactorEnrolmentRequired).toBe(false);
    const reports = await prod.gql('{ reports { totalCount } me { twoFactor { required } } }', {}, res.data!.login.token);
    expect(reports.errors).toBeUndefined();
    expect(reports.data!.me.twoFactor.required).toBe(false);
  });

  it('outside production nobody is obliged (the development server lets an admin without it work)', async () => {
    const admin = await newAccount(server, Role.ADMIN);
    const res = await login(server, admin.email);
    expect(res.data!.login.twoFactorEnrolmentRequired).toBe(false);
    expect((await server.gql('{ users { totalCount } }', {}, res.data!.login.token)).errors).toBeUndefined();
  });
});
