// The register's filters work in place (htmx): choosing a 機密性 narrows the
// table without a new page, and the address keeps the filter.
import assert from 'node:assert/strict';

import { signIn } from '../harness.mjs';
import { allRows, countOnPage, path, scenario } from '../scenario.mjs';

export default function () {
  scenario('register filter: choosing 機密性 3A narrows the list in place and the address keeps the filter',
    'register-filter', async ({ page, app, step }) => {
      await signIn(page, app, app.accounts.auditor);
      await page.goto('/register/assets');
      const all = await countOnPage(page);
      const { assets } = await app.readRegister();
      const expected = assets.filter((a) => a['機密性'] === '3A').length;
      assert.ok(expected > 0 && expected < all);
      await step('all');

      // Mark the document: a full page load would lose the mark.
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('form.filters select[name=confidentiality]').selectOption('3A');
      // (Polled from here: waitForFunction would need eval, which the app's CSP forbids.)
      await page.getByTestId('count').filter({ hasText: new RegExp(`^\\s*${expected} 件\\s*$`) }).waitFor();
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the table was replaced in place');
      await page.waitForURL((u) => u.searchParams.get('confidentiality') === '3A');
      assert.equal(path(page), '/register/assets');
      await step('filtered');

      const rows = await allRows(page);
      assert.equal(rows.length, expected);
      for (const r of rows) assert.equal(r.cells['機密性'], '3A', `${r.number} is 3A`);
    });
}
