import type { Page } from 'playwright-core';

export interface PhoneReport {
  incidentTypes: string[];
  incidentDate: string;
  forceArea: string;
  location: string;
  perpetrator: string;
  identifiers: { type: string; value: string }[];
  account: string;
  policeSummary: string;
  policeConsent: RegExp;
  alerts: 'Yes' | 'No';
  statistics: 'Yes' | 'No';
}

/** "Take a report": the case worker's guided intake form. */
export class ReportIntakePage {
  constructor(private readonly page: Page) {}

  async fill(report: PhoneReport): Promise<void> {
    const p = this.page;
    for (const type of report.incidentTypes) await p.getByRole('checkbox', { name: type, exact: true }).check();
    await p.getByLabel('Date of incident').fill(report.incidentDate);
    await p.getByRole('combobox', { name: 'Force area' }).fill(report.forceArea.split(' ')[0]);
    await p.getByRole('option', { name: report.forceArea }).click();
    await p.getByRole('textbox', { name: 'Location' }).fill(report.location);
    await p.getByRole('textbox', { name: 'Description of the perpetrator' }).fill(report.perpetrator);
    for (const [i, identifier] of report.identifiers.entries()) {
      await p.getByRole('button', { name: 'Add identifier' }).click();
      await p.getByRole('combobox', { name: 'Identifier type' }).nth(i).click();
      await p.getByRole('option', { name: identifier.type }).click();
      await p.getByRole('textbox', { name: 'Identifier', exact: true }).nth(i).fill(identifier.value);
    }
    await p.getByRole('textbox', { name: 'Account' }).fill(report.account);
    await p.getByRole('textbox', { name: 'Summary for police' }).fill(report.policeSummary);
    // react-admin renders each radio group as a fieldset whose legend names it.
    await p.getByRole('group', { name: /^Police consent/ }).getByRole('radio', { name: report.policeConsent }).check();
    await p.getByRole('group', { name: /^Alerts from this report/ }).getByRole('radio', { name: report.alerts, exact: true }).check();
    await p.getByRole('group', { name: /^Counted in statistics/ }).getByRole('radio', { name: report.statistics, exact: true }).check();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByText('Report recorded').waitFor();
  }
}
