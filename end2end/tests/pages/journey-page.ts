// Page object for a Lebenslage journey (/lebenslagen/<id>): steps with tick boxes, the place
// section, and per service the facts at the place. Locators use data-testid and roles only.
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export class JourneyPage extends AppPage {
  readonly steps: Locator;
  readonly progress: Locator;
  readonly place: Locator;
  readonly failed: Locator;
  readonly sourceNotice: Locator;

  constructor(page: Page) {
    super(page);
    this.steps = page.getByTestId('journey-step');
    this.progress = page.getByTestId('journey-progress');
    this.place = page.getByTestId('journey-place');
    this.failed = page.getByTestId('journey-failed');
    this.sourceNotice = page.getByTestId('source-notice');
  }

  /** The step whose heading contains `title`. */
  step(title: string | RegExp): Locator {
    return this.steps.filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  /** The tick box of a step. */
  tick(title: string | RegExp): Locator {
    return this.step(title).getByTestId('step-done');
  }

  /** The entry of a service (by LeiKa key) within the journey. */
  service(key: string): Locator {
    return this.page.locator(`[data-leika="${key}"]`).first();
  }

  /** Waits until no service shows its loading skeleton any more. */
  async factsLoaded(): Promise<void> {
    await expect(this.page.getByTestId('service-facts').first()).toBeVisible();
    await expect(this.page.getByTestId('facts-loading')).toHaveCount(0, { timeout: 30_000 });
  }
}
