// Where the suite finds the gateway, and how Chromium is started. Shared by the Playwright
// config and the benchmark scripts.

/** Port of the gateway under test: 18080 and up belong to `make test` (ARCHITECTURE.md). */
export const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 18080);
export const GATEWAY_ADDRESS = `127.0.0.1:${GATEWAY_PORT}`;
export const BASE_URL = `http://${GATEWAY_ADDRESS}`;

/**
 * Flags for Debian's Chromium in a sandboxed, offline CI: no background traffic (it would flood
 * refused connections), and every host name except loopback resolves to nothing, so a request
 * to a third party can never leave the machine even if a test forgot to check for it.
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
