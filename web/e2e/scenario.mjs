// What every scenario shares: the running app and browser of this run, a page
// per scenario (its own cookies), screenshots by step, and small readers of
// what the user sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { newPage, shot } from './harness.mjs';

// Filled in by the test file's before() hook.
export const run = { app: null, browser: null };

// test(name) with a fresh page; on failure, a last screenshot "failed".
export function scenario(name, slug, fn, options = {}) {
  return test(name, options, async (t) => {
    const page = await newPage(run.browser, run.app);
    const step = (label) => shot(page, slug, label);
    // What the browser complains about: script errors, CSP violations, failed loads.
    const complaints = [];
    page.on('pageerror', (e) => complaints.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // A page answered 4xx on purpose (a refused form, a 403) is asserted by the
      // scenario; the sub-resources' statuses are checked below.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) complaints.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'document' && r.status() >= 400)
        complaints.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      if (r.resourceType() !== 'document')
        complaints.push(`failed: ${r.resourceType()} ${r.url()} ${r.failure()?.errorText}`);
    });
    try {
      await fn({ page, app: run.app, step, t });
      const unexpected = complaints.filter((c) => !(options.expectConsole ?? []).some((re) => re.test(c)));
      assert.deepEqual(unexpected, [], 'the browser reported no errors');
    } catch (e) {
      await step('failed').catch(() => {});
      throw e;
    } finally {
      await page.context().close();
    }
  });
}

export const path = (page) => new URL(page.url()).pathname;

// Collapses the markup's ASCII white space (not the full-width space of 佐野　幸子).
export const squash = (t) => (t ?? '').replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

export async function text(locator) {
  return squash(await locator.textContent());
}

// The register list's figure "37 件" / "400 records".
export async function countOnPage(page) {
  const t = await text(page.getByTestId('count'));
  const m = t.replace(/,/g, '').match(/(\d+)/);
  assert.ok(m, `no count in "${t}"`);
  return Number(m[1]);
}

// Every row of a register list, following its pages: {number, cells: {見出し: 値}}.
export async function allRows(page) {
  const rows = [];
  for (let guard = 0; guard < 100; ++guard) {
    const headers = (await page.locator('#register-table thead th').allTextContents()).map((h) => h.trim());
    for (const tr of await page.locator('#register-table tbody tr').all()) {
      const cells = (await tr.locator('td').allTextContents()).map((c) => c.trim());
      rows.push({ number: cells[0], cells: Object.fromEntries(headers.map((h, i) => [h, cells[i]])) });
    }
    const next = page.locator('#register-table a[rel=next]');
    if ((await next.count()) === 0) break;
    await page.goto(await next.getAttribute('href'));
  }
  return rows;
}
