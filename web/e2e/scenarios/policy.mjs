// The public policy page: anyone (a resident, not signed in) reads the 基本方針
// and its revision history in 和暦; the standards ask for sign-in.
import assert from 'node:assert/strict';

import { path, scenario, text } from '../scenario.mjs';

// 和暦 → ISO date, for the eras a policy's history spans.
function warekiToIso(s) {
  const m = s.match(/(明治|大正|昭和|平成|令和)(元|\d+)年(\d+)月(?:(\d+)日)?/);
  if (!m) return null;
  const base = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 }[m[1]];
  const y = base + (m[2] === '元' ? 1 : Number(m[2]));
  const mm = String(m[3]).padStart(2, '0');
  return m[4] ? `${y}-${mm}-${String(m[4]).padStart(2, '0')}` : `${y}-${mm}`;
}

export default function () {
  scenario('public policy: a resident reads the 基本方針 and its revisions in 和暦 without signing in; the standards ask for sign-in',
    'public-policy', async ({ page, step }) => {
      const response = await page.goto('/policy');
      assert.equal(response.status(), 200);
      assert.equal(path(page), '/policy', 'no redirect to sign-in');
      assert.match(await text(page.getByTestId('policy-title')), /情報セキュリティ基本方針/);
      assert.match(await text(page.locator('h2').first()), /本文/);
      assert.ok((await page.locator('.clause').count()) > 5, 'the provisions are shown');
      // Not signed in: the header offers sign-in, not the register.
      assert.equal(await page.locator('header a[href="/register/assets"]').count(), 0);
      assert.equal(await page.locator('header').getByRole('link', { name: 'ログイン' }).count(), 1);

      const revisions = page.getByTestId('revisions');
      const rows = await revisions.locator('tbody tr').all();
      assert.ok(rows.length >= 2, 'the revision table has rows');
      let reiwa = 0;
      for (const row of rows) {
        const time = row.locator('time').first();
        const shown = await text(time);
        const iso = await time.getAttribute('datetime');
        assert.match(shown, /^(明治|大正|昭和|平成|令和)(元|\d+)年\d+月(\d+日)?$/, `a 和暦 date: ${shown}`);
        assert.ok(iso.startsWith(warekiToIso(shown)), `${shown} is ${iso}`);
        if (shown.startsWith('令和')) ++reiwa;
      }
      assert.ok(reiwa > 0, 'a revision in 令和');
      assert.match(await text(revisions.locator('thead')), /日付.*区分.*内容/);
      await step('basic-policy');
      await revisions.scrollIntoViewIfNeeded();
      await step('revisions');

      // The documents table lists the standards without a link for a resident.
      const standardsRow = page.locator('section:has(h2:text-is("ポリシーの構成")) tr', { hasText: '情報セキュリティ対策基準' });
      assert.equal(await standardsRow.count(), 1);
      assert.equal(await standardsRow.locator('a').count(), 0, 'no link to the standards for a resident');

      // The standards themselves: sign-in first.
      await page.goto('/policy/standards');
      assert.equal(path(page), '/login');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/policy/standards');
      assert.equal(await text(page.locator('h1')), 'ログイン');
      await step('standards-asks-sign-in');
    });
}
