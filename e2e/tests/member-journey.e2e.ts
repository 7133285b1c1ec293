import type { Browser, Page } from 'playwright-core';
import { MemberPage } from '../pages/member.page';
import { forceIdByName, gql, signIn } from '../support/api';
import { expectAccessible } from '../support/axe';
import { consoleErrorsOf, launchBrowser, newPage, PHONE, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

/**
 * A member on a phone (360 px wide): registers, chooses an area, reports with anonymous police
 * consent, gets a receipt; an officer of that force reads the report; the member sees the read,
 * withdraws police consent and sees it in the history; reads alerts and checks a number; leaves
 * with "Quick exit". Every screen is checked with axe-core, and nothing leaves this origin.
 */

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let offOrigin: string[];
let member: MemberPage;
let reportId: string;
let reference: string;
let consoleErrors: string[];

const RUN = Date.now().toString(36);
const EMAIL = `e2e.member.${RUN}@example.org`;
const PASSWORD = 'a long safe passphrase';
const ALERT_TITLE = `E2E alert ${RUN}`;
// A number on a published alert (set up through the API below), and one on no alert.
const ALERT_PHONE = `07700 900${String(Date.now() % 1000).padStart(3, '0')}`;
const OTHER_PHONE = '07700 900 999';
const EXIT_URL = 'https://www.bbc.co.uk/weather';

/** Drafts an alert from a consented report, has it reviewed, approved by a manager and published. */
async function publishAlert(): Promise<void> {
  const cw = await signIn('caseworker@example.org');
  const manager = await signIn('manager@example.org');
  const avon = await forceIdByName('Avon and Somerset Police', cw);
  const { createReport } = await gql<{ createReport: { id: string } }>(
    'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
    {
      input: {
        channel: 'PHONE',
        forceAreaId: avon,
        incidentDate: '2026-03-02',
        incidentTypes: ['VIOLENCE'],
        narrative: 'A client became violent and refused to pay.',
        identifiers: [{ kind: 'PHONE', value: ALERT_PHONE }],
        consent: { police: 'NONE', alerts: true },
      },
    },
    cw,
  );
  const { createAlert } = await gql<{ createAlert: { id: string } }>(
    'mutation ($input: AlertInput!) { createAlert(input: $input) { id } }',
    {
      input: {
        title: ALERT_TITLE,
        body: 'A man who books by phone became violent and refused to pay.',
        targetAreaIds: [avon],
        incidentTypes: ['VIOLENCE'],
        sourceReportIds: [createReport.id],
        shownIdentifiers: [{ kind: 'PHONE', value: ALERT_PHONE }],
      },
    },
    cw,
  );
  const id = createAlert.id;
  await gql('mutation ($id: ID!) { submitAlertForReview(id: $id) { id } }', { id }, cw);
  await gql('mutation ($id: ID!) { approveAlert(id: $id) { id } }', { id }, manager);
  const { publishAlert: published } = await gql<{ publishAlert: { status: string } }>('mutation ($id: ID!) { publishAlert(id: $id) { status } }', { id }, cw);
  expect(published.status).toBe('PUBLISHED');
}

beforeAll(async () => {
  await publishAlert();
  ({ browser, close: closeBrowser } = await launchBrowser());
  ({ page, offOrigin } = await newPage(browser, baseUrl(), PHONE));
  consoleErrors = consoleErrorsOf(page);
  member = new MemberPage(page);
});
afterAll(async () => {
  await page?.context().close();
  await closeBrowser?.();
});

describe('the members’ page, on a phone', () => {
  it('opens with "Quick exit" first in the focus order, and fits a 360 px screen', async () => {
    await member.open();
    await member.heading('Stay safer at work').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Quick exit');
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'start');
    await screenshot(page, '40-member-start');
  });

  it('a new member registers and chooses the area they work in', async () => {
    await member.register({ email: EMAIL, password: PASSWORD, name: 'Robin', workSetting: 'Indoors, on my own (flat, hotel, outcalls)' });
    await member.heading('My areas and settings').waitFor();
    await page.getByText('Welcome, Robin.').waitFor();
    await member.chooseArea('South West', 'Avon and Somerset Police');
    await expectAccessible(page, 'areas');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved. You will see alerts for 1 area.').waitFor();
    await screenshot(page, '41-member-areas');
  });

  it('reports an incident with anonymous police consent, one question at a time, and gets a receipt', async () => {
    await member.goTo('Report');
    await member.reportIncident(
      {
        incidentTypes: ['They hurt me or attacked me', 'They did not pay, or paid with fake money'],
        date: '2026-03-14',
        forceArea: 'Avon and Somerset Police',
        place: 'E2E secret place, near the station',
        looks: 'Tall, about 40, grey coat',
        contact: [{ kind: 'Phone number', value: '07700 900 321' }],
        narrative: 'E2E narrative: he became violent when I asked for the money.',
        consent: { alerts: true, anonymous: true, talk: false, statistics: true },
      },
      async (step) => {
        // One heading per step (the previous step's is gone), then the accessibility check.
        expect({ step, headings: await page.getByRole('heading', { level: 1 }).count() }).toEqual({ step, headings: 1 });
        await expectAccessible(page, step);
        if (step === 'consent-police-anonymous') await screenshot(page, '42-member-consent-question');
      },
    );
    reference = await member.receiptReference();
    expect(reference).toMatch(/^LN-\d{4}-\d{6}$/);
    reportId = await member.receiptReportId();
    await page.getByText('We may tell the police, without your name or details.').first().waitFor();
    await page.getByText('Nothing goes to the police.').waitFor({ state: 'detached' });
    await expectAccessible(page, 'receipt');
    await screenshot(page, '43-member-receipt');
  });

  it('an Avon and Somerset officer can read it (through the API), but never the member’s own words', async () => {
    const police = await signIn('police.avon@example.org');
    const { report } = await gql<{ report: { reference: string; policeSummary: string | null } }>('query ($id: ID!) { report(id: $id) { reference policeSummary } }', { id: reportId }, police);
    expect(report.reference).toBe(reference);
    await expect(gql('query ($id: ID!) { report(id: $id) { narrative } }', { id: reportId }, police)).rejects.toThrow(/FORBIDDEN/);
  });

  it('the member sees who read it, withdraws police consent (confirmed), and sees the change in the history', async () => {
    await member.goTo('My reports');
    await member.heading('My reports').waitFor();
    await expectAccessible(page, 'my-reports');
    await page.getByRole('link', { name: reference }).click();
    await member.heading(`Report ${reference}`).waitFor();

    const reads = member.section('Who has read your report');
    await reads.getByText('Avon and Somerset Police').waitFor();
    expect(await reads.innerText()).toMatch(/Avon and Somerset Police read it on \d{1,2} \w+ \d{4} at \d{2}:\d{2}\. They saw .*the reference/);
    await member.section('What you agreed').getByText('The police for the area can see it without your name or details.').waitFor();
    await page.getByText('Show what you told us').click();
    await page.getByText('E2E secret place, near the station').waitFor();
    await expectAccessible(page, 'report-detail');
    await screenshot(page, '44-member-report-read-by-police');

    await page.getByRole('button', { name: 'Stop sharing with the police' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop sharing this report with the police?' });
    await dialog.waitFor();
    await expectAccessible(page, 'confirm-withdrawal');
    await screenshot(page, '45-member-confirm-withdrawal');
    await dialog.getByRole('button', { name: 'Yes, stop sharing' }).click();
    await page.getByRole('status').getByText('Done. The police can no longer see this report.').waitFor();
    await member.section('What you agreed').getByText('The police cannot see this report.').waitFor();

    const history = member.section('Changes to what you agreed');
    await history.getByText('Police: changed from “shared with the police without your name” to “not shared with the police”.').waitFor();
    expect(await history.getByText('You', { exact: false }).count()).toBeGreaterThan(0);
    // The read before the withdrawal stays on record.
    await member.section('Who has read your report').getByText('Avon and Somerset Police').waitFor();
    await expectAccessible(page, 'report-after-withdrawal');
    await screenshot(page, '46-member-after-withdrawal');

    // Effective at once: the officer's next read is refused, exactly as for a missing report.
    const police = await signIn('police.avon@example.org');
    await expect(gql('query ($id: ID!) { report(id: $id) { reference } }', { id: reportId }, police)).rejects.toThrow(/NOT_FOUND/);
  });

  it('sees the alerts for their area, newest first', async () => {
    await member.goTo('Alerts');
    await member.heading('Alerts for my areas').waitFor();
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: ALERT_TITLE }) });
    await card.waitFor();
    expect(await card.innerText()).toContain('Avon and Somerset Police');
    await expectAccessible(page, 'alerts');
    await screenshot(page, '47-member-alerts');
  });

  it('checks a number before a booking: a hit on a published alert, and an honest answer for a miss', async () => {
    await member.goTo('Check a number');
    await member.heading('Check before a booking').waitFor();
    await expectAccessible(page, 'check');
    await member.checkIdentifier('Phone number', `+44 ${ALERT_PHONE.slice(1)}`);
    await page.getByRole('heading', { name: 'Warning: 1 published alert mentions this phone number' }).waitFor();
    await page.getByRole('heading', { name: ALERT_TITLE }).waitFor();
    await expectAccessible(page, 'check-hit');
    await screenshot(page, '48-member-check-hit');

    await member.checkIdentifier('Phone number', OTHER_PHONE);
    await page.getByRole('heading', { name: 'No published alert mentions this phone number' }).waitFor();
    await page.getByText('This does not mean the person is safe.').waitFor();
    await expectAccessible(page, 'check-miss');
    await screenshot(page, '49-member-check-miss');
  });

  it('made no request to any other origin, and broke no rule of its Content-Security-Policy', () => {
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('"Quick exit" leaves at once and forgets the session', async () => {
    // The exit page is answered here, so the test needs no internet (and records no stray request).
    await page.context().route(`${EXIT_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
    await member.quickExit();
    await page.waitForURL(EXIT_URL);
    await page.getByRole('heading', { name: 'Weather' }).waitFor();
    // Back on the page, nothing is signed in and nothing was kept.
    await page.goto('/member/reports');
    await member.heading('Sign in').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(offOrigin).toEqual([]);
  });

  it('signs in again, and "Sign out" forgets the session too', async () => {
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('E-mail address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await member.heading('My reports').waitFor(); // back where they were going
    await page.getByRole('link', { name: reference }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1 + 1); // the token and its expiry, nothing else
    const token = await page.evaluate(() => sessionStorage.getItem('lantern.member.token'));
    expect((await gql('{ me { role } }', {}, token!)).me.role).toBe('MEMBER');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await member.heading('Sign in').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The server ended the session too: that token no longer works anywhere.
    const stillWorks = () => gql('{ me { role } }', {}, token!).then(() => true, (err: Error) => (/UNAUTHENTICATED/.test(err.message) ? false : Promise.reject(err)));
    for (let i = 0; await stillWorks(); i++) {
      if (i > 50) throw new Error('the token still works after signing out');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offOrigin).toEqual([]);
  });
});
