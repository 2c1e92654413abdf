// Sign-in with the Servicekonto against the real sandbox IdP (end2end/sandbox/idp.mjs, npm
// oidc-provider) at http://localhost:18081 — another site than the gateway at 127.0.0.1:18080.
// The gateway is the OIDC client; the browser must never see a token.
import { test, expect } from './fixtures';
import type { Page, BrowserContext } from '@playwright/test';
import { BASE_URL, IDP_URL } from './support/env';

/** A curated service whose online service requires "hoch" (Führungszeugnis). */
const SERVICE_HOCH = '/leistungen/99049001001003';

type Means = 'password' | 'elster' | 'eid';

/** At the IdP's test-citizen chooser: pick a citizen and a means (and optionally a fault). */
async function chooseAtIdp(page: Page, citizen: string, means: Means, fault?: string) {
  await expect(page).toHaveURL(new RegExp(`^${IDP_URL}/interaction/`));
  if (fault) {
    await page.locator('summary').click();
    await page.getByTestId('fault').selectOption(fault);
  }
  await page.getByTestId(`login-${citizen}-${means}`).click();
}

async function signInFromHeader(page: Page, citizen = 'U01', means: Means = 'eid') {
  await page.getByTestId('sign-in').click();
  await chooseAtIdp(page, citizen, means);
  await expect(page).toHaveURL(new RegExp(`^${BASE_URL}/`));
  await expect(page.locator('html')).toHaveAttribute('data-app-ready', 'true');
}

/** Everything script can read: cookies, Web Storage, IndexedDB databases, the URL. */
async function scriptVisibleState(page: Page) {
  return page.evaluate(async () => {
    const storage = (s: Storage) => Object.fromEntries(Object.entries(s));
    const dbs = (await indexedDB.databases?.()) ?? [];
    return {
      cookie: document.cookie,
      local: JSON.stringify(storage(localStorage)),
      session: JSON.stringify(storage(sessionStorage)),
      indexedDb: dbs.map((d) => d.name).join(','),
      url: location.href,
    };
  });
}

function expectNoTokens(state: Record<string, string>) {
  for (const [where, value] of Object.entries(state)) {
    expect(value, `${where} must hold no token`).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    for (const claim of ['Maria', 'Neumann', '1985-04-12', 'maria.neumann', 'bpk2', 'SANDBOX-BPK2']) {
      expect(value, `${where} must hold no claim (${claim})`).not.toContain(claim);
    }
    expect(value, `${where} must carry no code or state`).not.toMatch(/[?&](code|state|id_token|access_token)=/);
  }
}

async function sessionJson(context: BrowserContext) {
  const response = await context.request.get(`${BASE_URL}/auth/session`);
  return response.json();
}

test('sign in from the header: name, account data with trust levels, no token anywhere, survives reload', async ({ page, app, context }) => {
  await app.open('/suche?ars=160510000000');
  await expect(page.getByTestId('sign-in')).toHaveAttribute('href', '/auth/login?return=/suche%3Fars%3D160510000000');
  await signInFromHeader(page, 'U01', 'eid');
  // Back where the citizen was, query kept, no protocol parameters.
  await expect(page).toHaveURL(`${BASE_URL}/suche?ars=160510000000`);
  await expect(page.getByTestId('signed-in-name')).toHaveText(/Maria Neumann/);

  const cookies = await context.cookies(BASE_URL);
  const session = cookies.find((c) => c.name === 'll_session');
  expect(session, 'session cookie').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.path).toBe('/');
  expect(session!.secure).toBe(false); // plain http on loopback; Secure + __Host- under TLS
  expect(session!.expires).toBe(-1); // a browser-session cookie
  expect(session!.value).not.toContain('Maria');
  expect(cookies.find((c) => c.name === 'll_login')).toBeUndefined();
  expectNoTokens(await scriptVisibleState(page));

  await expect(page.getByTestId('signed-in-name')).toHaveAttribute('href', '/konto');
  await app.open('/konto');
  const claims = page.getByTestId('account-claims');
  await expect(claims.getByTestId('claim-given-name')).toContainText('Maria');
  await expect(claims.getByTestId('claim-family-name')).toContainText('Neumann');
  await expect(claims.getByTestId('claim-birthdate')).toContainText('1985-04-12');
  await expect(claims.getByTestId('claim-address')).toContainText('Musterstraße 12, 99084 Erfurt, DE');
  await expect(claims.getByTestId('claim-given-name').locator('[data-trust]')).toHaveAttribute('data-trust', 'hoch');
  await expect(claims.getByTestId('claim-email').locator('[data-trust]')).toHaveAttribute('data-trust', 'basisregistrierung');
  await expect(claims.getByTestId('claim-email')).toContainText('Servicekonto (Testumgebung)');
  await expect(page.getByTestId('account-level')).toHaveAttribute('data-level', 'hoch');
  await expect(page.getByTestId('account-stored')).toContainText('nicht auf dem Server');

  await page.reload();
  await app.ready();
  await expect(page.getByTestId('account-level')).toHaveAttribute('data-level', 'hoch');
  expectNoTokens(await scriptVisibleState(page));
});

test('step-up on a service page: "mit höherem Vertrauensniveau anmelden" returns to the same place', async ({ page, app }) => {
  await app.open(`${SERVICE_HOCH}?ars=160510000000`);
  await expect(page.getByTestId('trust-needed')).toContainText('„hoch“');
  await signInFromHeader(page, 'U01', 'password');
  await expect(page).toHaveURL(`${BASE_URL}${SERVICE_HOCH}?ars=160510000000`);
  await expect(page.getByTestId('trust-too-low')).toContainText('Basisregistrierung');

  await page.getByTestId('step-up').click();
  // The IdP asks again (its session is below the level) and offers only means that reach it.
  await expect(page.getByTestId('requested-level')).toHaveText('hoch');
  await expect(page.getByTestId('login-U01-password')).toBeDisabled();
  await expect(page.getByTestId('login-U01-elster')).toBeDisabled();
  await chooseAtIdp(page, 'U01', 'eid');
  await expect(page).toHaveURL(`${BASE_URL}${SERVICE_HOCH}?ars=160510000000`);
  await expect(page.getByTestId('trust-ok')).toContainText('„hoch“');
});

test('sign-out ends the session here, at the IdP and in other tabs', async ({ page, app, context }) => {
  await app.open('/konto');
  await signInFromHeader(page, 'U02', 'elster');
  await expect(page.getByTestId('account-level')).toHaveAttribute('data-level', 'substanziell');

  const other = await context.newPage();
  await other.goto(`${BASE_URL}/en/suche`);
  await expect(other.getByTestId('signed-in-name')).toHaveText(/Jonas Becker/);

  await page.getByTestId('sign-out').click();
  // Via the IdP's end-session endpoint back to the start page, signed out.
  await page.waitForURL(`${BASE_URL}/`);
  await expect(page.getByTestId('sign-in')).toBeVisible();
  // The other tab learns of it within seconds, without polling.
  await expect(other.getByTestId('sign-in')).toBeVisible({ timeout: 5_000 });
  expect((await sessionJson(context)).signedIn).toBe(false);
  expect((await context.cookies(BASE_URL)).find((c) => c.name === 'll_session')).toBeUndefined();

  // The IdP session ended too: signing in again shows the chooser.
  await page.getByTestId('sign-in').click();
  await expect(page).toHaveURL(new RegExp(`^${IDP_URL}/interaction/`));
  await other.close();
});

test('a sign-in in one tab shows up in the other tabs', async ({ page, app, context }) => {
  await app.open('/suche');
  const other = await context.newPage();
  await other.goto(`${BASE_URL}/konto`);
  await expect(other.getByTestId('account-signed-out')).toBeVisible();
  await signInFromHeader(page, 'U03', 'password');
  await expect(other.getByTestId('account-level')).toHaveAttribute('data-level', 'basisregistrierung', { timeout: 5_000 });
  await other.close();
});

test('cancelling at the IdP brings the citizen back with a message in their language', async ({ page, app }) => {
  await app.open('/en/suche?ars=160510000000');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('cancel').click();
  await expect(page).toHaveURL(`${BASE_URL}/en/suche?ars=160510000000`); // the error code is removed
  const notice = page.getByTestId('auth-notice');
  await expect(notice).toHaveAttribute('data-code', 'cancelled');
  await expect(notice).toContainText('You cancelled the sign-in');
  await expect(notice.getByTestId('auth-retry')).toHaveAttribute('href', '/auth/login?return=/en/suche%3Fars%3D160510000000');
  await expect(page.getByTestId('sign-in')).toBeVisible();
});

for (const [fault, code, text] of [
  ['wrong-nonce', 'invalid', 'ungültig'],
  ['bad-signature', 'invalid', 'ungültig'],
  ['wrong-aud', 'invalid', 'ungültig'],
  ['expired', 'clock', 'zeitlich nicht gültig'],
] as const) {
  test(`an ID token with fault ${fault} is rejected with a clear message`, async ({ page, app, context }) => {
    await app.open(`${SERVICE_HOCH}`);
    await page.getByTestId('trust-sign-in').click();
    await chooseAtIdp(page, 'U01', 'eid', fault);
    await expect(page).toHaveURL(`${BASE_URL}${SERVICE_HOCH}`);
    await expect(page.getByTestId('auth-notice')).toHaveAttribute('data-code', code);
    await expect(page.getByTestId('auth-notice')).toContainText(text);
    expect((await sessionJson(context)).signedIn).toBe(false);
  });
}

test('a replayed callback is refused', async ({ page, app }) => {
  await app.open('/konto');
  let callback = '';
  page.on('request', (r) => {
    if (r.url().startsWith(`${BASE_URL}/auth/callback`)) callback = r.url();
  });
  await signInFromHeader(page, 'U03', 'password');
  expect(callback).toContain('state=');
  await page.getByTestId('sign-out').click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(callback);
  await expect(page.getByTestId('auth-notice')).toHaveAttribute('data-code', 'state');
  await expect(page.getByTestId('sign-in')).toBeVisible();
});

test.describe('refused requests', () => {
  test.use({ expectedErrorStatusPaths: ['/auth/login', '/auth/logout'] });

  test('open redirects through return are refused', async ({ page }) => {
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await page.goto(`/auth/login?return=${encodeURIComponent(target)}`);
      expect(response!.status(), target).toBe(400);
      expect(new URL(page.url()).host).toBe(new URL(BASE_URL).host);
    }
  });

  test('a cross-site form cannot sign the citizen out', async ({ page, app, context }) => {
    await app.open('/konto');
    await signInFromHeader(page, 'U03', 'password');
    // From the IdP's site (another site), a form posts to the gateway's logout.
    await page.goto(`${IDP_URL}/sandbox/health`);
    await page.evaluate((action) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = action;
      document.body.append(form);
      form.submit();
    }, `${BASE_URL}/auth/logout`);
    await page.waitForURL(`${BASE_URL}/auth/logout`);
    await expect(page.locator('body')).toContainText('Forbidden');
    expect((await sessionJson(context)).signedIn).toBe(true);
  });
});
