// Page object for "Ihr Ort": the place picker combobox and the remembered place.
import { expect, type Locator, type Page } from '@playwright/test';

export class YourPlace {
  readonly box: Locator;
  readonly input: Locator;
  readonly listbox: Locator;
  readonly options: Locator;
  readonly status: Locator;
  readonly submit: Locator;
  readonly current: Locator;
  readonly change: Locator;
  readonly forget: Locator;
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByTestId('your-place');
    this.input = page.getByTestId('place-input');
    this.listbox = page.getByTestId('place-results');
    this.options = this.listbox.getByRole('option');
    this.status = page.getByTestId('place-status');
    this.submit = page.getByTestId('place-picker').getByRole('button');
    this.current = page.getByTestId('your-place-current');
    this.change = page.getByTestId('your-place-change');
    this.forget = page.getByTestId('your-place-forget');
    this.announcement = page.getByTestId('your-place-status');
  }

  /** The option whose visible text matches. */
  option(name: RegExp | string): Locator {
    return this.options.filter({ hasText: name });
  }

  /** Types into the (focused) combobox key by key, as a citizen would. */
  async type(text: string): Promise<void> {
    await this.input.focus();
    await this.page.keyboard.type(text);
  }

  async expectOpen(open: boolean): Promise<void> {
    await expect(this.input).toHaveAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) await expect(this.listbox).toBeVisible();
    else await expect(this.listbox).toBeHidden();
  }

  /** Presses ArrowDown until the option matching `name` is the active one. */
  async arrowTo(name: RegExp): Promise<void> {
    const count = await this.options.count();
    for (let i = 0; i < count; i++) {
      await this.page.keyboard.press('ArrowDown');
      const id = await this.input.getAttribute('aria-activedescendant');
      expect(id, 'ArrowDown makes an option active').toBeTruthy();
      const active = this.page.locator(`[id="${id}"]`);
      await expect(active).toHaveAttribute('aria-selected', 'true');
      if (name.test((await active.textContent()) ?? '')) return;
    }
    throw new Error(`no option matches ${name}`);
  }
}
