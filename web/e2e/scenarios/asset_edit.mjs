// A 情報セキュリティ管理者 edits an asset of their department through the form:
// a good change is saved and appears in the record's history; a bad one is
// refused with the field's error and changes nothing.
import assert from 'node:assert/strict';

import { signIn, submit } from '../harness.mjs';
import { path, scenario, squash, text } from '../scenario.mjs';

// The recorded value of a field on a record page (登録内容).
async function recorded(page, label) {
  const dts = await page.locator('dl.record dt').allTextContents();
  const i = dts.findIndex((t) => t.trim() === label);
  assert.ok(i >= 0, `no ${label} among the recorded values`);
  return (await page.locator('dl.record dd').nth(i).textContent()).trim();
}

async function historyLines(page) {
  return (await page.locator('section:has(h2:text-is("変更履歴")) tbody tr').allTextContents()).map((t) =>
    squash(t));
}

// Two assets of the manager's own department (the first page of their list).
function ownAssets(app) {
  const m = app.accounts.manager;
  const list = app.register.assets.filter((a) => a['所管課'] === m.department && a['資産名称']);
  assert.ok(list.length >= 2, `the manager's department ${m.department} has fewer than two assets`);
  return list;
}

export default function () {
  scenario('asset edit: a manager changes 機密性 through the form, sees the saved notice and the history line',
    'asset-edit', async ({ page, app, step }) => {
      const asset = ownAssets(app)[0];
      const number = asset['資産番号'];
      await signIn(page, app, app.accounts.manager);

      await page.goto(`/register/assets?q=${encodeURIComponent(number)}`);
      await page.getByRole('link', { name: number, exact: true }).click();
      await page.waitForURL(`**/register/assets/${encodeURIComponent(number)}`);
      assert.equal(await text(page.locator('h1')), `情報資産 ${number}`);
      await step('record');

      const form = page.getByTestId('edit-form');
      const select = form.locator('select[name=confidentiality]');
      const before = await select.inputValue();
      const choices = (await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).filter(
        (v) => v && v !== before);
      assert.ok(choices.length > 0, 'the 機密性 select offers other levels');
      const after = choices.includes('3A') ? '3A' : choices[0];
      await select.selectOption(after);
      await step('changed-in-form');
      await submit(page, form.getByRole('button', { name: '保存' }));

      assert.equal(path(page), `/register/assets/${encodeURIComponent(number)}`);
      assert.equal(new URL(page.url()).searchParams.get('saved'), '1');
      assert.equal(await text(page.locator('[role=status]')), '保存しました。変更履歴に記録されています。');
      assert.equal(await recorded(page, '機密性'), after);
      const lines = await historyLines(page);
      const expected = before ? `機密性: ${before} → ${after}` : `機密性: → ${after}`;
      assert.ok(lines.some((l) => l.includes(expected)), `a history line 「${expected}」 among:\n${lines.join('\n')}`);
      assert.ok(lines.some((l) => l.includes(app.accounts.manager.name) || l.includes(app.accounts.manager.login)),
        'the history names who changed it');
      await step('saved-with-history');
    });

  scenario('asset edit refused: an empty required name and a level the policy does not have (9Z) change nothing',
    'asset-edit-refused', async ({ page, app, step }) => {
      const asset = ownAssets(app)[1];
      const number = asset['資産番号'];
      const url = `/register/assets/${encodeURIComponent(number)}`;
      await signIn(page, app, app.accounts.manager);
      await page.goto(url);
      const name = await recorded(page, '資産名称');
      const level = await recorded(page, '機密性');
      const historyBefore = await historyLines(page);
      await step('record');

      // 1. The required name left empty.
      const form = page.getByTestId('edit-form');
      await form.getByLabel('資産名称').fill('');
      await submit(page, form.getByRole('button', { name: '保存' }));
      assert.equal(path(page), url);
      assert.match(await text(page.locator('.errors[role=alert]')), /資産名称/);
      const nameInput = page.getByTestId('edit-form').getByLabel('資産名称');
      assert.equal(await nameInput.getAttribute('aria-invalid'), 'true', 'the name field is marked invalid');
      assert.ok(await page.locator('label:has(input[name=name]) .field-error').count(), 'the name field shows its error');
      await step('empty-name-refused');

      // 2. A level that is not in the profile's classification (a tampered form).
      await page.goto(url);
      await page.getByTestId('edit-form').locator('select[name=confidentiality]').evaluate((s) => {
        const o = document.createElement('option');
        o.value = '9Z';
        o.textContent = '9Z';
        s.append(o);
        s.value = '9Z';
      });
      await submit(page, page.getByTestId('edit-form').getByRole('button', { name: '保存' }));
      assert.equal(path(page), url);
      assert.equal(new URL(page.url()).searchParams.get('saved'), null, 'not saved');
      assert.match(await text(page.locator('.errors[role=alert]')), /機密性/);
      assert.equal(await page.getByTestId('edit-form').locator('select[name=confidentiality]').getAttribute('aria-invalid'),
        'true', 'the 機密性 field is marked invalid');
      await step('unknown-level-refused');

      // Nothing changed.
      await page.goto(url);
      assert.equal(await recorded(page, '資産名称'), name);
      assert.equal(await recorded(page, '機密性'), level);
      assert.deepEqual(await historyLines(page), historyBefore, 'no new history line');
      await step('unchanged');
    });

  // Found by these tests (fixed in 1a1c4a4): the history showed stored keys
  // (「形態: electronic → paper」) instead of what the screens show.
  scenario('asset history: a changed 形態 reads 「形態: 電子 → 紙」 as the register shows it', 'asset-history-labels',
    async ({ page, app, step }) => {
      const asset = ownAssets(app).find((a) => a['形態'] === '電子');
      assert.ok(asset, 'an electronic asset in the manager\'s department');
      const url = `/register/assets/${encodeURIComponent(asset['資産番号'])}`;
      await signIn(page, app, app.accounts.manager);
      await page.goto(url);
      const form = page.getByTestId('edit-form');
      await form.locator('select[name=form]').selectOption({ label: '紙' });
      await submit(page, form.getByRole('button', { name: '保存' }));
      assert.equal(await recorded(page, '形態'), '紙');
      const lines = await historyLines(page);
      await step('history');
      assert.ok(lines.some((l) => l.includes('形態: 電子 → 紙')), `「形態: 電子 → 紙」 among:\n${lines.join('\n')}`);
    });
}
