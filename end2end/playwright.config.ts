// Playwright runs in Debian's Chromium (/usr/bin/chromium): no browser is ever downloaded.
// The gateway serves the release build (../dist) on its own port, 18080, so the suite never
// collides with a running `make run` (8080).
import { defineConfig } from '@playwright/test';
import {
  BASE_URL,
  GATEWAY_ADDRESS,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  FAULTY_PORT,
  FAULTY_URL,
  FAULTY_SOURCES,
  MISBEHAVING_PORT,
  IDP_PORT,
  IDP_URL,
} from './tests/support/env';

// Never reuse a server that is already listening: on a shared machine it may be someone's
// gateway with another build or configuration, and tests against it would pass or fail for the
// wrong reasons. A busy port fails the run with a clear message instead.
const reuseExistingServer = false;

/** A gateway serving the release build (../dist) and the shipped dataset on `address`. */
function gateway(address: string, origin: string, env: Record<string, string> = {}) {
  return {
    command: '../target/native/gateway',
    url: `${origin}/suche`,
    env: {
      LEBENSLAGEN_LISTEN: address,
      LEBENSLAGEN_DIST: '../dist',
      LEBENSLAGEN_DATA: '../data/generated',
      LEBENSLAGEN_PUBLIC_ORIGIN: origin,
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
      ...env,
    },
    reuseExistingServer,
    timeout: 30_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  // Sized for CI's two cores, which also run Chromium's renderer and the gateway.
  workers: 2,
  // Flakiness is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // `list` ends with the "N passed" line that the CI log is read for.
  reporter: 'list',
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    // Playwright's default locale is en-US, which the gateway would (rightly) send to /en/.
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: [
    // The sandbox Servicekonto IdP (another site than the gateway): discovered on the first sign-in.
    {
      command: `node sandbox/idp.mjs --port ${IDP_PORT} --gateway-origin ${BASE_URL} --quiet`,
      url: `http://127.0.0.1:${IDP_PORT}/sandbox/health`,
      reuseExistingServer,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    gateway(GATEWAY_ADDRESS, BASE_URL, {
      LEBENSLAGEN_AUTH_ISSUER: IDP_URL,
      // Fixed, so a reused server and the tests agree; a test key, never for production.
      LEBENSLAGEN_AUTH_SESSION_KEY: 'ZTJlLW9ubHktc2Vzc2lvbi1rZXktbm90LWZvci1wcm9kdWN0aW9uIQ==',
    }),
    // The federation tests: a misbehaving node, and a gateway that lists it beside the mirror.
    {
      command: `node sandbox/misbehaving-source.mjs ${MISBEHAVING_PORT}`,
      url: `http://127.0.0.1:${MISBEHAVING_PORT}/healthz`,
      reuseExistingServer,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    gateway(`127.0.0.1:${FAULTY_PORT}`, FAULTY_URL, { LEBENSLAGEN_FEDERATION_SOURCES: FAULTY_SOURCES }),
  ],
});
