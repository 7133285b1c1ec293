import type { Page } from 'playwright-core';

export interface NewSession {
  date: string; // YYYY-MM-DD
  programme: string;
  /** Typed into the forces autocomplete, then picked. */
  forceName: string;
  officers: number;
  location?: string;
  trainer?: { name: string; expertByExperience: boolean };
}

/** The training sessions pages: the list, the session form, and "Record feedback". */
export class TrainingPage {
  constructor(private readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.goto('/#/trainingSessions');
    await this.page.getByRole('heading', { name: 'Training sessions' }).first().waitFor();
  }

  async create(session: NewSession): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: 'Create' }).click();
    await p.waitForURL(/#\/trainingSessions\/create/);
    await p.getByLabel(/^Date/).fill(session.date);
    if (session.location) await p.getByRole('textbox', { name: 'Location' }).fill(session.location);
    await p.getByRole('textbox', { name: 'Programme' }).fill(session.programme);
    await p.getByRole('combobox', { name: 'Forces attending' }).fill(session.forceName.split(' ')[0]);
    await p.getByRole('option', { name: session.forceName }).click();
    await p.getByRole('spinbutton', { name: 'Officers attending' }).fill(String(session.officers));
    if (session.trainer) {
      await p.getByRole('button', { name: 'Add' }).click();
      await p.getByRole('textbox', { name: 'Trainer' }).fill(session.trainer.name);
      if (session.trainer.expertByExperience) await p.getByLabel('Expert by experience').check();
    }
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByText('Training session recorded').first().waitFor();
  }

  /** On a session's page: "Record feedback", the two numbers, "Save". */
  async recordFeedback(responses: number, intendToUse: number): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Record feedback' }).click();
    const dialog = p.getByRole('dialog', { name: 'Feedback from this session' });
    await dialog.getByRole('spinbutton', { name: 'Officers who answered' }).fill(String(responses));
    await dialog.getByRole('spinbutton', { name: 'Of them, intend to use the service' }).fill(String(intendToUse));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await p.getByText('Feedback recorded').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }
}
