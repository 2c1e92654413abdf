#!/usr/bin/env node
// Lighthouse benchmark (issue 4): Lighthouse 12.2.3, mobile preset (Moto G Power viewport,
// simulated throttling: 150 ms RTT, 1.6 Mbit/s, 4× CPU), performance and accessibility, against
// the gateway serving the release build. Targets: accessibility 100 and performance ≥ 95 on the
// start page and on a journey page.
//
//   node end2end/bench/lighthouse.mjs [--runs 3] [--path /x ...] [--json DIR]
//                                     [--accept-language de-DE,de;q=0.9]
//                                     [--dist dist] [--gateway target/native/gateway]
//
// Starts its own gateway on a free loopback port (BENCH_GATEWAY_PORT to choose one) and one
// Debian Chromium (never a downloaded browser); Lighthouse resets cache and storage before each
// run. Requests carry `Accept-Language: de-DE` (a German browser; `--accept-language en` shows the
// start page's redirect to /en/). Prints per page the median of the runs: scores, LCP, FCP, TBT, CLS, Speed Index, bytes
// transferred (total and the wasm's), and the audits that did not pass in the median run.
// `--json DIR` also writes every Lighthouse report there. Prints, never asserts.
//
// Lighthouse lives in its own package (end2end/bench/lighthouse/, installed by
// `scripts/setup.sh --test`): 13.x needs Node 22, so it is pinned to 12.2.3.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startGateway } from './gateway.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const options = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));

const root = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (p) => (isAbsolute(p) ? p : join(root, p));
const RUNS = Number(option('runs', 3));
const PATHS = options('path').length
  ? options('path')
  : ['/', '/lebenslagen/rund-ums-fahrzeug', '/lebenslagen/rund-ums-fahrzeug?ars=097790194194'];
const JSON_DIR = option('json', null);
const ACCEPT_LANGUAGE = option('accept-language', 'de-DE,de;q=0.9');
const DIST = fromRoot(option('dist', 'dist'));
const GATEWAY = fromRoot(option('gateway', 'target/native/gateway'));

const pkg = createRequire(fileURLToPath(new URL('./lighthouse/package.json', import.meta.url)));
let lighthouse, launch;
try {
  lighthouse = (await import(pathToFileURL(pkg.resolve('lighthouse')).href)).default;
  ({ launch } = await import(pathToFileURL(pkg.resolve('chrome-launcher')).href));
} catch {
  console.error('lighthouse bench: Lighthouse is not installed (run `scripts/setup.sh --test`)');
  process.exit(1);
}
if (!existsSync(GATEWAY) || !existsSync(join(DIST, 'pages/index.html'))) {
  console.error('lighthouse bench: no release build (run `make build` first)');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The figures of one Lighthouse result. */
function figures(lhr) {
  const a = lhr.audits;
  const requests = a['network-requests']?.details?.items ?? [];
  const wasm = requests
    .filter((r) => r.url.endsWith('.wasm'))
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return {
    perf: Math.round((lhr.categories.performance.score ?? 0) * 100),
    a11y: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcp: a['largest-contentful-paint'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    si: a['speed-index'].numericValue,
    bytes: a['total-byte-weight'].numericValue,
    wasm,
  };
}

/** Audits of the two categories that did not pass (score < 1), with their display value. */
function failing(lhr) {
  const ids = new Set(
    ['performance', 'accessibility'].flatMap((c) => lhr.categories[c].auditRefs.map((r) => r.id)),
  );
  return Object.values(lhr.audits)
    .filter((a) => ids.has(a.id) && a.score !== null && a.score < 1)
    .filter((a) => a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v) => `${Math.round(v)} ms`;

const { child: gateway, origin: ORIGIN } = await startGateway('lighthouse', {
  bin: GATEWAY,
  dist: DIST,
  env: { LEBENSLAGEN_DATA: join(root, 'data/generated') },
});
const chrome = await launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless', ...CHROMIUM_ARGS],
});
if (JSON_DIR) mkdirSync(fromRoot(JSON_DIR), { recursive: true });
try {
  console.log(`Lighthouse ${(await import(pathToFileURL(pkg.resolve('lighthouse/package.json')).href, { with: { type: 'json' } })).default.version}, mobile preset (simulated throttling), ${RUNS} runs per page, ${ORIGIN}`);
  for (const path of PATHS) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const { lhr } = await lighthouse(
        `${ORIGIN}${path}`,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          // A German browser, like the portal's citizens: with Lighthouse's default en-US, `/`
          // answers with a redirect to `/en/` (language negotiation), which costs a round trip.
          extraHeaders: { 'Accept-Language': ACCEPT_LANGUAGE },
        },
      );
      if (lhr.runtimeError) {
        console.log(`  ${path} run ${run}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        continue;
      }
      const f = figures(lhr);
      runs.push({ f, lhr });
      console.log(`  ${path} run ${run}: perf ${f.perf} a11y ${f.a11y} LCP ${ms(f.lcp)} TBT ${ms(f.tbt)}`);
      if (JSON_DIR) {
        const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'start';
        writeFileSync(join(fromRoot(JSON_DIR), `${name}-${run}.json`), JSON.stringify(lhr));
      }
    }
    if (!runs.length) continue;
    const m = (key) => median(runs.map((r) => r.f[key]));
    // The run whose performance score is the median one shows what held it back.
    const sorted = [...runs].sort((x, y) => x.f.perf - y.f.perf);
    const typical = sorted[Math.floor((sorted.length - 1) / 2)];
    console.log(`${path} (median of ${runs.length})`);
    console.log(`  performance ${m('perf')}  accessibility ${m('a11y')}`);
    console.log(`  LCP ${ms(m('lcp'))}  FCP ${ms(m('fcp'))}  TBT ${ms(m('tbt'))}  CLS ${m('cls').toFixed(3)}  SI ${ms(m('si'))}`);
    console.log(`  transferred ${kb(m('bytes'))} (wasm ${kb(m('wasm'))})`);
    const fails = failing(typical.lhr);
    console.log(`  not passed: ${fails.length ? fails.join('; ') : 'none'}`);
  }
} finally {
  chrome.kill();
  gateway.kill('SIGTERM');
}
