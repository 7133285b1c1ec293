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

  /** The second step, asked only when the account uses two-factor sign-in: a code or a recovery code. */
  async enterCode(code: string): Promise<void> {
    await this.page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await this.page.getByRole('textbox', { name: 'Code, or a recovery code' }).fill(code);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async isShown(): Promise<void> {
    await this.email().waitFor();
  }
}
