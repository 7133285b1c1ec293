import type { Browser, Page } from 'playwright-core';
import { AppShell } from '../pages/app-shell.page';
import { LoginPage } from '../pages/login.page';
import { forceIdByName, gql, signIn } from '../support/api';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let offOrigin: string[];
let reportId: string;
let reference: string;
const NARRATIVE = 'E2E narrative that must never reach the police';
const SUMMARY = 'E2E police summary: assault by a client, Maidstone area.';

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  // Sky (member@example.org) reports in Kent through a case worker, with anonymous-intelligence consent.
  const cw = await signIn('caseworker@example.org');
  const member = await signIn('member@example.org');
  const { myMember } = await gql<{ myMember: { id: string } }>('{ myMember { id } }', {}, member);
  const created = await gql<{ createReport: { id: string; reference: string } }>(
    'mutation ($input: CreateReportInput!) { createReport(input: $input) { id reference } }',
    {
      input: {
        channel: 'PHONE',
        forceAreaId: await forceIdByName('Kent Police', cw),
        incidentDate: '2026-03-01',
        incidentTypes: ['VIOLENCE'],
        narrative: NARRATIVE,
        location: 'E2E secret location',
        policeSummary: SUMMARY,
        memberId: myMember.id,
        consent: { police: 'ANONYMOUS_INTELLIGENCE', alerts: true },
      },
    },
    cw,
  );
  ({ id: reportId, reference } = created.createReport);
  ({ page, offOrigin } = await newPage(browser, baseUrl()));
});
afterAll(async () => {
  await page?.context().close();
  await closeBrowser();
});

async function searchReference(): Promise<void> {
  await page.goto(`/#/reports?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`);
}

describe('a police partner sees only consented reports of their force, and loses them on withdrawal', () => {
  it('signs in and sees the police menu', async () => {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('police.kent@example.org', 'demo-password-1');
    expect(await new AppShell(page).menuItems()).toEqual(['Dashboard', 'Reports', 'Requests', 'Alerts', 'My force', 'Funding', 'Training sessions', 'Training invitations']);
  });

  it('finds the consented Kent report, reads the police summary and never the narrative', async () => {
    await searchReference();
    await page.getByRole('link', { name: reference }).first().click();
    await page.getByText(SUMMARY).waitFor();
    expect(await page.getByText(NARRATIVE).count()).toBe(0);
    expect(await page.getByText('E2E secret location').count()).toBe(0);
    await screenshot(page, '20-police-report');
    // The whole page's data never carried the narrative either.
    expect(await page.content()).not.toContain(NARRATIVE);
  });

  it('after the member withdraws police consent, the report is gone from the officer’s list', async () => {
    const member = await signIn('member@example.org');
    await gql('mutation ($id: ID!) { setReportConsent(reportId: $id, police: NONE, alerts: true) { id } }', { id: reportId }, member);
    await searchReference();
    await page.reload(); // a fresh load: nothing from the earlier read can linger in the page
    await page.getByRole('link', { name: 'Reports' }).first().waitFor();
    await page.getByText(/no results|no report/i).first().waitFor();
    expect(await page.getByRole('link', { name: reference }).count()).toBe(0);
    await screenshot(page, '21-police-after-withdrawal');
    expect(offOrigin).toEqual([]);
  });

  it('the member can see that Kent Police read the report before the withdrawal', async () => {
    const member = await signIn('member@example.org');
    const { report } = await gql<{ report: { policeReads: { force: { name: string } }[] } }>('query ($id: ID!) { report(id: $id) { policeReads { force { name } } } }', { id: reportId }, member);
    expect(report.policeReads.map((r) => r.force.name)).toContain('Kent Police');
  });
});
