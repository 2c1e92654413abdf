// The pages the suite visits, in both languages. Mirrors model/src/route.rs: German pages at
// unprefixed paths, English under /en, route names the same in all languages.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type Lang = 'de' | 'en';
export const LANGS: Lang[] = ['de', 'en'];

/** How the gateway answers the path. */
export type Kind = 'prerendered' | 'shell' | 'not-found';

export interface SitePage {
  /** Short name used in test titles. */
  name: string;
  /** The path without language prefix, e.g. `/suche`; `/` for the start page. */
  path: string;
  kind: Kind;
}

/** The dist/ directory the gateway under test serves. */
export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** A LeiKa key with no curated page: the gateway answers the app shell and the wasm mounts. */
export const SHELL_SERVICE = '/leistungen/99107004001000';
/** A path that is no page. */
export const MISSING = '/gibt-es-nicht';

/** The first curated page (prerendered file) under `dist/pages/<dir>/`, if the build has one. */
function firstCurated(dir: string): string | undefined {
  const full = join(DIST, 'pages', dir);
  if (!existsSync(full)) return undefined;
  const file = readdirSync(full)
    .filter((f) => f.endsWith('.html'))
    .sort()[0];
  return file ? `/${dir}/${file.slice(0, -'.html'.length)}` : undefined;
}

const curatedLebenslage = firstCurated('lebenslagen');
const curatedService = firstCurated('leistungen');

/**
 * One page of each kind: every fixed page, one curated Lebenslage and one curated service (when
 * the build has them), an uncurated service (shell) and a missing page (404).
 */
export const PAGES: SitePage[] = [
  { name: 'start', path: '/', kind: 'prerendered' },
  { name: 'search', path: '/suche', kind: 'prerendered' },
  { name: 'account', path: '/konto', kind: 'prerendered' },
  { name: 'accessibility', path: '/barrierefreiheit', kind: 'prerendered' },
  { name: 'imprint', path: '/impressum', kind: 'prerendered' },
  { name: 'privacy', path: '/datenschutz', kind: 'prerendered' },
  ...(curatedLebenslage ? [{ name: 'lebenslage', path: curatedLebenslage, kind: 'prerendered' as const }] : []),
  ...(curatedService ? [{ name: 'service', path: curatedService, kind: 'prerendered' as const }] : []),
  { name: 'service shell', path: SHELL_SERVICE, kind: 'shell' },
  { name: 'not found', path: MISSING, kind: 'not-found' },
];

/** The URL path of a page in a language: `/suche` → `/en/suche`, `/` → `/en/`. */
export function localized(path: string, lang: Lang): string {
  if (lang === 'de') return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

export function statusOf(kind: Kind): number {
  return kind === 'not-found' ? 404 : 200;
}

/**
 * Every prerendered page of the build, as URL paths (from `dist/pages/**.html`): the 404 page is
 * reached through a missing path, the app shell is not a page of its own.
 */
export function prerenderedPaths(): { path: string; status: number }[] {
  const root = join(DIST, 'pages');
  if (!existsSync(root)) return [];
  const out: { path: string; status: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(rel);
        continue;
      }
      if (!entry.name.endsWith('.html')) continue;
      const stem = rel.slice(0, -'.html'.length);
      const langPrefix = stem.startsWith('en/') ? '/en' : '';
      const page = stem.slice(langPrefix.length); // 'en/' is as long as '/en'
      if (page === 'shell') continue;
      if (page === '404') out.push({ path: `${langPrefix}${MISSING}`, status: 404 });
      else if (page === 'index') out.push({ path: `${langPrefix}/`, status: 200 });
      else out.push({ path: `/${stem}`, status: 200 });
    }
  };
  walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
