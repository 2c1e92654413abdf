// Page object for the catalogue search (/suche, /en/suche). Locators use data-testid and roles.
import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { AppPage } from './app-page';
import { DIST, localized, type Lang } from '../support/routes';

/** The path of the search index in the build under test (its name carries a content hash). */
export function searchIndexPath(): string {
  const file = readdirSync(DIST).find((f) => /^search-index-[0-9a-f]{16}\.txt$/.test(f));
  if (!file) throw new Error(`no search-index-<hash>.txt in ${DIST}: run 'make build'`);
  return `/${file}`;
}

export class SearchPage {
  readonly app: AppPage;
  readonly input: Locator;
  readonly status: Locator;
  readonly lebenslagen: Locator;
  readonly leistungen: Locator;
  readonly noResults: Locator;
  readonly suggestion: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly more: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.input = page.getByTestId('search-input');
    this.status = page.getByTestId('search-status');
    this.lebenslagen = page.getByTestId('search-results-lebenslagen');
    this.leistungen = page.getByTestId('search-results-leistungen');
    this.noResults = page.getByTestId('search-no-results');
    // One above the results, one in the no-results section: the one shown.
    this.suggestion = page.getByTestId('search-suggestion').filter({ visible: true });
    this.error = page.getByTestId('search-error');
    this.retry = page.getByTestId('search-retry');
    this.more = page.getByTestId('search-more');
  }

  /** Opens the search page (optionally with `?q=`) and waits for hydration. */
  async open(lang: Lang = 'de', query?: string): Promise<void> {
    const path = localized('/suche', lang) + (query === undefined ? '' : `?q=${encodeURIComponent(query)}`);
    await this.app.open(path);
  }

  /** Types like a citizen: one key at a time, each an `input` event. */
  async type(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text);
  }

  /** A result link by its visible name. */
  service(name: string | RegExp): Locator {
    return this.leistungen.getByRole('link', { name });
  }

  lebenslage(name: string | RegExp): Locator {
    return this.lebenslagen.getByRole('link', { name });
  }

  async expectCountAnnounced(query: string, lang: Lang = 'de'): Promise<void> {
    await expect(this.status).toHaveAttribute('role', 'status');
    const text = lang === 'de' ? new RegExp(`^(\\d+|Ein) Treffer für „${query}“$`) : new RegExp(`^(\\d+|One) results? for “${query}”$`);
    await expect(this.status).toHaveText(text);
  }
}
