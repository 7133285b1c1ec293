import type { Page } from 'playwright-core';

/** The alerts editor and review buttons. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  async draft(alert: { title: string; text: string; area: string; incidentType: string; sourceReference: string }): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: 'Create' }).click();
    await p.getByLabel('Title').fill(alert.title);
    await p.getByLabel('Alert text').fill(alert.text);
    await p.getByLabel('Target areas').fill(alert.area.split(' ')[0]);
    await p.getByRole('option', { name: alert.area }).click();
    await p.getByRole('checkbox', { name: alert.incidentType, exact: true }).check();
    await p.getByLabel('Source reports').fill(alert.sourceReference);
    await p.getByRole('option', { name: alert.sourceReference }).click();
    await p.getByRole('button', { name: 'Save' }).click();
  }

  findings() {
    return this.page.getByRole('region', { name: 'Could identify the reporter' });
  }

  async replaceText(text: string): Promise<void> {
    await this.page.getByLabel('Alert text').fill(text);
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
