// The legally required content: the accessibility statement offers a way to report barriers
// and names the conciliation body (§ 12b BGG, BITV 2.0); while the operator is the shipped
// sample, the imprint and the footer say so, and only then (ARCHITECTURE.md).
import { test, expect } from './fixtures';
import { LANGS, localized } from './support/routes';

for (const lang of LANGS) {
  test(`accessibility statement (${lang}): feedback contact and conciliation body`, async ({ app }) => {
    await app.open(localized('/barrierefreiheit', lang));
    const feedback = app.main.getByTestId('accessibility-feedback');
    await expect(feedback).toBeVisible();
    await expect(feedback.getByRole('heading')).not.toHaveCount(0);
    // A contact a citizen can use right away: an e-mail address (and optionally more).
    await expect(feedback.locator('a[href^="mailto:"]').first()).toBeVisible();

    const conciliation = app.main.getByTestId('schlichtungsstelle-link');
    await expect(conciliation).toBeVisible();
    await expect(conciliation).not.toBeEmpty();
    await expect(conciliation).toHaveAttribute('href', /^https:\/\//);
  });

  test(`imprint (${lang}) says whether the operator is the sample`, async ({ app }) => {
    await app.open(localized('/impressum', lang));
    await app.expectSampleNotice(app.main);
    await app.expectSampleNotice(app.footer);
  });
}
