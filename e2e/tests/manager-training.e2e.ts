import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AppShell } from '../pages/app-shell.page';
import { DashboardPage } from '../pages/dashboard.page';
import { LoginPage } from '../pages/login.page';
import { TrainingPage } from '../pages/training.page';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

let browser: Browser;
let closeBrowser: () => Promise<void>;

/** Today in London, and its UK financial year (1 April to 31 March). */
function today(): { date: string; financialYear: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return { date, financialYear: `${start}/${String((start + 1) % 100).padStart(2, '0')}` };
}

/**
 * axe-core on the page's content (what this issue added: the charts, the summary, the police
 * page), failing on serious or critical problems. The app bar and menu around it are
 * react-admin's and are checked elsewhere.
 */
async function expectContentAccessible(page: Page, selector: string, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const problems = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, selector);
  if (problems.length > 0) throw new Error(`Accessibility problems on "${screen}":\n${problems.join('\n')}`);
}

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(() => closeBrowser());

describe('a manager records a training session with feedback and sees the officers-trained chart change', () => {
  let page: Page;
  let offOrigin: string[];
  let before: number;
  let beforeByYear: Record<string, number>;
  const OFFICERS = 17;
  const { date, financialYear } = today();
  const PROGRAMME = `E2E police training ${Date.now()}`;

  it('signs in and reads the officers-trained total on the dashboard', async () => {
    ({ page, offOrigin } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('manager@example.org', 'demo-password-1');
    const dashboard = new DashboardPage(page);
    before = await dashboard.officersTrainedTotal();
    beforeByYear = await dashboard.officersByYear();
    expect(before).toBeGreaterThan(0); // the demo data: over 200 officers in 2019/20 alone
    await dashboard.waitForCharts([
      'chart-funding-by-year',
      'chart-force-funding',
      'chart-officers-trained',
      'chart-intent-to-use',
      'chart-invitations',
      'chart-incident-types',
      'chart-police-consent',
      'chart-alerts',
    ]);
    await dashboard.chart('costs-avoided').getByText(/Unit costs/).first().waitFor();
    await page.mouse.move(0, 0); // no chart tooltip in the picture
    await screenshot(page, '40-manager-dashboard');
    await expectContentAccessible(page, '[data-testid="staff-dashboard"]', 'manager dashboard');
  });

  it('records a session for Kent with the UI form, then its feedback', async () => {
    const training = new TrainingPage(page);
    await new AppShell(page).goTo('Training sessions');
    await training.create({
      date,
      programme: PROGRAMME,
      forceName: 'Kent Police',
      officers: OFFICERS,
      location: 'Maidstone',
      trainer: { name: 'Sam', expertByExperience: true },
    });
    await page.getByRole('heading', { name: PROGRAMME, level: 1 }).waitFor();
    await training.recordFeedback(15, 14);
    await page.getByText('15 of the 17 officers answered; 14 of them (93%) intend to use the service.').waitFor();
    await screenshot(page, '41-training-session-with-feedback');
  });

  it('back on the dashboard, the officers-trained total has gone up by the session’s officers', async () => {
    await new AppShell(page).goTo('Dashboard');
    const dashboard = new DashboardPage(page);
    await dashboard.chart('chart-officers-trained').waitFor();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="chart-officers-trained"]')?.getAttribute('data-total-officers') === String(expected),
      before + OFFICERS,
    );
    expect(await dashboard.officersTrainedTotal()).toBe(before + OFFICERS);
    const afterByYear = await dashboard.officersByYear();
    expect(afterByYear[financialYear]).toBe((beforeByYear[financialYear] ?? 0) + OFFICERS);
    // the chart says it in words too (and in its table for screen readers)
    await dashboard.chart('chart-officers-trained').getByRole('rowheader', { name: financialYear, exact: true }).first().waitFor({ state: 'attached' });
    await page.mouse.move(0, 0);
    await screenshot(page, '42-dashboard-after-session');
  });

  it('opens the printable annual summary of the year', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.openAnnualSummary();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByRole('heading', { name: /Lantern: the year \d{4}\/\d{2}/ }).waitFor();
    await screenshot(page, '43-annual-summary');
    await expectContentAccessible(page, '[data-testid="annual-summary"]', 'annual summary');
    // and for the year of the new session, its officers are counted
    await page.goto(`/#/annual-summary/${financialYear.replace('/', '-')}`);
    await page.locator('[data-testid="summary-officers"]').waitFor();
    expect(Number(await page.locator('[data-testid="summary-officers"]').innerText())).toBe((beforeByYear[financialYear] ?? 0) + OFFICERS);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.RaSidebar-root, .RaAppBar-root').first().isVisible()).toBe(false);
    await screenshot(page, '44-annual-summary-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('can export the funding records as CSV, in pounds and in pence', async () => {
    await new AppShell(page).goTo('Funding');
    const exportButton = page.getByRole('button', { name: 'Export' });
    await exportButton.waitFor();
    await page.locator('[data-testid="funding-list-total"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const header = csv.split('\n')[0];
    expect(header).toContain('Amount (£)');
    expect(header).toContain('Amount (pence)');
    expect(header).not.toContain('Notes');
    expect(csv).toContain('Kent Police');
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });
});

describe("a police partner's home page shows only their own force's funding and training", () => {
  it('the Kent officer sees Kent’s funding, never Avon and Somerset’s, and no impact statistics', async () => {
    const { page, offOrigin } = await newPage(browser, baseUrl());
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('police.kent@example.org', 'demo-password-1');
    const dashboard = new DashboardPage(page);
    await dashboard.policeFunding().getByText(/In total: £/).waitFor();
    const funding = await dashboard.policeFunding().innerText();
    expect(funding).toContain('Kent');
    expect(funding).not.toContain('Avon and Somerset');
    await dashboard.policeTraining().waitFor();
    expect(await page.locator('[data-testid="chart-officers-trained"]').count()).toBe(0);
    expect(await new AppShell(page).menuItems()).toEqual(
      expect.arrayContaining(['Reports', 'Requests', 'Alerts', 'My force', 'Funding', 'Training sessions']),
    );
    await screenshot(page, '45-police-dashboard');
    await expectContentAccessible(page, '[data-testid="police-dashboard"]', 'police dashboard');
    // the funding list is theirs only, and has the CSV export too
    await new AppShell(page).goTo('Funding');
    await page.getByRole('button', { name: 'Export' }).waitFor();
    await page.getByText('Kent Police').first().waitFor();
    expect(await page.getByText('Avon and Somerset').count()).toBe(0);
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });
});
