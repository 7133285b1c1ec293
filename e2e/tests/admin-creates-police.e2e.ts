import type { Browser, Page } from 'playwright-core';
import { AppShell } from '../pages/app-shell.page';
import { LoginPage } from '../pages/login.page';
import { UsersPage } from '../pages/users.page';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(() => closeBrowser());

const OFFICER = {
  email: `officer.${Date.now()}@kent.example.org`,
  name: 'PC Jordan Example',
  roleLabel: 'Police partner',
  password: 'kent-officer-pass-1',
  forceName: 'Kent Police',
};

describe('an admin sets up a police partner, who then sees only the police menu', () => {
  let page: Page;
  let offOrigin: string[];

  it('the admin signs in and sees the admin menu', async () => {
    ({ page, offOrigin } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await screenshot(page, '01-sign-in');
    await new LoginPage(page).signIn('admin@example.org', 'demo-password-1');
    const items = await new AppShell(page).menuItems();
    expect(items).toEqual(expect.arrayContaining(['Users', 'Forces']));
    await screenshot(page, '02-admin-home');
  });

  it('the admin creates a police-partner account for Kent', async () => {
    await new AppShell(page).goTo('Users');
    await page.getByText('admin@example.org').first().waitFor();
    await new UsersPage(page).create(OFFICER);
    await page.getByText(OFFICER.email).first().waitFor();
    await page.getByText('Kent Police').first().waitFor();
    await screenshot(page, '03-officer-created');
  });

  it('the admin signs out', async () => {
    await new AppShell(page).signOut();
    await new LoginPage(page).isShown();
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });

  it('the officer signs in and sees only what a police partner may see', async () => {
    ({ page, offOrigin } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(OFFICER.email, OFFICER.password);
    const items = await new AppShell(page).menuItems();
    expect(items).toEqual(['Dashboard', 'Reports', 'Requests', 'Alerts', 'My force', 'Funding', 'Training sessions', 'Training invitations']);
    await screenshot(page, '04-officer-home');

    // The users page is not theirs: the dashboard does not offer it...
    await page.goto('/#/users');
    await page.getByText('Access denied').first().waitFor();
    expect(await page.getByText('admin@example.org').count()).toBe(0);
    await screenshot(page, '05-officer-users-refused');
    // ...and the server refuses it anyway.
    const token = await page.evaluate(() => {
      for (const store of [sessionStorage, localStorage]) {
        for (let i = 0; i < store.length; i++) {
          const value = store.getItem(store.key(i)!) ?? '';
          const match = /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(value);
          if (match) return match[0];
        }
      }
      return null;
    });
    expect(token).toEqual(expect.any(String));
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ users { totalCount } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });
});
