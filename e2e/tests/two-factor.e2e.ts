import { authenticator } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { AccountSecurityPage } from '../pages/account-security.page';
import { AppShell } from '../pages/app-shell.page';
import { LoginPage } from '../pages/login.page';
import { gql, signIn } from '../support/api';
import { expectAccessible } from '../support/axe';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl, startServer, stopServer, type RunningServer } from '../support/server';

/**
 * A case worker turns on two-factor sign-in from the dashboard (QR code, first code, recovery
 * codes shown once), then signs in again with a code from the app, and once with a recovery code.
 * The test is the authenticator app: it computes the codes from the key the page shows.
 */

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(() => closeBrowser());

const WORKER = { email: `two-factor.${Date.now()}@example.org`, name: 'Sam Twofactor', password: 'two-factor-pass-1' };

/** What the app shows now, or `steps` 30-second steps later (the server accepts one either side, each only once). */
const codeFor = (secret: string, steps = 0) => authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);

describe('two-factor sign-in from the dashboard', () => {
  let page: Page;
  let offOrigin: string[];
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    const admin = await signIn('admin@example.org');
    await gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { ...WORKER, role: 'CASE_WORKER' } }, admin);
  });

  it('the case worker opens Account security from the account menu and sees it is off', async () => {
    ({ page, offOrigin } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(WORKER.email, WORKER.password);
    await new AppShell(page).menuItems();
    const account = new AccountSecurityPage(page);
    await account.openFromAccountMenu();
    await account.status().filter({ hasText: 'Off.' }).waitFor();
  });

  it('scans the QR code (the key beside it), enters the first code, and gets ten recovery codes once', async () => {
    const account = new AccountSecurityPage(page);
    const shown = await account.startSetUp();
    secret = shown.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(shown.qrSrc).toMatch(/^data:image\/png;base64,/);
    await expectAccessible(page, 'account security: set-up');
    await screenshot(page, '60-two-factor-qr');

    await account.confirm(codeFor(secret));
    recoveryCodes = await account.recoveryCodes();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    await page.getByRole('button', { name: 'Download as a text file' }).waitFor();
    await expectAccessible(page, 'account security: recovery codes');
    await screenshot(page, '61-two-factor-recovery-codes');

    await account.savedRecoveryCodes();
    await account.status().filter({ hasText: 'On since' }).waitFor();
    await page.getByText('10 recovery codes left').waitFor();
    // Shown once: nowhere on the page any more.
    expect(await page.getByText(recoveryCodes[0]).count()).toBe(0);
  });

  it('signs out, and signing in again asks for the code after the password', async () => {
    await new AppShell(page).signOut();
    const login = new LoginPage(page);
    await login.isShown();
    await login.signIn(WORKER.email, WORKER.password);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await expectAccessible(page, 'sign-in: code');
    await screenshot(page, '62-two-factor-sign-in-code');

    // A wrong code: the one answer for every failure, and no way in.
    const wrong = String((Number(codeFor(secret)) + 1) % 1_000_000).padStart(6, '0');
    await login.enterCode(wrong);
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();

    // The next step's code (the current one was used to turn it on, and is never accepted twice).
    await login.enterCode(codeFor(secret, 1));
    const items = await new AppShell(page).menuItems();
    expect(items).toEqual(expect.arrayContaining(['Reports', 'Cases']));
  });

  it('a recovery code signs in too, once', async () => {
    await new AppShell(page).signOut();
    const login = new LoginPage(page);
    await login.isShown();
    await login.signIn(WORKER.email, WORKER.password);
    await login.enterCode(recoveryCodes[0]);
    await new AppShell(page).menuItems();
    const account = new AccountSecurityPage(page);
    await account.openFromAccountMenu();
    await page.getByText('9 recovery codes left').waitFor();
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });
});

describe('an account whose role requires two-factor sign-in (LANTERN_REQUIRE_TWO_FACTOR_ROLES, as in production)', () => {
  let server: RunningServer;
  let page: Page;

  // A server of its own, with the requirement on (outside production it is off by default).
  beforeAll(async () => {
    const before = process.env.LANTERN_REQUIRE_TWO_FACTOR_ROLES;
    process.env.LANTERN_REQUIRE_TWO_FACTOR_ROLES = 'ADMIN,POLICE_PARTNER';
    try {
      server = await startServer();
    } finally {
      if (before === undefined) delete process.env.LANTERN_REQUIRE_TWO_FACTOR_ROLES;
      else process.env.LANTERN_REQUIRE_TWO_FACTOR_ROLES = before;
    }
  }, 180_000);
  afterAll(async () => {
    if (server) await stopServer(server);
  }, 60_000);

  it('a police partner without it sees only the set-up, nothing else, until it is on', async () => {
    let offOrigin: string[];
    ({ page, offOrigin } = await newPage(browser, server.url));
    const refused: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = await response.text().catch(() => '');
      if (body.includes('TWO_FACTOR_ENROLMENT_REQUIRED')) refused.push(body);
    });
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('police.kent@example.org', 'demo-password-1');
    await page.getByRole('heading', { name: 'Turn on two-factor sign-in', level: 1 }).waitFor();
    // No menu, no data: the dashboard does not even ask for what the server would refuse.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible(page, 'forced set-up');
    await screenshot(page, '63-two-factor-required');

    const account = new AccountSecurityPage(page);
    const { secret: key } = await account.startSetUp();
    await account.confirm(codeFor(key));
    expect(await account.recoveryCodes()).toHaveLength(10);
    await account.savedRecoveryCodes();
    const items = await new AppShell(page).menuItems();
    expect(items).toEqual(expect.arrayContaining(['Reports', 'Requests']));
    expect(refused).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });
});
