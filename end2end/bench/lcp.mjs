#!/usr/bin/env node
// LCP benchmark: how much does the app (loader, wasm, hydration) cost the first view, compared
// with the same prerendered HTML without any script?
//
//   node end2end/bench/lcp.mjs [--runs 5] [--path /]
//
// Starts the gateway on a free loopback port (BENCH_GATEWAY_PORT to choose one) serving dist/, and loads the start page in
// Debian's Chromium with a mid-range phone profile: viewport 412×823, CPU throttled 4×, slow 4G
// (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), cache disabled. Alternating runs measure
//   app:    the page as the gateway serves it,
//   static: the same response with every <script> and every modulepreload/preload link removed.
// Both variants go through the same page.route handler (the static one rewrites the body), so
// they are treated alike; the handler delays the document by one RTT plus its gzip size at the
// download rate, because a fulfilled response bypasses the network emulation. Subresources
// (CSS, wasm, JS) load through the throttled network. LCP is the last
// `largest-contentful-paint` entry (buffered) once the page is ready.
// Prints medians and the ratio app/static. Never asserts.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startGateway } from './gateway.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', 5));
const PATH = option('path', '/');


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const RTT_MS = 150;
const DOWN_BYTES_PER_S = (1.6 * 1024 * 1024) / 8;
const UP_BYTES_PER_S = (750 * 1024) / 8;
const CPU_SLOWDOWN = 4;




/** The static variant: the prerendered HTML as it is, minus everything that loads the app. */
function withoutApp(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload)\b[^>]*>/gi, '');
}

async function measure(browser, variant) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: DOWN_BYTES_PER_S,
    uploadThroughput: UP_BYTES_PER_S,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  const url = `${ORIGIN}${PATH}`;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const original = await response.text();
    const body = variant === 'static' ? withoutApp(original) : original;
    await sleep(RTT_MS + (gzipSync(body).length / DOWN_BYTES_PER_S) * 1000);
    // The body is already decoded: drop the encoding headers that described the wire format.
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, body });
  });

  await page.goto(url, { waitUntil: 'load' });
  if (variant === 'app') {
    await page.waitForSelector('html[data-app-ready="true"]', { state: 'attached', timeout: 60_000 });
  }
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1].startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await context.close();
  return lcp;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const { child: gateway, origin: ORIGIN } = await startGateway('lcp');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const results = { app: [], static: [] };
  console.log(`LCP of ${ORIGIN}${PATH}: 412×823, CPU ${CPU_SLOWDOWN}×, ${RTT_MS} ms RTT, 1.6 Mbit/s down, 750 kbit/s up, no cache`);
  for (let run = 1; run <= RUNS; run++) {
    // Alternate the order so drift on a shared machine hits both variants alike.
    const order = run % 2 ? ['app', 'static'] : ['static', 'app'];
    for (const variant of order) {
      const lcp = await measure(browser, variant);
      results[variant].push(lcp);
      console.log(`  run ${run} ${variant.padEnd(6)} ${lcp.toFixed(0).padStart(6)} ms`);
    }
  }
  const app = median(results.app);
  const stat = median(results.static);
  console.log(`median LCP app    ${app.toFixed(0)} ms`);
  console.log(`median LCP static ${stat.toFixed(0)} ms`);
  console.log(`ratio app/static  ${(app / stat).toFixed(2)}`);
} finally {
  await browser.close();
  gateway.kill('SIGTERM');
}
