import type { Locator, Page } from 'playwright-core';

/** "Account security" (account menu): two-factor sign-in on the signed-in account. */
export class AccountSecurityPage {
  constructor(private readonly page: Page) {}

  /** Opens it the way a person does: the account menu in the app bar, then "Account security". */
  async openFromAccountMenu(): Promise<void> {
    await this.page.getByRole('button', { name: /account menu/ }).click();
    await this.page.getByRole('menuitem', { name: 'Account security' }).click();
    await this.page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor();
  }

  status(): Locator {
    return this.page.getByTestId('two-factor-status');
  }

  /** Starts the set-up; returns the key shown beside the QR code (what an app would read from it). */
  async startSetUp(): Promise<{ secret: string; qrSrc: string }> {
    await this.page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = this.page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    const secret = (await this.page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    return { secret, qrSrc: (await qr.getAttribute('src')) ?? '' };
  }

  async confirm(code: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '6-digit code from the app' }).fill(code);
    await this.page.getByRole('button', { name: 'Turn on' }).click();
  }

  /** The recovery codes shown once after turning it on. */
  async recoveryCodes(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: 'Your recovery codes' });
    await list.waitFor();
    return (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  }

  async savedRecoveryCodes(): Promise<void> {
    await this.page.getByRole('button', { name: 'I have saved them' }).click();
  }
}
