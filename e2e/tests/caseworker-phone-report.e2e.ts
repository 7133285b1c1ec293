import type { Browser, Page } from 'playwright-core';
import { AppShell } from '../pages/app-shell.page';
import { LoginPage } from '../pages/login.page';
import { ReportIntakePage } from '../pages/report-intake.page';
import { CasePage, ReportPage } from '../pages/report.page';
import { forceIdByName, gql, signIn } from '../support/api';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let offOrigin: string[];
let earlierReference: string;
const PHONE = '07700 900 314';

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  // An earlier report, taken through the API, that carries the same phone number written differently.
  const token = await signIn('caseworker@example.org');
  const earlier = await gql<{ createReport: { reference: string } }>(
    'mutation ($input: CreateReportInput!) { createReport(input: $input) { reference } }',
    {
      input: {
        channel: 'EMAIL',
        forceAreaId: await forceIdByName('Avon and Somerset Police', token),
        incidentDate: '2026-01-10',
        incidentTypes: ['THREATS'],
        narrative: 'Threatening messages after a booking.',
        identifiers: [{ kind: 'PHONE', value: '+447700900314' }],
        consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true },
      },
    },
    token,
  );
  earlierReference = earlier.createReport.reference;
  ({ page, offOrigin } = await newPage(browser, baseUrl()));
});
afterAll(async () => {
  await page?.context().close();
  await closeBrowser();
});

describe('a case worker takes a phone report and runs the case', () => {
  it('signs in and takes the report on the guided form', async () => {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('caseworker@example.org', 'demo-password-1');
    await new AppShell(page).goTo('Reports');
    await page.getByRole('link', { name: 'Create' }).click();
    const form = new ReportIntakePage(page);
    await form.fill({
      incidentTypes: ['Violence', 'Robbery or theft'],
      incidentDate: '2026-02-14',
      forceArea: 'Avon and Somerset Police',
      location: 'Client’s flat, north of the city centre',
      perpetrator: 'Man in his 40s, grey van',
      identifiers: [
        { type: 'Phone number', value: PHONE },
        { type: 'Vehicle registration', value: 'wx21 abc' },
      ],
      account: 'The client refused to pay, hit her and took her phone.',
      policeSummary: 'Assault and robbery by a client in a private flat.',
      policeConsent: /^Anonymous intelligence/,
      alerts: 'Yes',
      statistics: 'Yes',
    });
    await screenshot(page, '10-intake-filled');
    // The form sends an idempotency key, so a save retried after a dropped connection never makes a second report.
    const sent = page.waitForRequest((req) => req.url().endsWith('/graphql') && (req.postData() ?? '').includes('createReport'));
    await form.save();
    const input = JSON.parse((await sent).postData()!).variables.input;
    expect(input.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await screenshot(page, '11-report-created');
  });

  it('sees the identifiers normalised and the consent recorded', async () => {
    const report = new ReportPage(page);
    await report.tab('Identifiers');
    await page.getByText('+447700900314').first().waitFor();
    await page.getByText('WX21ABC').first().waitFor();
    await report.tab('Consent');
    await page.getByRole('heading', { name: 'Consent history' }).waitFor();
    await screenshot(page, '12-consent');
  });

  it('finds the earlier report through the shared phone number', async () => {
    await new ReportPage(page).tab('Linked reports');
    const link = page.getByRole('link', { name: earlierReference });
    await link.waitFor();
    await screenshot(page, '13-linked-reports');
  });

  it('opens a case and adds a note', async () => {
    await new ReportPage(page).openCase();
    const casePage = new CasePage(page);
    await casePage.addNote('Called her back: she is safe, wants the warning out, no police contact for now.');
    await page.getByText('Called her back: she is safe').waitFor();
    await page.getByRole('button', { name: 'Move to Active' }).waitFor();
    await screenshot(page, '14-case-with-note');
    expect(offOrigin).toEqual([]);
  });
});
