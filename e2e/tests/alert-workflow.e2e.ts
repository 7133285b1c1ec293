import type { Browser, Page } from 'playwright-core';
import { AlertsPage } from '../pages/alerts.page';
import { AppShell } from '../pages/app-shell.page';
import { LoginPage } from '../pages/login.page';
import { forceIdByName, gql, signIn } from '../support/api';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let reference: string;
const TITLE = `E2E warning ${Date.now()}`;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const cw = await signIn('caseworker@example.org');
  const created = await gql<{ createReport: { reference: string } }>(
    'mutation ($input: CreateReportInput!) { createReport(input: $input) { reference } }',
    {
      input: {
        channel: 'PHONE',
        forceAreaId: await forceIdByName('Avon and Somerset Police', cw),
        incidentDate: '2026-03-10',
        incidentTypes: ['VIOLENCE'],
        narrative: 'A client became violent.',
        identifiers: [{ kind: 'PHONE', value: '07700 900 818' }],
        consent: { police: 'NONE', alerts: true },
      },
    },
    cw,
  );
  reference = created.createReport.reference;
});
afterAll(() => closeBrowser());

describe('an alert goes from a report to the members of its area, through two people', () => {
  it('a case worker drafts it, sees the postcode flagged, fixes it and submits it', async () => {
    ({ page } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('caseworker@example.org', 'demo-password-1');
    await new AppShell(page).goTo('Alerts');
    const alerts = new AlertsPage(page);
    await alerts.draft({ title: TITLE, text: 'A violent client who refused to pay, near BS1 6QF.', area: 'Avon and Somerset Police', incidentType: 'Violence', sourceReference: reference });
    await alerts.findings().getByText('BS1 6QF').waitFor();
    await screenshot(page, '30-alert-postcode-flagged');
    await alerts.replaceText('A violent client who refused to pay, in central Bristol.');
    await alerts.findings().getByText(/Nothing in the saved text/).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Sent to a manager for review').first().waitFor();
    await screenshot(page, '31-alert-submitted');
    await page.context().close();
  });

  it('a manager approves and publishes it', async () => {
    ({ page } = await newPage(browser, baseUrl()));
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('manager@example.org', 'demo-password-1');
    await new AppShell(page).goTo('Alerts');
    await page.getByText(TITLE).first().click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published/).first().waitFor();
    // Staff see how the e-mails are going (no SMTP server here: they wait in the outbox).
    await page.getByText('E-mails to members').waitFor();
    await page.getByText(/\d+ sent, \d+ waiting, \d+ failed/).waitFor();
    await screenshot(page, '32-alert-published');
    // A published alert can be corrected: a new draft, reviewed like any other.
    await page.getByRole('button', { name: 'Correct' }).waitFor();
    await page.context().close();
  });

  it('the demo member, who works in Avon and Somerset, has it in their feed', async () => {
    const member = await signIn('member@example.org');
    const { myAlerts } = await gql<{ myAlerts: { nodes: { title: string }[] } }>('{ myAlerts { nodes { title } } }', {}, member);
    expect(myAlerts.nodes.map((n) => n.title)).toContain(TITLE);
  });
});
