import type { Page } from 'playwright-core';

/** react-admin's sign-in page, with our e-mail / password / one-time code fields. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  private email() {
    return this.page.getByRole('textbox', { name: 'Email' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.email().waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.page.getByRole('textbox', { name: 'Password' }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async isShown(): Promise<void> {
    await this.email().waitFor();
  }
}
