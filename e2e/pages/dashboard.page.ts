import type { Locator, Page } from 'playwright-core';

/** The home page: the staff charts (funding, training, impact) or a police partner's own figures. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/');
  }

  chart(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}"]`);
  }

  /** Waits for the officers-trained chart and reads the total it was drawn from. */
  async officersTrainedTotal(): Promise<number> {
    const chart = this.chart('chart-officers-trained');
    await chart.waitFor();
    return Number(await chart.getAttribute('data-total-officers'));
  }

  /** Officers trained per financial year, as the chart has them ({ "2019/20": 212, ... }). */
  async officersByYear(): Promise<Record<string, number>> {
    const chart = this.chart('chart-officers-trained');
    await chart.waitFor();
    return JSON.parse((await chart.getAttribute('data-officers-by-year')) ?? '{}') as Record<string, number>;
  }

  /** Every chart has drawn (an SVG) or said it has nothing yet. */
  async waitForCharts(testIds: string[]): Promise<void> {
    for (const id of testIds) {
      await this.chart(id).waitFor();
      await this.chart(id).locator('svg.recharts-surface, :text("Nothing recorded yet")').first().waitFor();
    }
  }

  async openAnnualSummary(): Promise<void> {
    await this.page.getByRole('link', { name: 'Annual summary' }).click();
    await this.page.locator('[data-testid="annual-summary"]').waitFor();
    await this.page.locator('[data-testid="summary-funding-total"]').waitFor();
  }

  policeFunding(): Locator {
    return this.page.locator('[data-testid="police-funding"]');
  }

  policeTraining(): Locator {
    return this.page.locator('[data-testid="police-training"]');
  }
}
