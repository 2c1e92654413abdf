#!/usr/bin/env node
// Size report of the first view: what a browser loads for the prerendered start page.
//
//   node scripts/size-report.mjs [dist]
//
// Reads <dist>/pages/index.html, collects the resources it references (stylesheets, scripts,
// modulepreload/preload links, the .js/.wasm files the inline loader imports), and prints raw,
// gzip -9 and brotli-11 bytes of each and in total. Files that the CSS references (fonts,
// images) are listed separately: the browser fetches them only when a rule using them applies.
// Prints only; never fails on size. It exits non-zero only when the build it should measure is
// missing.
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize, relative, dirname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const pagePath = join(dist, 'pages', 'index.html');
if (!existsSync(pagePath)) {
  console.error(`size report: ${pagePath} does not exist (build first)`);
  process.exit(1);
}

const html = readFileSync(pagePath, 'utf8');

/** Every value of `name="…"` in a tag. */
function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Resolves a URL from the page to a file in dist/; undefined for anything not served from it. */
function toFile(url, base = '/') {
  if (!url || /^(?:[a-z]+:)?\/\//i.test(url) || /^(?:data|blob):/i.test(url)) return undefined;
  const path = url.split(/[?#]/)[0];
  const absolute = path.startsWith('/') ? path : join(base, path);
  const file = normalize(join(dist, absolute));
  return relative(dist, file).startsWith('..') ? undefined : file;
}

const first = new Map(); // file -> why it is loaded
function add(map, url, why, base) {
  const file = toFile(url, base);
  if (file && !map.has(file)) map.set(file, why);
}

for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  const href = attr(tag, 'href');
  if (rel.includes('stylesheet')) add(first, href, 'stylesheet');
  else if (rel.includes('modulepreload')) add(first, href, 'modulepreload');
  else if (rel.includes('preload')) add(first, href, `preload (${attr(tag, 'as') ?? '?'})`);
}
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const src = attr(` ${attrs}`, 'src');
  if (src) add(first, src, 'script');
  // Trunk's inline loader: `import init … from '/app-….js'` and `module_or_path: '/app-…_bg.wasm'`.
  for (const [, url] of body.matchAll(/['"]([^'"\s]+\.(?:m?js|wasm))['"]/g)) {
    add(first, url, url.endsWith('.wasm') ? 'wasm (loader)' : 'script (loader)');
  }
}

const viaCss = new Map();
for (const file of first.keys()) {
  if (!file.endsWith('.css') || !existsSync(file)) continue;
  const css = readFileSync(file, 'utf8');
  const base = '/' + relative(dist, dirname(file));
  for (const [, , url] of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    if (!first.has(toFile(url, base))) add(viaCss, url, `url() in ${relative(dist, file)}`, base);
  }
}

function sizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

const fmt = (n) => n.toLocaleString('en-US').padStart(11);
const header = `${'file'.padEnd(48)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)} ${'brotli 11'.padStart(11)}  loaded as`;

function table(title, entries) {
  console.log(`\n${title}`);
  console.log(header);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [file, why] of entries) {
    if (!existsSync(file)) {
      console.log(`${relative(dist, file).padEnd(48)} ${'missing'.padStart(11)}`.padEnd(84) + `  ${why}`);
      continue;
    }
    const s = sizes(readFileSync(file));
    for (const k of Object.keys(total)) total[k] += s[k];
    console.log(`${relative(dist, file).padEnd(48)} ${fmt(s.raw)} ${fmt(s.gzip)} ${fmt(s.brotli)}  ${why}`);
  }
  console.log(`${'total'.padEnd(48)} ${fmt(total.raw)} ${fmt(total.gzip)} ${fmt(total.brotli)}`);
  return total;
}

console.log(`Size report for ${dist}/ (first view of /, from ${relative('.', pagePath)})`);
table('First-view resources', [[pagePath, 'document'], ...first]);
if (viaCss.size > 0) table('Referenced by the CSS (loaded when used)', [...viaCss]);
