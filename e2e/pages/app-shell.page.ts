import type { Locator, Page } from 'playwright-core';

/** The signed-in dashboard: its side menu and the user menu (sign out). */
export class AppShell {
  constructor(private readonly page: Page) {}

  private menu(): Locator {
    return this.page.locator('.RaMenu-open, .RaMenu-closed');
  }

  /** The labels of the links in the side menu, in order (waits for the menu to appear). */
  async menuItems(): Promise<string[]> {
    await this.menu().getByRole('link').first().waitFor();
    return (await this.menu().getByRole('link').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  async goTo(label: string): Promise<void> {
    await this.menu().getByRole('link', { name: label }).click();
  }

  async signOut(): Promise<void> {
    await this.page.locator('.RaUserMenu-userButton').click();
    await this.page.getByRole('menuitem', { name: 'Logout' }).click();
  }
}
