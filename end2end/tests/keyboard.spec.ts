// Keyboard only: the skip link comes first and moves focus into main; header and footer links
// are reached with Tab, navigate client-side on Enter, and focus lands on the new page heading;
// every focused element shows a focus indicator (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7).
import { test, expect } from './fixtures';
import { LABELS } from './pages/app-page';
import { LANGS, localized } from './support/routes';

for (const lang of LANGS) {
  const start = localized('/', lang);

  test.describe(`keyboard (${lang})`, () => {
    test('Tab reaches the skip link first, Enter moves focus into main', async ({ app, page }) => {
      await app.open(start);
      await page.keyboard.press('Tab');
      await expect(app.skipLink).toBeFocused();
      await expect(app.skipLink).toBeInViewport();
      await app.expectVisibleFocus();

      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('main#main') != null), {
          message: 'focus is inside <main id="main"> after activating the skip link',
        })
        .toBe(true);
    });

    test('the navigation link to the search navigates client-side and focuses the heading', async ({ app, page }) => {
      await app.open(start);
      const titleBefore = await page.title();
      await app.markDocument();

      const link = app.navLink(LABELS[lang].search);
      await app.tabTo(link);
      await app.expectVisibleFocus();
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(localized('/suche', lang));
      await expect(page).not.toHaveTitle(titleBefore);
      await expect(app.heading).toBeFocused();
      await app.expectSameDocument();
    });

    test('the footer link to the accessibility statement navigates client-side and focuses the heading', async ({ app, page }) => {
      await app.open(start);
      const titleBefore = await page.title();
      await app.markDocument();

      const link = app.footerLink(LABELS[lang].accessibility);
      await app.tabTo(link, 200);
      await app.expectVisibleFocus();
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(localized('/barrierefreiheit', lang));
      await expect(page).not.toHaveTitle(titleBefore);
      await expect(app.heading).toBeFocused();
      await app.expectSameDocument();
    });
  });
}
