// A citizen in 86720 Nördlingen walks through "Rund ums Fahrzeug": the district's registration
// office and the fees at every vehicle service, steps ticked off and still ticked after a
// reload, the same with the keyboard alone, a shared link for another place, the states when
// the federation fails, and a printable checklist. At 320 px and 1280 px.
import AxeBuilder from '@axe-core/playwright';
import { test as base } from '@playwright/test';
import { test, expect } from './fixtures';
import { JourneyPage } from './pages/journey-page';
import { FAULTY_URL } from './support/env';

const NOERDLINGEN = '097790194194';
const MUENCHEN = '091620000000';
const JOURNEY = '/lebenslagen/rund-ums-fahrzeug';
const NEW_VEHICLE = '99036008007002';
const OFFICE = 'Landratsamt Donau-Ries – Kfz-Zulassungsstelle';
const REGISTER_STEP = /Fahrzeug zulassen$/;

async function axe(journey: JourneyPage, state: string) {
  const results = await new AxeBuilder({ page: journey.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations, `${state}: ${JSON.stringify(results.violations, null, 2)}`).toEqual([]);
}

/** Opens the journey with Nördlingen remembered on the device, as after choosing it once. */
async function openAtNoerdlingen(journey: JourneyPage) {
  await journey.page.addInitScript(
    ([ars]) => localStorage.setItem('ll.place', `${ars}|86720 Nördlingen`),
    [NOERDLINGEN],
  );
  await journey.open(JOURNEY);
}

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('the journey at Nördlingen names the registration office and the fees, and a tick survives a reload', async ({ page }) => {
      const journey = new JourneyPage(page);
      await openAtNoerdlingen(journey);
      // The remembered place goes into the URL, so the page can be shared or bookmarked.
      await expect(page).toHaveURL(new RegExp(`${JOURNEY}\\?ars=${NOERDLINGEN}$`));
      await expect(journey.place).toContainText('86720 Nördlingen');
      await journey.factsLoaded();

      const register = journey.service(NEW_VEHICLE);
      await expect(register.getByTestId('service-authority')).toContainText(OFFICE);
      await expect(register.getByTestId('service-facts')).toContainText('27,00 Euro');
      await expect(register.getByTestId('service-way')).toContainText('i-Kfz');
      await expect(register.getByTestId('trust-badge')).toContainText(/hoch/i);
      // Every vehicle registration service at this place goes to the same office.
      for (const key of ['99036008007001', '99036008071000', '99036008070003']) {
        await expect(journey.service(key).getByTestId('service-authority')).toContainText(OFFICE);
      }
      // Service links carry the place on.
      await expect(register.getByRole('link').first()).toHaveAttribute(
        'href',
        `/leistungen/${NEW_VEHICLE}?ars=${NOERDLINGEN}`,
      );
      // Nothing on the page is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await axe(journey, 'journey at a place');

      const total = await journey.steps.count();
      await expect(journey.progress).toHaveText(`0 von ${total} Schritten erledigt`);
      await journey.tick(REGISTER_STEP).check();
      await expect(journey.progress).toHaveText(`1 von ${total} Schritten erledigt`);

      await page.reload();
      await journey.ready();
      await expect(journey.tick(REGISTER_STEP)).toBeChecked();
      await expect(journey.progress).toHaveText(`1 von ${total} Schritten erledigt`);
      await journey.tick(REGISTER_STEP).uncheck();
      await page.reload();
      await journey.ready();
      await expect(journey.tick(REGISTER_STEP)).not.toBeChecked();
    });

    test('the same journey with the keyboard alone', async ({ page }) => {
      const journey = new JourneyPage(page);
      await openAtNoerdlingen(journey);
      await journey.factsLoaded();
      const box = journey.tick(REGISTER_STEP);
      // Tab until the register step's tick box has focus; it is reachable in order.
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await box.evaluate((el) => el === document.activeElement);
      }
      expect(reached, 'the tick box is reachable with Tab').toBe(true);
      // Focus is visible: the outline is drawn.
      const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
      // On to the next link (a service of the next steps), and follow it with Enter.
      let onLink = false;
      for (let i = 0; i < 40 && !onLink; i++) {
        await page.keyboard.press('Tab');
        onLink = await page.evaluate(() => document.activeElement?.tagName === 'A' &&
          (document.activeElement as HTMLAnchorElement).pathname.startsWith('/leistungen/'));
      }
      expect(onLink, 'a service link follows the tick box').toBe(true);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/leistungen/\\d{14}\\?ars=${NOERDLINGEN}`));
      await expect(journey.heading).toBeFocused();
      await page.goBack();
      await journey.ready();
      await expect(journey.tick(REGISTER_STEP)).toBeChecked();
    });
  });
}

test('without a place the general journey is shown and the page asks for one', async ({ page }) => {
  const journey = new JourneyPage(page);
  await journey.open(JOURNEY);
  await expect(journey.steps.first()).toBeVisible();
  await expect(journey.place).toContainText('hängt von Ihrem Ort ab');
  await expect(page.getByTestId('service-facts')).toHaveCount(0);
  await axe(journey, 'journey without a place');
});

test('a shared link shows its own place and lets the citizen remember it or go back to theirs', async ({ page }) => {
  const journey = new JourneyPage(page);
  await page.addInitScript(
    ([ars]) => localStorage.setItem('ll.place', `${ars}|86720 Nördlingen`),
    [NOERDLINGEN],
  );
  await journey.open(`${JOURNEY}?ars=${MUENCHEN}`);
  const shared = page.getByTestId('shared-place');
  await expect(shared).toContainText('München');
  await expect(page).toHaveURL(new RegExp(`ars=${MUENCHEN}`));
  await axe(journey, 'shared place');
  await page.getByTestId('own-place').click();
  await expect(page).toHaveURL(new RegExp(`ars=${NOERDLINGEN}`));
  await expect(shared).toHaveCount(0);
  await journey.factsLoaded();
  await expect(journey.service(NEW_VEHICLE).getByTestId('service-authority')).toContainText(OFFICE);
});

test('while the sources answer, skeletons hold the place of the facts', async ({ page }) => {
  const journey = new JourneyPage(page);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/suchdienst/api/v2/servicedescriptions/**', async (route) => {
    await held;
    await route.continue();
  });
  await openAtNoerdlingen(journey);
  const skeleton = journey.service(NEW_VEHICLE).getByTestId('facts-loading');
  await expect(skeleton).toBeVisible();
  await axe(journey, 'loading');
  release();
  // On a busy machine axe may outlast the app's 4 s request budget: then the page says so and
  // offers to try again, which must bring the facts as well.
  await expect(journey.failed.or(page.getByTestId('service-facts').first())).toBeVisible({ timeout: 30_000 });
  if (await journey.failed.isVisible()) await journey.failed.getByRole('button').click();
  await journey.factsLoaded();
  await expect(journey.service(NEW_VEHICLE).getByTestId('service-authority')).toContainText(OFFICE);
});

// Not the strict fixture: the refused requests log console errors, which is the point here.
base('when every source fails the citizen is told, keeps the general steps, and can try again', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/ERR_CONNECTION_REFUSED/.test(message.text())) errors.push(message.text());
  });
  const journey = new JourneyPage(page);
  let fail = true;
  await page.route('**/suchdienst/api/v2/servicedescriptions/**', (route) =>
    fail ? route.abort('connectionrefused') : route.continue(),
  );
  await openAtNoerdlingen(journey);
  await expect(journey.failed).toBeVisible({ timeout: 30_000 });
  await expect(journey.failed).toContainText('konnten gerade nicht geladen werden');
  await expect(journey.steps.first()).toBeVisible();
  await axe(journey, 'all sources failed');
  fail = false;
  await journey.failed.getByRole('button', { name: 'Erneut versuchen' }).click();
  await journey.factsLoaded();
  await expect(journey.failed).toHaveCount(0);
  await expect(journey.service(NEW_VEHICLE).getByTestId('service-authority')).toContainText(OFFICE);
  expect(errors).toEqual([]);
});

test('printed, the journey is a checklist without navigation and forms', async ({ page }) => {
  const journey = new JourneyPage(page);
  await openAtNoerdlingen(journey);
  await journey.factsLoaded();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('journey-print')).toBeHidden();
  await expect(journey.header.getByRole('navigation')).toBeHidden();
  await expect(journey.footer).toBeHidden();
  await expect(journey.tick(REGISTER_STEP)).toBeVisible();
  await expect(journey.service(NEW_VEHICLE).getByTestId('service-facts')).toBeVisible();
});

// Not the strict fixture: the failed loads of the faulty nodes are the point of this test.
base.describe('with misbehaving federation sources', () => {
  base('the journey shows the healthy facts, names the failed sources, and runs nothing injected', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', async (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      await dialog.dismiss();
    });
    const journey = new JourneyPage(page);
    await journey.open(`${FAULTY_URL}${JOURNEY}?ars=${NOERDLINGEN}`);
    await expect(journey.service(NEW_VEHICLE).getByTestId('service-authority')).toContainText(OFFICE, { timeout: 30_000 });
    for (const name of ['Ausgefallene Quelle', 'Hängende Quelle', 'Quelle mit Serverfehler', 'Quelle mit kaputtem JSON', 'Quelle mit 20 MB']) {
      await expect(journey.sourceNotice).toContainText(name, { timeout: 30_000 });
    }
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    const main = page.locator('#main');
    await expect(main.locator('script')).toHaveCount(0);
    await expect(main.locator('[onerror], [onclick], [onload]')).toHaveCount(0);
    await expect(main.locator('a[href^="javascript" i]')).toHaveCount(0);
    await axe(journey, 'partial: sources missing');
    expect(errors).toEqual([]);
  });
});
