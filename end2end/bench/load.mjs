#!/usr/bin/env node
// Load benchmark on loopback: throughput and p99 latency of the gateway, with Debian's nginx
// serving the same dist/ files side by side in the same run (ratio gateway/nginx), plus the
// gateway alone for /auth/session (signed out, and signed in via the sandbox IdP) and for a
// prerendered page (fresh CSP nonce per response, brotli on the fly).
//
//   node end2end/bench/load.mjs [--duration 5] [--connections 32] [--threads 1]
//
// Uses wrk (Debian package `wrk`). Hashed assets are requested without Accept-Encoding, so both
// servers send the same bytes from memory/page cache. Prints, never asserts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DURATION = Number(option('duration', 5));
const CONNECTIONS = Number(option('connections', 32));
const THREADS = Number(option('threads', 1));

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const gatewayBin = join(root, 'target/native/gateway');
for (const [what, ok] of [
  ['release build (make build)', existsSync(gatewayBin) && existsSync(join(dist, 'pages/index.html'))],
  ['wrk (apt-get install wrk)', spawnSync('wrk', ['--version']).error === undefined],
  ['nginx (apt-get install nginx)', existsSync('/usr/sbin/nginx')],
  ['sandbox IdP (make setup)', existsSync(join(root, 'end2end/sandbox/node_modules/oidc-provider'))],
]) {
  if (!ok) {
    console.error(`load bench: missing ${what}`);
    process.exit(1);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

const children = [];
const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

const [gwPort, nginxPort, idpPort] = [await freePort(), await freePort(), await freePort()];
const GW = `http://127.0.0.1:${gwPort}`;
const NGINX = `http://127.0.0.1:${nginxPort}`;
const IDP = `http://localhost:${idpPort}`;

children.push(spawn('node', [join(root, 'end2end/sandbox/idp.mjs'), '--port', String(idpPort), '--gateway-origin', GW, '--quiet'], { stdio: ['ignore', 'ignore', 'ignore'] }));
children.push(spawn(gatewayBin, [], {
  cwd: root,
  env: {
    PATH: process.env.PATH,
    LEBENSLAGEN_LISTEN: `127.0.0.1:${gwPort}`,
    LEBENSLAGEN_DIST: dist,
    LEBENSLAGEN_DATA: join(root, 'data/generated'),
    LEBENSLAGEN_PUBLIC_ORIGIN: GW,
    LEBENSLAGEN_AUTH_ISSUER: IDP,
    LEBENSLAGEN_AUTH_SESSION_KEY: 'YmVuY2gtb25seS1zZXNzaW9uLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24h',
    RUST_LOG: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
}));

const nginxDir = mkdtempSync(join(tmpdir(), 'll-bench-nginx-'));
writeFileSync(join(nginxDir, 'nginx.conf'), `
worker_processes auto;
daemon off;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  client_body_temp_path ${nginxDir}/body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${dist};
    location / { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
`);
children.push(spawn('/usr/sbin/nginx', ['-c', join(nginxDir, 'nginx.conf'), '-p', nginxDir], { stdio: ['ignore', 'ignore', 'inherit'] }));
process.on('exit', () => rmSync(nginxDir, { recursive: true, force: true }));

await waitFor(`${GW}/healthz`);
await waitFor(`${IDP.replace('localhost', '127.0.0.1')}/sandbox/health`);
const files = readdirSync(dist);
const pick = (re) => files.find((f) => re.test(f));
const assets = [pick(/^app-[0-9a-f]+\.js$/), pick(/^app-[0-9a-f]+\.css$/) ?? pick(/\.css$/), pick(/_bg\.wasm$/)].filter(Boolean);
await waitFor(`${NGINX}/${assets[0]}`);
// The gateway compresses assets in the background after start; wait until that is done so
// both servers are measured in their steady state.
await sleep(3000);

/** Signs in as a sandbox citizen (like a browser) and returns the session cookie. */
async function signIn() {
  const jar = new Map();
  const keep = (r) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let r = await fetch(`${GW}/auth/login?level=hoch&return=/konto`, { redirect: 'manual' });
  const login = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('ll_login='));
  let url = r.headers.get('location');
  for (let i = 0; i < 20 && !url.startsWith(GW); i++) {
    r = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    keep(r);
    if (r.status === 200) {
      const uid = new URL(url).pathname.split('/').pop();
      r = await fetch(`${IDP}/interaction/${uid}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'login=U01%3Aeid&fault=',
      });
      keep(r);
    }
    url = new URL(r.headers.get('location'), url).href;
  }
  r = await fetch(url, { redirect: 'manual', headers: { cookie: login } });
  const session = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('ll_session=v1'));
  if (!session) throw new Error('sign-in for the benchmark failed');
  return session;
}

function wrk(url, headers = {}) {
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const out = spawnSync('wrk', ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${DURATION}s`, '--latency', ...h, url], { encoding: 'utf8' }).stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p99raw = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99 = p99raw ? Number(p99raw[1]) * { us: 0.001, ms: 1, s: 1000 }[p99raw[2]] : NaN;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  return { rps, p99, errors: Number(errors ?? 0) };
}

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const rows = [];
console.log(`load bench: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}s on loopback, ${(await import('node:os')).cpus().length} CPUs; gateway ${GW}, nginx ${NGINX}`);
for (const asset of assets) {
  const g = wrk(`${GW}/${asset}`);
  const n = wrk(`${NGINX}/${asset}`);
  rows.push([`asset ${asset}`, g, n]);
}
const session = await signIn();
rows.push(['/auth/session (signed out)', wrk(`${GW}/auth/session`), null]);
rows.push(['/auth/session (signed in)', wrk(`${GW}/auth/session`, { cookie: session }), null]);
rows.push(['page /suche (br, fresh nonce)', wrk(`${GW}/suche`, { 'accept-encoding': 'br, gzip' }), null]);

console.log('');
console.log(`${'what'.padEnd(44)} ${'gateway req/s'.padStart(14)} ${'p99 ms'.padStart(8)} ${'nginx req/s'.padStart(12)} ${'p99 ms'.padStart(8)} ${'ratio gw/nginx'.padStart(15)}`);
for (const [what, g, n] of rows) {
  const ratio = n ? fmt(g.rps / n.rps, 2) : '';
  const errs = g.errors || n?.errors ? `  (non-2xx: ${g.errors}/${n?.errors ?? 0})` : '';
  console.log(`${what.padEnd(44)} ${fmt(g.rps).padStart(14)} ${fmt(g.p99, 2).padStart(8)} ${(n ? fmt(n.rps) : '').padStart(12)} ${(n ? fmt(n.p99, 2) : '').padStart(8)} ${ratio.padStart(15)}${errs}`);
}
process.exit(0);
