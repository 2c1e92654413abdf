#!/usr/bin/env node
// Sandbox Servicekonto: a real OpenID provider (npm `oidc-provider`, OpenID Certified) that
// behaves like a BundID-brokering portal, for `make run` and the tests. Never shipped.
//
//   node end2end/sandbox/idp.mjs [--port 8081] [--issuer http://localhost:8081]
//        [--gateway-origin http://127.0.0.1:8080]... [--client-id lebenslagen]
//        [--client-secret …]
//
// - Test citizens (citizens.mjs) are picked on a visible chooser page; no passwords.
// - acr: the level of the chosen means of identification, in the vocabulary the client asked
//   for (STORK-QAA-Level-N, or eIDAS LoA URIs). A request for a level above the current IdP
//   session's level asks the citizen again (step-up), like BundID's Comparison="minimum".
// - PKCE (S256) is required for every client, also the confidential gateway.
// - Claims (docs/sign-in.md): OIDC standard claims; `verified_levels` (per-claim akdb trust
//   level), `trust_level`, `assertion_proved_by` in scope `trust`; `bpk2`, `postkorb_handle`
//   and the other BundID attributes in scope `bundid`.
// - Failure injection for tests: the chooser offers faults that tamper with the ID token
//   (wrong aud/nonce/signature, expired, issued in the future, lower acr), and
//   `POST /sandbox/rotate-keys` publishes and switches to a new signing key.
import crypto from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider, { interactionPolicy, errors } from 'oidc-provider';
import { CITIZENS, MEANS, claimsFor, findCitizen } from './citizens.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_IDP_PORT ?? '8081' },
    issuer: { type: 'string' },
    'gateway-origin': { type: 'string', multiple: true },
    'client-id': { type: 'string', default: 'lebenslagen' },
    'client-secret': { type: 'string', default: 'sandbox-secret-only-for-local-use' },
    quiet: { type: 'boolean', default: false },
  },
});
const PORT = Number(args.port);
const ISSUER = (args.issuer ?? `http://localhost:${PORT}`).replace(/\/$/, '');
const GATEWAYS = (args['gateway-origin'] ?? ['http://127.0.0.1:8080']).map((o) => o.replace(/\/$/, ''));
const log = (...m) => { if (!args.quiet) console.log('[sandbox-idp]', ...m); };

// --- levels -------------------------------------------------------------------------------------
const EIDAS = { 1: 'http://eidas.europa.eu/LoA/low', 3: 'http://eidas.europa.eu/LoA/substantial', 4: 'http://eidas.europa.eu/LoA/high' };
const STORK = { 1: 'STORK-QAA-Level-1', 3: 'STORK-QAA-Level-3', 4: 'STORK-QAA-Level-4' };
const LEVEL_NAME = { 1: 'Basisregistrierung', 3: 'substanziell', 4: 'hoch' };
function levelOf(acr) {
  if (!acr) return undefined;
  for (const [n, v] of Object.entries(EIDAS)) if (v === acr) return Number(n);
  for (const [n, v] of Object.entries(STORK)) if (v === acr) return Number(n);
  if (acr === 'STORK-QAA-Level-2') return 1;
  return undefined;
}
/** The lowest level the request asks for (acr_values are alternatives: the minimum counts). */
function requestedLevel(acrValues) {
  const levels = String(acrValues ?? '').split(' ').map(levelOf).filter(Boolean);
  return levels.length ? Math.min(...levels) : 1;
}
function acrFor(level, acrValues) {
  return String(acrValues ?? '').includes('STORK-QAA-Level') ? STORK[level] : EIDAS[level];
}

// --- keys: generated per start (tokens never outlive the process) ------------------------------
function newKey(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}
const publicJwk = ({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use });
const providerKey = newKey('sandbox-1');
let rotatedKey; // after POST /sandbox/rotate-keys: published, and signs every ID token
const rogueKey = newKey('sandbox-1'); // same kid, never published: a forged signature

const b64url = (buf) => Buffer.from(buf).toString('base64url');
function signJwt(header, payload, key) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${b64url(signature)}`;
}
function decodeJwt(jwt) {
  const [h, p] = jwt.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url')), payload: JSON.parse(Buffer.from(p, 'base64url')) };
}

// --- faults ---------------------------------------------------------------------------------------
const FAULTS = {
  'wrong-aud': 'ID-Token für einen anderen Client (aud)',
  'wrong-nonce': 'ID-Token mit falscher nonce',
  'bad-signature': 'ID-Token mit gefälschter Signatur',
  expired: 'ID-Token abgelaufen (Uhr der Gegenstelle geht 1 Stunde nach)',
  future: 'ID-Token aus der Zukunft (Uhr der Gegenstelle geht 10 Minuten vor)',
  'small-skew': 'Uhr der Gegenstelle geht 30 Sekunden vor (innerhalb der Toleranz)',
  'low-acr': 'Niedrigeres Vertrauensniveau als angefordert (acr)',
};
const FAULT_AMR = 'sandbox-fault:';

/** Rewrites the ID token of a token response, if the sign-in asked for a fault or keys rotated. */
function tamper(idToken) {
  const { header, payload } = decodeJwt(idToken);
  const fault = payload.sandbox_fault;
  delete payload.sandbox_fault;
  if (!fault && !rotatedKey) return idToken;
  const now = Math.floor(Date.now() / 1000);
  let key = rotatedKey ?? providerKey;
  switch (fault) {
    case 'wrong-aud': payload.aud = 'another-client'; break;
    case 'wrong-nonce': payload.nonce = 'forged-nonce'; break;
    case 'bad-signature': key = rogueKey; break;
    case 'expired': payload.iat = now - 3600; payload.exp = now - 3000; payload.auth_time = now - 3600; break;
    case 'future': payload.iat = now + 600; payload.exp = now + 1200; payload.auth_time = now + 600; break;
    case 'small-skew': payload.iat = now + 30; payload.exp += 30; break;
    case 'low-acr': payload.acr = acrFor(1, payload.acr?.startsWith('STORK') ? 'STORK-QAA-Level' : ''); break;
    default: break;
  }
  return signJwt({ ...header, kid: key.kid }, payload, key);
}

// --- the provider -------------------------------------------------------------------------------
const policy = interactionPolicy.base();
policy.get('login').checks.add(
  new interactionPolicy.Check('acr_too_low', 'a higher trust level was requested', (ctx) => {
    const { oidc } = ctx;
    if (!oidc.session.accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
    const have = levelOf(oidc.session.acr) ?? 1;
    return requestedLevel(oidc.params.acr_values) > have
      ? interactionPolicy.Check.REQUEST_PROMPT
      : interactionPolicy.Check.NO_NEED_TO_PROMPT;
  }),
);

const page = (title, body) => `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${title} – Servicekonto (Testumgebung)</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f23;line-height:1.5}
header{background:#00414f;color:#fff;padding:.75rem 1rem}header p{margin:0;font-weight:600}
main{max-width:46rem;margin:0 auto;padding:1rem}
.note{background:#fff4ce;border-left:4px solid #b58100;padding:.5rem .75rem}
.citizen{background:#fff;border:1px solid #c8cdd2;border-radius:4px;padding:.75rem 1rem;margin:1rem 0}
.citizen h2{margin:.2rem 0 .5rem;font-size:1.15rem}
button{font:inherit;padding:.45rem .8rem;margin:.2rem .3rem .2rem 0;border:1px solid #00414f;background:#00414f;color:#fff;border-radius:3px;cursor:pointer}
button:disabled{background:#e6e8ea;color:#5c6670;border-color:#c8cdd2;cursor:not-allowed}
button.secondary{background:#fff;color:#00414f}
details{margin-top:1.5rem}label{display:block;margin:.5rem 0}select{font:inherit}
</style></head>
<body><header><p>Servicekonto – Testumgebung (Sandbox)</p></header><main>${body}</main></body></html>`;

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const configuration = {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    client_name: 'Lebenslagen',
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: GATEWAYS.map((o) => `${o}/auth/callback`),
    post_logout_redirect_uris: GATEWAYS.map((o) => `${o}/`),
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  pkce: { required: () => true },
  acrValues: [...Object.values(STORK), ...Object.values(EIDAS)],
  claims: {
    // `sandbox_fault` carries a chosen fault to the token endpoint, which removes it again.
    openid: ['sub', 'sandbox_fault'],
    acr: null,
    auth_time: null,
    sid: null,
    amr: null,
    profile: ['given_name', 'family_name', 'birthdate'],
    email: ['email', 'email_verified'],
    address: ['address'],
    trust: ['verified_levels', 'trust_level', 'assertion_proved_by'],
    bundid: ['bpk2', 'postkorb_handle', 'place_of_birth', 'birth_name', 'nationality', 'gender',
      'phone_number', 'community_id'],
  },
  scopes: ['openid', 'profile', 'email', 'address', 'trust', 'bundid'],
  conformIdTokenClaims: false,
  jwks: { keys: [providerKey.jwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64')] },
  ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // A person would confirm here; the sandbox submits at once (a button remains without JS).
      logoutSource: async (ctx, form) => {
        ctx.body = page('Abmelden', `<h1>Abmelden</h1><p>Sie werden beim Servicekonto abgemeldet …</p>
${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button type="submit">Abmelden</button></form>')}
<script>document.forms[0].submit()</script>`);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Abgemeldet', '<h1>Sie sind beim Servicekonto abgemeldet.</h1>');
      },
    },
    revocation: { enabled: false },
    userinfo: { enabled: true },
  },
  loadExistingGrant: async (ctx) => {
    // First-party client: consent is implied; grant every requested scope and claim.
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
    if (!grant) {
      grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    }
    grant.addOIDCScope(String(ctx.oidc.params.scope ?? 'openid'));
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, id, token) => {
    const citizen = findCitizen(id);
    if (!citizen) return undefined;
    return {
      accountId: id,
      async claims() {
        const level = levelOf(token?.acr) ?? 1;
        const means = Object.keys(MEANS).find((m) => (token?.amr ?? []).includes(MEANS[m].amr)) ?? 'password';
        const fault = (token?.amr ?? []).find((a) => a.startsWith(FAULT_AMR))?.slice(FAULT_AMR.length);
        return { sub: id, ...claimsFor(citizen, level, means), ...(fault ? { sandbox_fault: fault } : {}) };
      },
    };
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Fehler', `<h1>Fehler beim Servicekonto</h1><p>${esc(out.error)}: ${esc(out.error_description)}</p>`);
  },
};

const provider = new Provider(ISSUER, configuration);
provider.proxy = false;

// ID-token tampering (faults, rotation) and the rotated key in the JWKS.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.oidc?.route === 'token' && ctx.body && typeof ctx.body.id_token === 'string') {
    ctx.body = { ...ctx.body, id_token: tamper(ctx.body.id_token) };
  }
  if (ctx.oidc?.route === 'jwks' && rotatedKey && ctx.body?.keys) {
    ctx.body = { keys: [publicJwk(rotatedKey.jwk), ...ctx.body.keys] };
  }
});

// --- the interaction (test-citizen chooser) ---------------------------------------------------
function chooser(details) {
  const need = requestedLevel(details.params.acr_values);
  const citizens = CITIZENS.map((c) => {
    const buttons = c.means.map((m) => {
      const means = MEANS[m];
      const ok = means.level >= need;
      return `<button type="submit" name="login" value="${c.id}:${m}" ${ok ? '' : 'disabled'}
        data-testid="login-${c.id}-${m}">${esc(means.label)} <small>(${LEVEL_NAME[means.level]})</small></button>`;
    }).join('');
    return `<section class="citizen" data-testid="citizen-${c.id}"><h2>${esc(c.given_name)} ${esc(c.family_name)}</h2>
      <p>Geboren ${esc(c.birthdate)} · ${esc(c.address.postal_code)} ${esc(c.address.locality)}</p>
      <p>${buttons}</p></section>`;
  }).join('');
  const faults = Object.entries(FAULTS)
    .map(([k, v]) => `<option value="${k}">${esc(v)}</option>`).join('');
  return page('Anmelden', `
<h1>Beim Servicekonto anmelden</h1>
<p class="note">Testumgebung: Es gibt keine Passwörter. Wählen Sie eine Testperson und ein
Identifizierungsmittel. / Sandbox: choose a test citizen and a means of identification.</p>
<p>Anfragender Dienst: <strong>${esc(details.params.client_id)}</strong>.
Verlangtes Vertrauensniveau: <strong data-testid="requested-level">${LEVEL_NAME[need]}</strong>.</p>
<form method="post" action="/interaction/${details.uid}/login">
${citizens}
<details><summary>Fehlerfälle für Tests</summary>
<label>Störung: <select name="fault" data-testid="fault"><option value="">keine</option>${faults}</select></label>
</details>
</form>
<form method="post" action="/interaction/${details.uid}/abort">
<button type="submit" class="secondary" data-testid="cancel">Anmeldung abbrechen</button>
</form>`);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(chooser(details));
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const [id, means] = String(form.get('login') ?? '').split(':');
    const citizen = findCitizen(id);
    if (!citizen || !citizen.means.includes(means)) throw new errors.InvalidRequest('unknown test citizen');
    const level = MEANS[means].level;
    const fault = form.get('fault');
    const amr = [MEANS[means].amr];
    if (fault && FAULTS[fault]) amr.push(FAULT_AMR + fault);
    log(`login ${id} with ${means} (${LEVEL_NAME[level]})${fault ? ` fault=${fault}` : ''}`);
    await provider.interactionFinished(req, res, {
      login: { accountId: id, acr: acrFor(level, details.params.acr_values), amr, remember: false },
    }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === 'POST' && action === 'abort') {
    log('login cancelled by the citizen');
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'Die Anmeldung wurde abgebrochen.',
    }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(405).end();
}

const callback = provider.callback();
async function handle(req, res) {
  const url = new URL(req.url, ISSUER);
  try {
    if (url.pathname.startsWith('/interaction/')) {
      await interaction(req, res, url);
      return;
    }
    if (url.pathname === '/sandbox/rotate-keys' && req.method === 'POST') {
      rotatedKey = newKey(`sandbox-${Date.now()}`);
      log(`signing key rotated to ${rotatedKey.kid}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kid: rotatedKey.kid }));
      return;
    }
    if (url.pathname === '/sandbox/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    callback(req, res);
  } catch (error) {
    log('interaction error:', error.message);
    if (!res.headersSent) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Fehler', `<h1>Anmeldung nicht möglich</h1><p>${esc(error.message)}</p>
        <p>Bitte kehren Sie zum Dienst zurück und versuchen Sie es erneut.</p>`));
    }
  }
}

// `localhost` may resolve to either loopback address: answer on both, and on nothing else.
const servers = [http.createServer(handle), http.createServer(handle)];
servers[0].listen(PORT, '127.0.0.1', () => {
  log(`Servicekonto sandbox at ${ISSUER} (clients: ${GATEWAYS.join(', ')})`);
});
servers[0].on('error', (e) => { console.error(`[sandbox-idp] cannot listen on 127.0.0.1:${PORT}: ${e.message}`); process.exit(1); });
servers[1].on('error', () => {}); // no IPv6 loopback: fine
servers[1].listen(PORT, '::1');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
