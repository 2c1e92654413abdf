// With JavaScript off, every prerendered page of the build still shows its heading and its
// content: the prerendered HTML is the page, the wasm only makes it interactive.
import { test, expect } from './fixtures';
import { prerenderedPaths } from './support/routes';

test.use({ javaScriptEnabled: false });

const pages = prerenderedPaths();

test('the build has prerendered pages in both languages', () => {
  const paths = pages.map((p) => p.path);
  expect(paths).toContain('/');
  expect(paths).toContain('/en/');
});

for (const { path, status } of pages) {
  test.describe(() => {
    if (status !== 200) test.use({ expectedErrorStatusPaths: [path] });

    test(`${path} without JavaScript`, async ({ app, page }) => {
      const response = await page.goto(path);
      expect(response?.status(), `HTTP status of ${path}`).toBe(status);
      await expect(app.html).toHaveAttribute('lang', path.startsWith('/en/') ? 'en' : 'de');
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(app.heading).toBeVisible();
      const heading = (await app.heading.innerText()).trim();
      expect(heading, 'heading text').not.toBe('');
      const content = (await app.main.innerText()).replace(heading, '').trim();
      expect(content.length, `content of <main> besides the heading on ${path}`).toBeGreaterThan(0);
      await expect(app.footer).toBeVisible();
    });
  });
}
