// "Ihr Ort" (issue 4): the place picker is a WAI-ARIA 1.2 combobox served by the federation's
// place search; the chosen place is remembered on the device and every page follows it.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { YourPlace } from './pages/place-picker';

const NOERDLINGEN = '097790194194';
const NEW_VEHICLE = '/leistungen/99036008007002';
const NO_HIT = 'Kein Ort gefunden – prüfen Sie die Postleitzahl oder den Namen.';

const VIEWPORTS = [
  { name: '320×640', viewport: { width: 320, height: 640 } },
  { name: '1280×800', viewport: { width: 1280, height: 800 } },
];

async function expectNoAxeViolations(page: import('@playwright/test').Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`).join('\n');
  expect(results.violations, `axe violations ${what}:\n${summary}`).toEqual([]);
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`Ihr Ort ${name}`, () => {
    test.use({ viewport });

    test('86720 offers Nördlingen and its neighbour, chosen with the keyboard alone, remembered and forgotten', async ({ app, page }) => {
      await app.open('/');
      const place = new YourPlace(page);
      await expect(place.input).toHaveAttribute('role', 'combobox');
      await expect(place.input).toHaveAttribute('aria-autocomplete', 'list');
      await expect(place.input).toHaveAttribute('aria-controls', 'place-q-listbox');
      await place.expectOpen(false);

      await app.tabTo(place.input);
      await page.keyboard.type('86720');
      await place.expectOpen(true);
      await expect(place.option(/86720\s*Nördlingen/)).toHaveCount(1);
      await expect(place.option(/86720\s*Hohenaltheim/)).toHaveCount(1);
      await expect(place.option(/Nördlingen/)).toContainText('Donau-Ries');
      const count = await place.options.count();
      await expect(place.status).toHaveAttribute('role', 'status');
      await expect(place.status).toHaveText(`${count} Orte gefunden.`);
      await app.expectNoHorizontalScroll();
      for (const option of await place.options.all()) {
        expect((await option.boundingBox())!.height, 'touch target height').toBeGreaterThanOrEqual(44);
      }

      // Home and End move the caret, not the list.
      await page.keyboard.press('Home');
      expect(await place.input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(0);
      await page.keyboard.press('End');
      expect(await place.input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(5);

      await place.arrowTo(/Nördlingen/);
      await page.keyboard.press('Enter');
      await expect(place.current).toHaveText('Ihr Ort: 86720 Nördlingen');
      await expect(place.announcement).toHaveText('Ihr Ort ist jetzt 86720 Nördlingen.');
      await expect(place.change).toBeFocused();
      await app.expectVisibleFocus();
      const firstCard = page.getByTestId('lebenslagen-list').getByRole('link').first();
      await expect(firstCard).toHaveAttribute('href', new RegExp(`\\?ars=${NOERDLINGEN}$`));
      // Only on the device.
      expect(await page.evaluate(() => localStorage.getItem('ll.place'))).toBe(`${NOERDLINGEN}|86720 Nördlingen`);

      await app.open('/');
      await expect(place.current).toHaveText('Ihr Ort: 86720 Nördlingen');

      // "Ort ändern" reveals the picker with focus in it.
      await place.change.click();
      await expect(place.input).toBeFocused();
      await page.getByTestId('your-place-cancel').click();
      await expect(place.current).toHaveText('Ihr Ort: 86720 Nördlingen');

      await place.forget.click();
      await expect(place.current).toHaveCount(0);
      await expect(place.input).toBeFocused();
      await expect(place.announcement).toHaveText('Ihr Ort wurde vergessen.');
      await expect(firstCard).not.toHaveAttribute('href', /ars=/);
      expect(await page.evaluate(() => localStorage.getItem('ll.place'))).toBeNull();
      await app.open('/');
      await expect(place.input).toBeVisible();
      await expect(place.current).toHaveCount(0);
    });

    test.describe(() => {
      // The mirror answers "no hit" with 404, which Chromium logs as a failed load.
      test.use({ expectedErrorStatusPaths: ['/suchdienst/api/v2/locations'] });

    test('unknown input gets a helpful message and keeps the text; too short is said', async ({ app, page }) => {
      await app.open('/');
      const place = new YourPlace(page);
      for (const unknown of ['99999', 'Xyzzy']) {
        await place.input.fill('');
        await expect(place.status).toHaveText('');
        await place.type(unknown);
        await expect(place.status).toHaveText(NO_HIT);
        await expect(place.input).toHaveValue(unknown);
        await expect(place.input).toHaveAttribute('aria-invalid', 'true');
        await place.expectOpen(false);
      }
      await place.input.fill('');
      await expect(place.status).toHaveText('');
      await place.type('N');
      await expect(place.status).toHaveText('Bitte geben Sie mindestens zwei Zeichen ein.');
      await expect(place.input).toHaveValue('N');
    });
    });

    test('"Neustadt" lists several places told apart by Kreis; Escape closes, a second clears, Tab leaves', async ({ app, page }) => {
      await app.open('/');
      const place = new YourPlace(page);
      await place.type('Neustadt');
      await place.expectOpen(true);
      const neustadts = place.option(/Neustadt/);
      await expect.poll(() => neustadts.count()).toBeGreaterThan(3);
      const details = await place.listbox.locator('.ll-combobox__detail').allTextContents();
      expect(new Set(details).size, `Kreise: ${details.join(', ')}`).toBeGreaterThan(3);
      const labels = await place.options.allTextContents();
      expect(new Set(labels).size, 'every option reads differently').toBe(labels.length);
      await app.expectNoHorizontalScroll();

      // Wrapping: ArrowUp from nothing is the last option, ArrowDown from there the first.
      await page.keyboard.press('ArrowUp');
      await expect(place.options.last()).toHaveAttribute('aria-selected', 'true');
      // The list scrolls to show the active option.
      await expect
        .poll(() =>
          place.options.last().evaluate((el) => {
            const list = el.parentElement!.getBoundingClientRect();
            const option = el.getBoundingClientRect();
            return option.top >= list.top - 1 && option.bottom <= list.bottom + 1;
          }),
        )
        .toBe(true);
      await page.keyboard.press('ArrowDown');
      await expect(place.options.first()).toHaveAttribute('aria-selected', 'true');

      await page.keyboard.press('Escape');
      await place.expectOpen(false);
      await expect(place.input).toHaveValue('Neustadt');
      await expect(place.input).not.toHaveAttribute('aria-activedescendant');
      await page.keyboard.press('ArrowDown');
      await place.expectOpen(true);
      await page.keyboard.press('Tab');
      await place.expectOpen(false);
      await expect(place.input).not.toBeFocused();
      await place.input.focus();
      await page.keyboard.press('Escape');
      await expect(place.input).toHaveValue('');
    });

    test('Enter with exactly one hit chooses it', async ({ app, page }) => {
      await app.open('/');
      const place = new YourPlace(page);
      await place.type('Hohenaltheim');
      await page.keyboard.press('Enter');
      await expect(place.current).toHaveText(/^Ihr Ort: \d{5} Hohenaltheim$/);
    });

    test('choosing on a service page updates that page', async ({ app, page }) => {
      await app.open(NEW_VEHICLE);
      const place = new YourPlace(page);
      await place.type('86720');
      await place.option(/Nördlingen/).click();
      await expect(page).toHaveURL(new RegExp(`\\?ars=${NOERDLINGEN}$`));
      await expect(place.current).toHaveText('Ihr Ort: 86720 Nördlingen');
      await expect(page.getByTestId('service-authority')).toContainText('Landratsamt Donau-Ries – Kfz-Zulassungsstelle', { timeout: 15_000 });
      // The sample-data notice comes below what it qualifies, so its arrival moves nothing.
      const notice = page.getByTestId('sample-data-notice');
      await expect(notice).toBeVisible();
      const [authority, below] = await Promise.all([page.getByTestId('service-authority').boundingBox(), notice.boundingBox()]);
      expect(below!.y).toBeGreaterThan(authority!.y + authority!.height);
    });

    test('a shared service link names its place and can be remembered', async ({ app, page }) => {
      await app.open(`${NEW_VEHICLE}?ars=${NOERDLINGEN}`);
      const shared = page.getByTestId('shared-place');
      await expect(shared).toContainText('86720 Nördlingen');
      await expect(page.getByTestId('service-authority')).toContainText('Landratsamt Donau-Ries', { timeout: 15_000 });
      await expectNoAxeViolations(page, 'on a shared service link');
      await page.getByTestId('remember-place').click();
      const place = new YourPlace(page);
      await expect(place.current).toHaveText('Ihr Ort: 86720 Nördlingen');
      await expect(shared).toHaveCount(0);
    });

    test('axe finds nothing with the list open and closed', async ({ app, page }) => {
      await app.open('/');
      const place = new YourPlace(page);
      await expectNoAxeViolations(page, 'with the picker closed');
      await place.type('86720');
      await place.expectOpen(true);
      await page.keyboard.press('ArrowDown');
      await expectNoAxeViolations(page, 'with the list open');
      await page.keyboard.press('Enter');
      await expect(place.current).toBeVisible();
      await expectNoAxeViolations(page, 'with a place chosen');
    });

    test('an unreachable place search says so and keeps the text', async ({ app, page, problems }) => {
      await page.route('**/suchdienst/api/v2/locations*', (route) => route.abort('failed'));
      await app.open('/');
      const place = new YourPlace(page);
      await place.type('86720');
      await expect(place.status).toHaveText(/Die Ortssuche ist gerade nicht erreichbar/, { timeout: 20_000 });
      await expect(place.input).toHaveValue('86720');
      await place.expectOpen(false);
      // The aborted requests are this test's doing; Chromium logs each as a failed load.
      const aborted = /^console\.error: Failed to load resource: net::ERR_FAILED \(.*\/suchdienst\/api\/v2\/locations/;
      problems.splice(0, problems.length, ...problems.filter((p) => !aborted.test(p)));
    });
  });
}
