// Catalogue search (issue 4): as-you-type over the whole catalogue, tolerant of case, umlauts,
// typos and colloquial words; grouped results; the count announced in a status region; no
// results with a way in through the Lebenslagen; a failing index with retry. At 320 px and
// 1280 px, with axe-core on every state.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SearchPage, searchIndexPath } from './pages/search-page';

const VIEWPORTS = [
  { name: '320×640', viewport: { width: 320, height: 640 } },
  { name: '1280×800', viewport: { width: 1280, height: 800 } },
];

const INDEX_PATH = searchIndexPath();

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations in the ${state} state`).toEqual([]);
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`search ${name}`, () => {
    test.use({ viewport });

    test('"kindergeld" finds the Kindergeld service and announces the count', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('kindergeld');
      await expect(search.service('Kindergeld beantragen')).toHaveAttribute('href', '/leistungen/99041008000000');
      await expect(search.leistungen.getByRole('link').first()).toHaveText('Kindergeld beantragen');
      await search.expectCountAnnounced('kindergeld');
      // The address follows, so the result page can be shared.
      await expect(page).toHaveURL(/\/suche\?q=kindergeld$/);
      await expectNoAxeViolations(page, 'results');
    });

    test('a count is not left standing once the query changes', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('kindergeld');
      await search.expectCountAnnounced('kindergeld');
      await search.input.press('End');
      await search.input.press('s');
      // Read once, at once: the count is announced again only when typing settles.
      expect(await search.status.textContent()).not.toContain('„kindergeld“');
      await expect(search.status).toHaveText(/„kindergelds“$/);
    });

    test('"Auto anmelden" finds the vehicle registration', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('Auto anmelden');
      await expect(search.leistungen.getByRole('link').first()).toHaveText('Neues Fahrzeug zulassen');
      await expect(search.lebenslage('Rund ums Fahrzeug')).toHaveAttribute('href', '/lebenslagen/rund-ums-fahrzeug');
      await search.expectCountAnnounced('Auto anmelden');
    });

    test('a misspelling still finds the Führerschein services and suggests the spelling', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('Fuehrerschien');
      await expect(search.leistungen.getByRole('link').first()).toContainText('Führerschein');
      await expect(search.suggestion).toHaveText('führerschein');
      await search.suggestion.click();
      await expect(search.input).toHaveValue('führerschein');
      await expect(search.input).toBeFocused();
      await expect(search.suggestion).toHaveCount(0);
      await expect(search.leistungen.getByRole('link').first()).toContainText('Führerschein');
    });

    test('"show more" adds the next services and moves focus to the first of them', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('Auto anmelden');
      const links = search.leistungen.getByRole('link');
      await expect(links).toHaveCount(10);
      await expect(search.more).toHaveText('3 weitere Leistungen anzeigen');
      await search.more.focus();
      await page.keyboard.press('Enter');
      await expect(links).toHaveCount(13);
      await expect(links.nth(10)).toBeFocused();
      await expect(search.more).toBeHidden();
      await expectNoAxeViolations(page, 'every service shown');
      // The services added belong to the query they were asked for.
      await search.input.press('End');
      await search.input.press('Backspace');
      await expect(search.input).toHaveValue('Auto anmelde');
      await expect(links).toHaveCount(10);
      await expect(search.more).toBeVisible();
    });

    test('"Baby" finds the Lebenslage about a new child', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('Baby');
      await expect(search.lebenslagen.getByRole('link').first()).toHaveText('Ein neues Kind ist angekommen');
      await expect(search.service('Geburt anzeigen')).toBeVisible();
    });

    test('no results: a hint and every Lebenslage as a way in', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('xqzvwk');
      await expect(search.noResults).toBeVisible();
      await expect(search.noResults.getByRole('link')).toHaveCount(6);
      await expect(search.noResults.getByRole('link', { name: 'Umzug' })).toHaveAttribute('href', '/lebenslagen/umzug');
      await expect(search.status).toHaveText('Keine Treffer für „xqzvwk“');
      await expect(search.leistungen).toBeHidden();
      await expectNoAxeViolations(page, 'no results');
    });

    test('following a result opens its page, and Back returns to the results', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open();
      await search.type('kindergeld');
      await expect(page).toHaveURL(/\?q=kindergeld$/);
      await search.service('Kindergeld beantragen').click();
      await expect(page).toHaveURL(/\/leistungen\/99041008000000$/);
      await expect(search.app.heading).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(/\/suche\?q=kindergeld$/);
      await expect(search.input).toHaveValue('kindergeld');
      await expect(search.service('Kindergeld beantragen')).toBeVisible();
    });

    test('opened with ?q= it shows the results after hydration', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open('de', 'kindergeld');
      await expect(search.input).toHaveValue('kindergeld');
      await expect(search.service('Kindergeld beantragen')).toBeVisible();
      await search.expectCountAnnounced('kindergeld');
    });

    test('English: everyday English words find the German services', async ({ page }) => {
      const search = new SearchPage(page);
      await search.open('en');
      await search.type('child benefit');
      await expect(search.service('Apply for child benefit')).toHaveAttribute('href', '/en/leistungen/99041008000000');
      await search.expectCountAnnounced('child benefit', 'en');
      await expectNoAxeViolations(page, 'English results');
    });

    test('while the index loads the status says so', async ({ page }) => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route(`**${INDEX_PATH}`, async (route) => {
        await gate;
        await route.continue();
      });
      const search = new SearchPage(page);
      await search.open();
      await search.type('kindergeld');
      await expect(search.status).toHaveText('Das Suchverzeichnis wird geladen …');
      await expectNoAxeViolations(page, 'loading');
      release();
      await expect(search.service('Kindergeld beantragen')).toBeVisible();
    });

    test.describe(() => {
      test.use({ expectedErrorStatusPaths: [INDEX_PATH] });

      test('the index fails to load: a message and retry, the typed text kept', async ({ page }) => {
        await page.route(`**${INDEX_PATH}`, (route) => route.fulfill({ status: 500, body: 'broken' }));
        const search = new SearchPage(page);
        await search.open();
        await search.type('kindergeld');
        await expect(search.error).toBeVisible();
        await expect(search.retry).toBeVisible();
        await expect(search.input).toHaveValue('kindergeld');
        await expect(search.status).toContainText('konnte nicht geladen werden');
        await expectNoAxeViolations(page, 'failed');
        await page.unroute(`**${INDEX_PATH}`);
        await search.retry.click();
        await expect(search.service('Kindergeld beantragen')).toBeVisible();
        await expect(search.input).toHaveValue('kindergeld');
      });
    });
  });
}
