// Where the suite finds the gateways, and how Chromium is started (chromium.mjs, which the
// benchmarks share).

/** Port of the gateway under test: 18080 and up belong to `make test` (ARCHITECTURE.md). */
export const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 18080);
export const GATEWAY_ADDRESS = `127.0.0.1:${GATEWAY_PORT}`;
export const BASE_URL = `http://${GATEWAY_ADDRESS}`;

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';

/**
 * A second gateway for the federation tests, configured with the healthy mirror plus one
 * misbehaving node per failure mode (see sandbox/misbehaving-source.mjs), and a closed port
 * standing for a node that is down.
 */
export const FAULTY_PORT = Number(process.env.E2E_FAULTY_PORT ?? 18090);
export const FAULTY_URL = `http://127.0.0.1:${FAULTY_PORT}`;
export const MISBEHAVING_PORT = Number(process.env.E2E_MISBEHAVING_PORT ?? 18098);
export const MISBEHAVING_URL = `http://127.0.0.1:${MISBEHAVING_PORT}`;
/** Nothing listens here. */
export const DOWN_URL = `http://127.0.0.1:${Number(process.env.E2E_DOWN_PORT ?? 18097)}`;

/** LEBENSLAGEN_FEDERATION_SOURCES for the faulty gateway. */
export const FAULTY_SOURCES = [
  'mirror=Lebenslagen-Katalog (Beispieldaten)|/suchdienst/api',
  `down=Ausgefallene Quelle|${DOWN_URL}/suchdienst/api`,
  `hang=Hängende Quelle|${MISBEHAVING_URL}/hang`,
  `error=Quelle mit Serverfehler|${MISBEHAVING_URL}/status500`,
  `malformed=Quelle mit kaputtem JSON|${MISBEHAVING_URL}/malformed`,
  `huge=Quelle mit 20 MB|${MISBEHAVING_URL}/huge`,
  `inject=Quelle mit Schadcode|${MISBEHAVING_URL}/inject`,
].join(';');

/**
 * The sandbox Servicekonto (end2end/sandbox/idp.mjs) of the suite: `localhost`, not 127.0.0.1,
 * so the IdP is another site than the gateway, as in production.
 */
export const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 18081);
export const IDP_URL = `http://localhost:${IDP_PORT}`;
