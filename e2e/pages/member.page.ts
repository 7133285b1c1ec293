import type { Page } from 'playwright-core';

export interface IncidentAnswers {
  incidentTypes: string[];
  date: string;
  forceArea: string;
  place?: string;
  looks?: string;
  contact?: { kind: string; value: string }[];
  narrative: string;
  consent: { alerts: boolean; anonymous: boolean; talk: boolean; statistics: boolean };
}

/** The members' page (/member/), by what a member sees and does: labels, headings, buttons. */
export class MemberPage {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async open(path = ''): Promise<void> {
    await this.page.goto(`/member/${path}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  async register(account: { email: string; password: string; name: string; workSetting: string }): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: 'Create an account' }).click();
    await this.heading('Create an account').waitFor();
    await p.getByLabel('E-mail address').fill(account.email);
    await p.getByLabel('Password').fill(account.password);
    await p.getByLabel('What should we call you?').fill(account.name);
    await p.getByRole('radio', { name: account.workSetting }).check();
    await p.getByRole('button', { name: 'Create account' }).click();
  }

  async chooseArea(region: string, area: string): Promise<void> {
    const p = this.page;
    await p.getByText(region, { exact: true }).click(); // opens the region
    await p.getByRole('checkbox', { name: area }).check();
  }

  async goTo(link: 'Report' | 'Check a number' | 'Alerts' | 'My reports' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  }

  /** The guided form, step by step; `eachStep` runs on every screen (e.g. an accessibility check). */
  async reportIncident(a: IncidentAnswers, eachStep: (name: string) => Promise<void> = async () => {}): Promise<void> {
    const p = this.page;
    await this.heading('What happened?').waitFor();
    for (const t of a.incidentTypes) await p.getByRole('checkbox', { name: t }).check();
    await eachStep('report-what');
    await this.continue();

    await this.heading('When and where?').waitFor();
    await p.getByLabel('When did it happen?').fill(a.date);
    await p.getByLabel('Which police area was it in?').selectOption({ label: a.forceArea });
    if (a.place) await p.getByLabel(/Where was it\?/).fill(a.place);
    await eachStep('report-when');
    await this.continue();

    await this.heading('About the person').waitFor();
    if (a.looks) await p.getByLabel(/What did they look like\?/).fill(a.looks);
    for (const [i, c] of (a.contact ?? []).entries()) {
      if (i > 0) await p.getByRole('button', { name: 'Add another contact detail' }).click();
      await p.getByLabel(`Contact detail ${i + 1}: what is it?`).selectOption({ label: c.kind });
      await p.getByLabel(c.kind, { exact: true }).nth(i).fill(c.value);
    }
    await eachStep('report-person');
    await this.continue();

    await this.heading('What happened, in your own words').waitFor();
    await p.getByLabel('Tell us what happened').fill(a.narrative);
    await eachStep('report-story');
    await this.continue();

    const answer = async (question: string, yes: boolean, step: string) => {
      const group = p.getByRole('group', { name: question });
      await group.waitFor();
      await group.getByRole('radio', { name: yes ? 'Yes' : 'No', exact: true }).check();
      await eachStep(step);
      await this.continue();
    };
    await answer('May we warn other members about this person?', a.consent.alerts, 'consent-alerts');
    await answer('May we tell the police about this, without your name?', a.consent.anonymous, 'consent-police-anonymous');
    await answer('Do you want to talk to the police about this, with us alongside you?', a.consent.talk, 'consent-police-full');
    await answer('May we count this report in the figures we publish?', a.consent.statistics, 'consent-statistics');

    await this.heading('Check and send').waitFor();
    await eachStep('report-check');
    await p.getByRole('button', { name: 'Send my report' }).click();
    await this.heading('Thank you. We have your report.').waitFor();
  }

  async receiptReference(): Promise<string> {
    return (await this.page.locator('.reference').innerText()).trim();
  }

  /** The report's id, from the receipt's "See this report" link. */
  async receiptReportId(): Promise<string> {
    const href = await this.page.getByRole('link', { name: 'See this report' }).getAttribute('href');
    const id = /\/member\/reports\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
    if (!id) throw new Error(`no report link on the receipt: ${href}`);
    return id;
  }

  section(name: string) {
    return this.page.getByRole('region', { name });
  }

  async checkIdentifier(kind: string, value: string): Promise<void> {
    const p = this.page;
    await p.getByRole('radio', { name: kind, exact: true }).check();
    await p.getByLabel(kind, { exact: true }).and(p.getByRole('textbox')).fill(value);
    await p.getByRole('button', { name: 'Check', exact: true }).click();
  }

  async quickExit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Quick exit' }).click();
  }
}
