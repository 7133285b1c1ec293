import { SignJWT } from 'jose';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../src/modules/auth/auth.service';
import { argon2id } from '../src/modules/auth/password';
import { signToken } from '../src/modules/auth/token';
import { encrypt } from '../src/common/crypto';
import { totpCodeAt } from '../src/modules/auth/totp';
import { User } from '../src/modules/user/user.entity';
import { registerMember } from './helpers/fixtures';
import { codesOf, DEMO_PASSWORD, startTestServer, type TestServer } from './helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const LOGIN = `mutation ($email: String!, $password: String!, $totp: String) {
  login(email: $email, password: $password, totp: $totp) { token expiresAt user { id email role force { name } } }
}`;
const ME = '{ me { id email name role } }';

const login = (email: string, password: string, totp?: string) => server.gql(LOGIN, { email, password, totp });
const userRow = (email: string) => server.orm.em.fork().findOneOrFail(User, { email });
/** The account's security events, oldest first: kind, whose, by whom, as what. */
const securityEvents = (userId: string) =>
  server.orm.em.fork().getConnection().execute<{ kind: string; user_id: string; actor_id: string; actor_role: string }[]>(
    'select kind, user_id, actor_id, actor_role from security_event where user_id = ? order by at, kind',
    [userId],
  );

describe('login', () => {
  it('signs in with the right password and returns a token and the user', async () => {
    const res = await login('police.kent@example.org', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toMatchObject({ email: 'police.kent@example.org', role: 'POLICE_PARTNER', force: { name: 'Kent Police' } });
    expect(new Date(res.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await server.gql(ME, {}, res.data!.login.token);
    expect(me.data!.me.email).toBe('police.kent@example.org');
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const res = await login('  Manager@Example.ORG ', DEMO_PASSWORD);
    expect(res.data!.login.user.email).toBe('manager@example.org');
  });

  it('answers a wrong password and an unknown e-mail with the same error', async () => {
    const wrong = await login('caseworker@example.org', 'not-the-password');
    const unknown = await login('nobody@example.org', 'not-the-password');
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.data).toBeNull();
  });

  it('does the same argon2id work for an unknown e-mail, a locked account and a wrong password (no timing tell)', async () => {
    // The server runs in this process, so the one argon2 verification per attempt can be counted.
    await server.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: 'locked@example.org', name: 'Locked', role: 'MANAGER', password: 'a-long-password-1' } }, await server.tokenFor('ADMIN' as never));
    await server.orm.em.fork().nativeUpdate(User, { email: 'locked@example.org' }, { lockedUntil: new Date(Date.now() + 600_000) });
    const spy = jest.spyOn(argon2id, 'verify');
    try {
      for (const email of ['ghost@example.org', 'admin@example.org', 'locked@example.org']) {
        spy.mockClear();
        await login(email, 'not-the-password-either');
        expect({ email, verifications: spy.mock.calls.length }).toEqual({ email, verifications: 1 });
      }
    } finally {
      spy.mockRestore();
      await server.orm.em.fork().nativeUpdate(User, { email: 'admin@example.org' }, { failedLoginCount: 0 });
    }
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} failures for ${LOCKOUT_MINUTES} minutes, even with the right password`, async () => {
    const email = 'police.avon@example.org';
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect(codesOf(await login(email, `wrong-${i}`))).toEqual(['UNAUTHENTICATED']);
    }
    const locked = await userRow(email);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
    const refused = await login(email, DEMO_PASSWORD);
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);

    // The lock-out expires: move it into the past, as if 15 minutes had gone by.
    await server.orm.em.fork().nativeUpdate(User, { email }, { lockedUntil: new Date(Date.now() - 1000) });
    const after = await login(email, DEMO_PASSWORD);
    expect(after.errors).toBeUndefined();
    const reset = await userRow(email);
    expect(reset.failedLoginCount).toBe(0);
    expect(reset.lockedUntil).toBeNull();
  });

  it('counts failures that arrive at the same time (no lost updates)', async () => {
    const email = 'manager@example.org';
    await Promise.all(Array.from({ length: MAX_FAILED_LOGINS }, (_, i) => login(email, `guess-${i}`)));
    const row = await userRow(email);
    expect(row.lockedUntil).not.toBeNull();
    await server.orm.em.fork().nativeUpdate(User, { email }, { lockedUntil: null, failedLoginCount: 0 });
  });

  it('refuses a deactivated user, and their existing tokens stop working', async () => {
    const adminToken = await server.tokenFor('ADMIN' as never);
    const created = await server.gql(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: 'leaver@example.org', name: 'Leaver', role: 'CASE_WORKER', password: 'a-long-password-1' } },
      adminToken,
    );
    const id = created.data!.createUser.id;
    const token = await server.login('leaver@example.org', 'a-long-password-1');
    expect((await server.gql(ME, {}, token)).data!.me.id).toBe(id);

    await server.gql('mutation ($id: ID!) { deactivateUser(id: $id) { id active } }', { id }, adminToken);
    const stale = await server.gql(ME, {}, token);
    expect(codesOf(stale)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await login('leaver@example.org', 'a-long-password-1'))).toEqual(['UNAUTHENTICATED']);
  });

  it('requires the TOTP code when two-factor sign-in is on (enrolment and the rest: two-factor.test.ts)', async () => {
    const email = 'caseworker@example.org';
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // RFC 6238's "12345678901234567890"
    const { id } = await userRow(email);
    const totpSecretEncrypted = encrypt(secret, server.config.encryptionKey, `app_user:${id}:totp`);
    await server.orm.em.fork().nativeUpdate(User, { email }, { totpSecretEncrypted, twoFactorEnabledAt: new Date() });
    try {
      expect(codesOf(await login(email, DEMO_PASSWORD))).toEqual(['TWO_FACTOR_REQUIRED']);
      expect(codesOf(await login(email, DEMO_PASSWORD, '000000'))).toEqual(['UNAUTHENTICATED']);
      const ok = await login(email, DEMO_PASSWORD, totpCodeAt(secret));
      expect(ok.errors).toBeUndefined();
    } finally {
      await server.orm.em.fork().nativeUpdate(User, { email }, { totpSecretEncrypted: null, twoFactorEnabledAt: null, totpLastStep: null, failedLoginCount: 0, lockedUntil: null });
    }
  });
});

describe('tokens', () => {
  it('answers UNAUTHENTICATED for an expired token', async () => {
    const user = await userRow('admin@example.org');
    const { token } = await signToken({ sub: user.id, tv: user.tokenVersion }, server.config.jwtSecret, 60, new Date(Date.now() - 3600_000));
    expect(codesOf(await server.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a bad token with HTTP 401 and a plain message', async () => {
    const res = await server.gql(ME, {}, 'not-a-token');
    expect(res.status).toBe(401);
    expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0].message).toBe('Your session is not valid; please sign in again');
  });

  it('answers UNAUTHENTICATED for a tampered token', async () => {
    const token = await server.tokenFor('POLICE_KENT');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const admin = await userRow('admin@example.org');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: admin.id })).toString('base64url');
    expect(codesOf(await server.gql(ME, {}, `${header}.${forged}.${signature}`))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers UNAUTHENTICATED for a token signed with another secret, or with alg none', async () => {
    const admin = await userRow('admin@example.org');
    const other = await signToken({ sub: admin.id, tv: 0 }, 'another-secret-that-is-long-enough-000', 600);
    expect(codesOf(await server.gql(ME, {}, other.token))).toEqual(['UNAUTHENTICATED']);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: admin.id, tv: 0, iss: 'lantern', aud: 'lantern-api', exp: 9999999999 })).toString('base64url')}.`;
    expect(codesOf(await server.gql(ME, {}, none))).toEqual(['UNAUTHENTICATED']);
    const hs512 = await new SignJWT({ tv: 0 }).setProtectedHeader({ alg: 'HS512' }).setSubject(admin.id).setIssuer('lantern').setAudience('lantern-api').setExpirationTime('5m').sign(new TextEncoder().encode(server.config.jwtSecret));
    expect(codesOf(await server.gql(ME, {}, hs512))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers UNAUTHENTICATED with no token for a field that needs one', async () => {
    const res = await server.gql(ME);
    expect(codesOf(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('revokes existing tokens when an admin resets the password', async () => {
    const adminToken = await server.tokenFor('ADMIN' as never);
    const token = await server.login('police.kent@example.org');
    const kent = await userRow('police.kent@example.org');
    const res = await server.gql('mutation ($id: ID!, $password: String!) { resetPassword(id: $id, password: $password) { id } }', { id: kent.id, password: 'a-new-long-password' }, adminToken);
    expect(res.errors).toBeUndefined();
    expect(codesOf(await server.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await login('police.kent@example.org', DEMO_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    expect((await login('police.kent@example.org', 'a-new-long-password')).errors).toBeUndefined();
    const admin = await userRow('admin@example.org');
    expect(await securityEvents(kent.id)).toEqual([{ kind: 'PASSWORD_RESET', user_id: kent.id, actor_id: admin.id, actor_role: 'ADMIN' }]);
  });
});

describe('signOutEverywhere', () => {
  it('ends every session of the caller at once, and no one else’s', async () => {
    const first = await server.login('caseworker@example.org');
    const second = await server.login('caseworker@example.org');
    const other = await server.login('manager@example.org');
    const res = await server.gql('mutation { signOutEverywhere }', {}, first);
    expect(res.data).toEqual({ signOutEverywhere: true });
    for (const token of [first, second]) {
      const me = await server.gql('{ me { id } }', {}, token);
      expect(codesOf(me)).toEqual(['UNAUTHENTICATED']);
      expect(me.status).toBe(401);
    }
    expect((await server.gql('{ me { email } }', {}, other)).data!.me.email).toBe('manager@example.org');
    // Signing in again works, with a new token.
    const again = await server.login('caseworker@example.org');
    expect((await server.gql('{ me { email } }', {}, again)).data!.me.email).toBe('caseworker@example.org');
    // Recorded for the staff account, once; nothing for the other account.
    const caseWorker = await userRow('caseworker@example.org');
    expect(await securityEvents(caseWorker.id)).toEqual([{ kind: 'SESSIONS_REVOKED', user_id: caseWorker.id, actor_id: caseWorker.id, actor_role: 'CASE_WORKER' }]);
    expect(await securityEvents((await userRow('manager@example.org')).id)).toEqual([]);
  });

  it("ends a member's sessions too, and keeps no record of it (the trail is append-only and outlives an erasure)", async () => {
    const member = await registerMember(server, 'signs-out@example.org');
    expect((await server.gql('mutation { signOutEverywhere }', {}, member.token)).data).toEqual({ signOutEverywhere: true });
    expect(codesOf(await server.gql('{ me { id } }', {}, member.token))).toEqual(['UNAUTHENTICATED']);
    expect(await securityEvents(member.userId)).toEqual([]);
  });

  it('needs a session', async () => {
    expect(codesOf(await server.gql('mutation { signOutEverywhere }'))).toEqual(['UNAUTHENTICATED']);
  });
});
