// The language switch in the header: English labels, then back to Japanese.
import assert from 'node:assert/strict';

import { signIn, submit } from '../harness.mjs';
import { path, scenario, text } from '../scenario.mjs';

async function switchTo(page, lang) {
  await submit(page, page.locator(`header a[hreflang=${lang}]`));
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

export default function () {
  scenario('language: the English link in the header shows English labels, and 日本語 switches back', 'language-en',
    async ({ page, app, step }) => {
      // A resident on the public policy.
      await page.goto('/policy');
      assert.equal(await text(page.locator('header a[hreflang=en]')), 'English');
      await switchTo(page, 'en');
      assert.equal(path(page), '/policy', 'the switch returns to the same page');
      assert.equal(await page.locator('header').getByRole('link', { name: 'Sign in' }).count(), 1);
      assert.equal(await page.locator('header').getByRole('link', { name: 'Policy' }).count(), 1);
      assert.ok(await page.locator('h2', { hasText: 'Revision history' }).count());
      const firstDate = await text(page.getByTestId('revisions').locator('tbody time').first());
      assert.match(firstDate, /^\d{4}-\d{2}(-\d{2})?$/, `dates in English are ISO (${firstDate})`);
      await step('policy-en');
      await switchTo(page, 'ja');
      assert.ok(await page.locator('h2', { hasText: '制定・改正の経緯' }).count());

      // Signed in, on the register.
      await signIn(page, app, app.accounts.auditor);
      await page.goto('/register/assets?sort=name');
      await switchTo(page, 'en');
      assert.equal(path(page), '/register/assets');
      assert.equal(new URL(page.url()).searchParams.get('sort'), 'name', 'the switch keeps the query');
      const nav = await text(page.locator('header nav'));
      for (const label of ['Dashboard', 'Register', 'Findings', 'Import / export', 'History', 'Policy', 'Sign out'])
        assert.ok(nav.includes(label), `the header says ${label}: ${nav}`);
      assert.equal(await text(page.locator('h1')), 'Information asset');
      const headers = (await page.locator('#register-table thead th').allTextContents()).map((h) => h.trim());
      assert.ok(headers.includes('Asset number') && headers.includes('Department'), `English column names: ${headers}`);
      assert.match(await text(page.getByTestId('count')), /^\d+ records$/);
      assert.ok(await page.getByRole('button', { name: 'Filter' }).count());
      await step('register-en');
      await page.goto('/findings');
      assert.equal(await text(page.locator('h1')), 'Findings');
      await step('findings-en');

      await switchTo(page, 'ja');
      assert.equal(await text(page.locator('h1')), '指摘事項');
      await step('back-to-ja');
    });
}
