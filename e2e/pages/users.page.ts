import type { Page } from 'playwright-core';

export interface NewAccount {
  email: string;
  name: string;
  roleLabel: string;
  password: string;
  /** For a police partner: typed into the force autocomplete, then picked. */
  forceName?: string;
}

/** The admin's users pages. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async create(account: NewAccount): Promise<void> {
    await this.page.getByRole('link', { name: 'Create' }).click();
    await this.page.getByRole('textbox', { name: 'Email' }).fill(account.email);
    await this.page.getByRole('textbox', { name: 'Name' }).fill(account.name);
    await this.page.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: account.roleLabel }).click();
    await this.page.getByRole('textbox', { name: 'Password' }).fill(account.password);
    if (account.forceName) {
      await this.page.getByRole('combobox', { name: 'Force' }).fill(account.forceName.split(' ')[0]);
      await this.page.getByRole('option', { name: account.forceName }).click();
    }
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
