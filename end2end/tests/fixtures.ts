// The shared test fixture. Every test that opens a page fails when, anywhere in it:
// - the console reports an error (CSP violations and failed loads included),
// - an uncaught exception (`pageerror`) occurs — a Rust panic surfaces this way,
// - any console message (of any level) mentions hydration,
// - the browser requests a host other than loopback (those requests are also aborted).
// A test that expects an error status for its own document (the 404 page) names the path in
// `expectedErrorStatusPaths`, which excuses exactly Chromium's "Failed to load resource" line
// for that document and nothing else.
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page';

export { expect };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for network URLs that leave the machine; data:, blob: and the like are local. */
export function isThirdParty(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false;
  return !LOOPBACK_HOSTS.has(parsed.hostname);
}

type Options = {
  /** Paths whose document is expected to answer with an error status (e.g. the 404 page). */
  expectedErrorStatusPaths: string[];
};

type Fixtures = {
  /** Everything that went wrong in the browser during the test; asserted empty at the end. */
  problems: string[];
  /** The page object for the app's common layout. */
  app: AppPage;
};

export const test = base.extend<Options & Fixtures>({
  expectedErrorStatusPaths: [[], { option: true }],

  problems: async ({}, use) => {
    await use([]);
  },

  context: async ({ context, problems }, use) => {
    // Recorded on the context, so no page, worker or popup escapes the check.
    context.on('request', (request) => {
      if (isThirdParty(request.url())) problems.push(`request to a third party: ${request.url()}`);
    });
    await context.route(
      (url) => isThirdParty(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    await use(context);
  },

  page: async ({ page, problems, expectedErrorStatusPaths }, use) => {
    page.on('console', (message) => {
      const text = message.text();
      const where = message.location().url;
      if (/hydrat/i.test(text)) {
        problems.push(`console.${message.type()} about hydration: ${text} (${where})`);
        return;
      }
      if (message.type() !== 'error') return;
      if (
        /^Failed to load resource: the server responded with a status of \d+/.test(text) &&
        where &&
        expectedErrorStatusPaths.includes(new URL(where).pathname)
      ) {
        return;
      }
      problems.push(`console.error: ${text}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught exception: ${error.name}: ${error.message}`);
    });
    page.on('crash', () => problems.push('the page crashed'));

    await use(page);

    expect(
      problems,
      'console errors, uncaught exceptions, hydration messages or third-party requests',
    ).toEqual([]);
  },

  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});
