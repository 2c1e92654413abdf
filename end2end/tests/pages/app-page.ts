// Page object for what every page of the app has: skip link, header with navigation and
// language switch, main with one heading, footer. Locators use data-testid and roles only.
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { localized, type Lang } from '../support/routes';
import { OPERATOR_IS_SAMPLE } from '../support/operator';

/** Visible labels of the header and footer links, per language (from locales/). */
export const LABELS = {
  de: { search: 'Suche', accessibility: 'Barrierefreiheit' },
  en: { search: 'Search', accessibility: 'Accessibility' },
} as const;

export class AppPage {
  readonly html: Locator;
  readonly skipLink: Locator;
  readonly header: Locator;
  readonly languageSwitch: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly footer: Locator;

  constructor(readonly page: Page) {
    this.html = page.locator('html');
    this.skipLink = page.getByTestId('skip-link');
    this.header = page.getByTestId('site-header');
    this.languageSwitch = page.getByTestId('language-switch');
    this.main = page.getByRole('main');
    this.heading = page.getByTestId('page-heading');
    this.footer = page.getByTestId('site-footer');
  }

  /** Opens a path and waits until the app has hydrated (or mounted). */
  async open(path: string): Promise<Response> {
    const response = await this.page.goto(path);
    expect(response, `no response for ${path}`).not.toBeNull();
    await this.ready();
    return response!;
  }

  /** Waits for `<html data-app-ready="true">`, which the app sets once hydration finished. */
  async ready(): Promise<void> {
    await expect(this.html).toHaveAttribute('data-app-ready', 'true');
  }

  /** A link in the header's navigation, by its visible name. */
  navLink(name: string): Locator {
    return this.header.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /** A link in the footer, by its visible name. */
  footerLink(name: string): Locator {
    return this.footer.getByRole('link', { name, exact: true });
  }

  /** The layout every page shares, in the language of the page. */
  async expectLayout(lang: Lang): Promise<void> {
    await expect(this.html).toHaveAttribute('lang', lang);
    await expect(this.html).toHaveAttribute('dir', 'ltr');
    await expect(this.skipLink).toHaveAttribute('href', '#main');
    await expect(this.header).toBeVisible();
    await expect(this.header.getByRole('link', { name: 'Lebenslagen' }).first()).toHaveAttribute(
      'href',
      localized('/', lang),
    );
    await expect(this.navLink(LABELS[lang].search)).toHaveAttribute('href', localized('/suche', lang));
    await expect(this.header.getByRole('navigation').locator(`a[href="${localized('/konto', lang)}"]`)).toHaveCount(1);
    await expect(this.languageSwitch).toHaveCount(1);
    await expect(this.main).toHaveCount(1);
    await expect(this.main).toHaveAttribute('id', 'main');
    await expect(this.main).toHaveAttribute('tabindex', '-1');
    await expect(this.page.locator('h1')).toHaveCount(1);
    await expect(this.main.locator('h1')).toHaveAttribute('data-testid', 'page-heading');
    await expect(this.heading).toBeVisible();
    await expect(this.heading).not.toBeEmpty();
    await expect(this.footer).toBeVisible();
    for (const page of ['/barrierefreiheit', '/impressum', '/datenschutz']) {
      await expect(this.footer.locator(`a[href="${localized(page, lang)}"]`)).toHaveCount(1);
    }
    await this.expectSampleNotice(this.footer);
  }

  /** The sample-operator notice in `area`: shown while the operator is the shipped sample only. */
  async expectSampleNotice(area: Locator): Promise<void> {
    const notice = area.getByTestId('sample-operator-notice');
    if (OPERATOR_IS_SAMPLE) await expect(notice).toBeVisible();
    else await expect(notice).toHaveCount(0);
  }

  /**
   * How many CSS pixels the document is wider than the viewport (> 0: horizontal scrolling),
   * and the innermost elements that stick out, to say where the overflow comes from.
   */
  async horizontalOverflow(): Promise<{ overflow: number; culprits: string[] }> {
    return this.page.evaluate(async () => {
      await document.fonts.ready;
      const root = document.documentElement;
      const width = root.clientWidth;
      const sticking = [...document.body.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().right > width + 0.5,
      );
      const innermost = sticking.filter((el) => !sticking.some((other) => other !== el && el.contains(other)));
      const culprits = innermost.slice(0, 5).map((el) => {
        const box = el.getBoundingClientRect();
        const text = (el.textContent ?? '').trim().slice(0, 60);
        return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(box.right)} "${text}"`;
      });
      return { overflow: root.scrollWidth - width, culprits };
    });
  }

  async expectNoHorizontalScroll(): Promise<void> {
    const { overflow, culprits } = await this.horizontalOverflow();
    expect(overflow, `horizontal scrolling by ${overflow}px; sticking out:\n  ${culprits.join('\n  ')}`).toBeLessThanOrEqual(0);
  }

  /** Marks the current document; `expectSameDocument` then proves there was no full reload. */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __marker: string }).__marker = 'same-document';
    });
  }

  async expectSameDocument(): Promise<void> {
    const marker = await this.page.evaluate(() => (window as unknown as { __marker?: string }).__marker);
    expect(marker, 'the page was fully reloaded instead of navigating client-side').toBe('same-document');
  }

  /** Presses Tab until `target` has focus; fails after `max` presses. */
  async tabTo(target: Locator, max = 40): Promise<void> {
    await expect(target).toHaveCount(1);
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`${max} Tab presses did not reach ${target}`);
  }

  /** The computed focus indicator of the focused element: outline and box-shadow. */
  async focusIndicator(): Promise<{ visible: boolean; outline: string; boxShadow: string; tag: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { visible: false, outline: 'no focus', boxShadow: '', tag: '' };
      const style = getComputedStyle(el);
      const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const hasShadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      return { visible: hasOutline || hasShadow, outline, boxShadow: style.boxShadow, tag: el.outerHTML.slice(0, 120) };
    });
  }

  async expectVisibleFocus(): Promise<void> {
    const indicator = await this.focusIndicator();
    expect(indicator.visible, `no visible focus indicator on ${indicator.tag}: outline ${indicator.outline}, box-shadow ${indicator.boxShadow}`).toBe(true);
  }
}
