// Every page, both languages, three viewports: it answers with the right status, hydrates
// (or mounts), has the shared layout with exactly one h1, and never scrolls horizontally.
// 320×640 is the WCAG 1.4.10 reflow width; 640×400 at device scale 2 is a 1280×800 window at
// 200 % zoom (WCAG 1.4.4).
import { test, expect } from './fixtures';
import { LANGS, PAGES, localized, statusOf } from './support/routes';

const VIEWPORTS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '320×640', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
  test.describe(name, () => {
    test.use({ viewport, deviceScaleFactor });

    for (const lang of LANGS) {
      for (const page of PAGES) {
        const path = localized(page.path, lang);
        test.describe(() => {
          if (page.kind === 'not-found') test.use({ expectedErrorStatusPaths: [path] });

          test(`${path} (${page.name})`, async ({ app }) => {
            const response = await app.open(path);
            expect(response.status(), `HTTP status of ${path}`).toBe(statusOf(page.kind));
            await app.expectLayout(lang);
            await expect(app.page).toHaveTitle(/Lebenslagen/);
            await app.expectNoHorizontalScroll();
          });
        });
      }
    }
  });
}
