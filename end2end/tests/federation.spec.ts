// The federation client in the browser, against one healthy source (the gateway's mirror) and
// every way a federation node can misbehave at once: down, hanging, HTTP 500, malformed JSON,
// a 20 MB body, and injected <script>/onerror payloads. The healthy results must survive, a
// notice must name each failed source, and nothing injected may execute.
//
// A second gateway (FAULTY_URL) is configured with these sources; the misbehaving node is
// end2end/sandbox/misbehaving-source.mjs. Both are started by playwright.config.ts.
import { test, expect, type Page } from '@playwright/test';
import { FAULTY_URL, MISBEHAVING_URL, DOWN_URL } from './support/env';

const NOERDLINGEN = '097790194194';
const NEW_VEHICLE = '99036008007002'; // "Neues Fahrzeug zulassen", curated in the mirror
const FAILING = ['Ausgefallene Quelle', 'Hängende Quelle', 'Quelle mit Serverfehler', 'Quelle mit kaputtem JSON', 'Quelle mit 20 MB'];

/** Collects what must not happen; tolerates exactly the failed loads of the faulty nodes. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  const faulty = [MISBEHAVING_URL, DOWN_URL];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    const text = message.text();
    const fromFaultyNode = faulty.some((origin) => where.startsWith(origin) || text.includes(origin));
    // The mirror answers 404 for "no hit", which Chromium logs like any failed load.
    const noHit = /status of 404/.test(text) && where.includes('/suchdienst/api/');
    if (fromFaultyNode || noHit || /^Failed to load resource: net::ERR_(CONNECTION_REFUSED|ABORTED)/.test(text)) return;
    problems.push(`console.error: ${text} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

async function assertNothingExecuted(page: Page) {
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  const main = page.locator('#main');
  await expect(main.locator('script')).toHaveCount(0);
  await expect(main.locator('[onerror], [onclick], [onload]')).toHaveCount(0);
  await expect(main.locator('a[href^="javascript" i], [src]')).toHaveCount(0);
}

test('the healthy source survives five misbehaving ones, and a notice names each', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${FAULTY_URL}/leistungen/${NEW_VEHICLE}?ars=${NOERDLINGEN}`);
  await expect(page.locator('html[data-app-ready="true"]')).toBeAttached();

  const texts = page.getByTestId('service-texts');
  await expect(texts).toBeVisible();
  // The mirror's description is the most local one, so it wins over the injected federal one.
  await expect(page.getByTestId('page-heading')).toHaveText('Neues Fahrzeug zulassen');
  await expect(page.getByTestId('service-authority')).toContainText('Donau-Ries');

  const notice = page.getByTestId('source-notice');
  for (const name of FAILING) await expect(notice).toContainText(name, { timeout: 30_000 });
  // The injecting node answered well-formed JSON: it is not "missing".
  await expect(notice).not.toContainText('Quelle mit Schadcode');

  await assertNothingExecuted(page);
  expect(problems).toEqual([]);
});

test('text from a hostile source is shown only as sanitised text', async ({ page }) => {
  const problems = watch(page);
  // A valid key the mirror has no description for: only the injecting node answers.
  await page.goto(`${FAULTY_URL}/leistungen/99999999999999?ars=${NOERDLINGEN}`);
  await expect(page.getByTestId('service-texts')).toContainText('Injected text', { timeout: 30_000 });
  await expect(page.getByTestId('page-heading')).toHaveText(/Zulassung\s*eines Fahrzeugs/);
  await assertNothingExecuted(page);
  expect(problems).toEqual([]);
});

test('place search survives the misbehaving sources and offers Nördlingen for 86720', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${FAULTY_URL}/leistungen/${NEW_VEHICLE}`);
  await expect(page.locator('html[data-app-ready="true"]')).toBeAttached();
  await page.getByRole('combobox', { name: 'Postleitzahl oder Name Ihres Ortes' }).fill('86720');
  await page.getByRole('button', { name: 'Ort suchen' }).click();
  const results = page.getByTestId('place-results');
  await expect(results.getByRole('option', { name: /86720 Nördlingen/ })).toHaveCount(1);
  await results.getByRole('option', { name: /86720 Nördlingen/ }).click();
  await expect(page).toHaveURL(new RegExp(`ars=${NOERDLINGEN}`));
  await expect(page.getByTestId('page-heading')).toHaveText('Neues Fahrzeug zulassen');
  await assertNothingExecuted(page);
  expect(problems).toEqual([]);
});
