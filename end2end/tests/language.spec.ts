// Language: the switch shows the same page in the other language without a reload and
// remembers the choice in a `lang` cookie; the gateway negotiates `/` from that cookie, else
// from Accept-Language (ARCHITECTURE.md, "URLs and languages").
import { test, expect } from './fixtures';
import { BASE_URL } from './support/env';

async function langCookie(context: import('@playwright/test').BrowserContext) {
  return (await context.cookies(BASE_URL)).find((c) => c.name === 'lang')?.value;
}

test('the language switch shows the same page in the other language, client-side', async ({ app, page, context }) => {
  await app.open('/suche');
  const german = { title: await page.title(), heading: (await app.heading.textContent())?.trim() };
  await app.markDocument();

  await app.languageSwitch.click();
  await expect(page).toHaveURL('/en/suche');
  await expect(app.html).toHaveAttribute('lang', 'en');
  await expect(page).not.toHaveTitle(german.title);
  await expect(app.heading).not.toHaveText(german.heading ?? '');
  await app.expectSameDocument();
  await expect.poll(() => langCookie(context), { message: 'lang cookie after switching to English' }).toBe('en');
  const english = { title: await page.title(), heading: (await app.heading.textContent())?.trim() };
  expect(english.title).not.toBe(german.title);

  await app.languageSwitch.click();
  await expect(page).toHaveURL('/suche');
  await expect(app.html).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle(german.title);
  await expect(app.heading).toHaveText(german.heading ?? '');
  await app.expectSameDocument();
  await expect.poll(() => langCookie(context), { message: 'lang cookie after switching back' }).toBe('de');
});

test.describe('the gateway negotiates / for a browser preferring English', () => {
  test.use({ locale: 'en-GB' });

  test('without a cookie it lands on /en/', async ({ app, page }) => {
    await app.open('/');
    await expect(page).toHaveURL('/en/');
    await expect(app.html).toHaveAttribute('lang', 'en');
  });

  test('with the cookie lang=de it stays German', async ({ app, page, context }) => {
    await context.addCookies([{ name: 'lang', value: 'de', url: BASE_URL }]);
    await app.open('/');
    await expect(page).toHaveURL('/');
    await expect(app.html).toHaveAttribute('lang', 'de');
  });
});

test.describe('negotiation of / over HTTP', () => {
  const get = (request: import('@playwright/test').APIRequestContext, headers: Record<string, string>) =>
    request.get('/', { headers, maxRedirects: 0 });

  function expectVaryOn(vary: string | undefined, ...names: string[]) {
    const listed = (vary ?? '').toLowerCase().split(',').map((s) => s.trim());
    for (const name of names) expect(listed, `Vary: ${vary}`).toContain(name.toLowerCase());
  }

  test('Accept-Language en redirects to /en/, varying on Accept-Language and Cookie', async ({ request }) => {
    const res = await get(request, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect([301, 302, 303, 307, 308]).toContain(res.status());
    expect(new URL(res.headers()['location'] ?? '', BASE_URL).pathname).toBe('/en/');
    expectVaryOn(res.headers()['vary'], 'Accept-Language', 'Cookie');
  });

  test('the cookie lang=de wins over Accept-Language en', async ({ request }) => {
    const res = await get(request, { 'Accept-Language': 'en', Cookie: 'lang=de' });
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/<html[^>]*\slang="de"/);
    expectVaryOn(res.headers()['vary'], 'Accept-Language', 'Cookie');
  });

  test('the cookie lang=en wins over Accept-Language de', async ({ request }) => {
    const res = await get(request, { 'Accept-Language': 'de-DE', Cookie: 'lang=en' });
    expect([301, 302, 303, 307, 308]).toContain(res.status());
    expect(new URL(res.headers()['location'] ?? '', BASE_URL).pathname).toBe('/en/');
  });

  test('German, unknown or no Accept-Language get the German start page', async ({ request }) => {
    for (const headers of [{ 'Accept-Language': 'de-DE,de;q=0.9' }, { 'Accept-Language': 'fr' }, {}]) {
      const res = await get(request, headers);
      expect(res.status(), JSON.stringify(headers)).toBe(200);
      expect(await res.text()).toMatch(/<html[^>]*\slang="de"/);
    }
  });
});
