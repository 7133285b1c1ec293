import type { Page } from 'playwright-core';

/** A report's page, with its tabs. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  async tab(name: 'Details' | 'Identifiers' | 'Linked reports' | 'Consent' | 'Case'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async openCase(): Promise<void> {
    await this.tab('Case');
    await this.page.getByRole('button', { name: 'Open a case' }).click();
    await this.page.getByText('Case opened').waitFor();
  }
}

/** A case's page: status buttons, notes. */
export class CasePage {
  constructor(private readonly page: Page) {}

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'New note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await this.page.getByText('Note added').waitFor();
  }
}
