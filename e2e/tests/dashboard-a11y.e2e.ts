import type { Browser, Page } from 'playwright-core';
import { DashboardPage } from '../pages/dashboard.page';
import { LoginPage } from '../pages/login.page';
import { expectAccessible } from '../support/axe';
import { launchBrowser, newPage } from '../support/browser';
import { baseUrl } from '../support/server';

/** The staff dashboard's whole page (app bar, menu and content) for people using screen readers. */
let browser: Browser;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  ({ page } = await newPage(browser, baseUrl()));
});
afterAll(async () => close());

describe('the dashboard shell', () => {
  it('has no serious or critical accessibility violation (axe-core), menu and app bar included', async () => {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('manager@example.org', 'demo-password-1');
    await new DashboardPage(page).waitForCharts(['chart-officers-trained']);
    await expectAccessible(page, 'dashboard-shell');
  });

  it('the reports list and a report, as a case worker, too', async () => {
    ({ page } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('caseworker@example.org', 'demo-password-1');
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/#\/reports$/);
    await page.locator('table tbody tr').first().waitFor();
    await expectAccessible(page, 'reports-list');
    await page.locator('table tbody tr').first().click();
    await page.getByRole('tab').first().waitFor();
    await expectAccessible(page, 'report-show');
  });
});
