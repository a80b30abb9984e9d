// From the findings page, a finding's clause link leads to that clause of the
// body's policy (/policy#clause-…), which the browser shows as :target.
import assert from 'node:assert/strict';

import { signIn } from '../harness.mjs';
import { path, scenario, text } from '../scenario.mjs';

export default function () {
  scenario('findings: following a finding\'s clause link shows the clause of the policy', 'findings-clause',
    async ({ page, app, step }) => {
      await signIn(page, app, app.accounts.auditor);
      await page.goto('/findings');
      assert.equal(await text(page.locator('h1')), '指摘事項');
      const links = page.locator('tbody [data-testid=clause-link]');
      assert.ok((await links.count()) > 0, 'the demo register has findings');
      await step('findings');

      const link = links.first();
      const href = await link.getAttribute('href');
      const label = await text(link);
      assert.match(href, /^\/policy#clause-[\w.-]+$/);
      const id = href.slice('/policy#'.length);
      await link.click();
      await page.waitForURL(`**${href}`);
      await page.waitForLoadState('load');
      assert.equal(path(page), '/policy');
      const target = page.locator(':target');
      assert.equal(await target.count(), 1, `#${id} exists on /policy and is the :target`);
      assert.equal(await target.getAttribute('id'), id);
      await assert.doesNotReject(target.waitFor({ state: 'visible' }));
      assert.equal(await text(target.locator('.label')), label, 'the clause shown is the one the finding cited');
      assert.ok(await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }), 'the clause is scrolled into view');
      await step('clause-shown');

      // Every clause cited on the first page of findings exists on /policy.
      await page.goto('/findings');
      const cited = [...new Set(await page.locator('tbody [data-testid=clause-link]').evaluateAll((as) =>
        as.map((a) => a.getAttribute('href'))))];
      await page.goto('/policy');
      const missing = [];
      for (const h of cited)
        if ((await page.locator(`[id="${h.slice('/policy#'.length)}"]`).count()) !== 1) missing.push(h);
      assert.deepEqual(missing, [], 'clause links without a clause on /policy');
    });
}
