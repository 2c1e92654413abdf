// axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on any page, in both languages, on
// a desktop and on the narrowest mobile viewport.
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { test, expect } from './fixtures';
import { LANGS, PAGES, localized } from './support/routes';

const VIEWPORTS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 } },
  { name: '320×640', viewport: { width: 320, height: 640 } },
];

/** One readable block per violation: rule, impact, what to do, and each offending node. */
function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`axe ${name}`, () => {
    test.use({ viewport });

    for (const lang of LANGS) {
      for (const page of PAGES) {
        const path = localized(page.path, lang);
        test.describe(() => {
          if (page.kind === 'not-found') test.use({ expectedErrorStatusPaths: [path] });

          test(`${path} (${page.name})`, async ({ app }) => {
            await app.open(path);
            const results = await new AxeBuilder({ page: app.page })
              .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
              .analyze();
            expect(results.violations.length, `axe violations on ${path}:\n\n${formatViolations(results.violations)}\n`).toBe(0);
          });
        });
      }
    }
  });
}
