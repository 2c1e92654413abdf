// How Debian's Chromium is started, by the Playwright suite and the benchmarks alike. Never a
// downloaded browser.

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for Chromium in a sandboxed, offline CI: no background traffic (it would flood refused
 * connections), and every host name except loopback resolves to nothing, so a request to a
 * third party can never leave the machine even if a test forgot to check for it.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
