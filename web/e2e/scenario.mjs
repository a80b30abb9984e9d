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
    try {
      await fn({ page, app: run.app, step, t });
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
