// Every screen the header and the register tabs lead to, for every role that
// signs in with a password alone: none answers with a server error, none of
// the header's links is missing (404), and each record page of the first row
// of every register kind opens.
import assert from 'node:assert/strict';

import { signIn } from '../harness.mjs';
import { scenario } from '../scenario.mjs';

const ROLES = ['staff', 'manager', 'systemAdmin', 'systemStaff', 'officer', 'auditor'];

export default function () {
  scenario('smoke: every screen of the header and the register tabs answers without a server error, for each role',
    'smoke', async ({ page, app, step }) => {
      const problems = [];
      for (const role of ROLES) {
        const account = app.accounts[role];
        await page.context().clearCookies();
        await signIn(page, app, account);
        await page.goto('/register/assets');
        const tabs = await page.locator('nav.tabs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const header = await page.locator('header nav a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const urls = new Set([...header, ...tabs, '/findings?status=fail', '/history', '/account',
          '/policy/standards', '/policy/procedures', '/admin/audit', '/export?kind=assets&format=csv']);
        for (const tab of tabs) {
          const r = await page.request.get(tab);
          const first = (await r.text()).match(/<tbody>\s*<tr><td><a href="([^"]+)"/);
          if (first) urls.add(first[1].replaceAll('&amp;', '&'));
          urls.add(`${tab}/new`);
        }
        assert.ok(urls.size >= 20, `${role}: the screens to visit (${[...urls].join(' ')})`);
        for (const url of urls) {
          if (url.startsWith('/lang/')) continue;
          const r = await page.request.get(url, { maxRedirects: 0 });
          const ok = r.status() < 400 || r.status() === 403 ||
            (r.status() === 404 && !header.includes(url) && !tabs.includes(url));
          if (!ok) problems.push(`${role} ${url} → ${r.status()}`);
        }
        await page.goto('/');
        await step(`dashboard-${role}`);
      }
      assert.deepEqual(problems, [], 'screens that failed');
    });
}
