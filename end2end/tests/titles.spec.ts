// Each page has its own document title, and the two languages differ too, so a screen-reader
// user or a browser tab tells pages apart (WCAG 2.4.2).
import { test, expect } from './fixtures';
import { LANGS, PAGES, localized } from './support/routes';

const missing = PAGES.filter((p) => p.kind === 'not-found').flatMap((p) => LANGS.map((l) => localized(p.path, l)));
test.use({ expectedErrorStatusPaths: missing });

test('document titles differ per page and per language', async ({ app }) => {
  test.setTimeout(180_000);
  const seen = new Map<string, string>(); // title -> path
  for (const lang of LANGS) {
    for (const page of PAGES) {
      const path = localized(page.path, lang);
      await app.open(path);
      const title = (await app.page.title()).trim();
      expect(title, `title of ${path}`).not.toBe('');
      expect(seen.get(title), `${path} has the same title as ${seen.get(title)}: "${title}"`).toBeUndefined();
      seen.set(title, path);
    }
  }
});
