// Importing a CSV (UTF-8, the register's Japanese column names) through the
// import page: a file with one bad row is refused whole, naming the row; a good
// file is previewed, then applied.
import assert from 'node:assert/strict';

import { signIn, submit, toCsv } from '../harness.mjs';
import { path, scenario, squash, text } from '../scenario.mjs';

const HEADER = ['資産番号', '資産名称', '種別', '所管課', '管理者', '系統', '機密性', '完全性', '可用性', '個人情報', '形態'];

async function upload(page, fileName, csv) {
  await page.goto('/import');
  await page.getByLabel(/^ファイル/).setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByLabel('台帳の種類').selectOption({ label: '情報資産' });
  await submit(page, page.getByRole('button', { name: '内容を確認する' }));
}

async function recordExists(page, number) {
  await page.goto(`/register/assets?q=${encodeURIComponent(number)}`);
  return (await page.locator(`#register-table tbody a`, { hasText: number }).count()) > 0;
}

export default function () {
  scenario('import: a CSV with one bad row is refused naming the row and writes nothing; a good CSV is previewed, then applied',
    'import-csv', async ({ page, app, step }) => {
      const m = app.accounts.manager;
      await signIn(page, app, m);
      await page.goto('/import');
      assert.equal(await text(page.locator('h1')), '台帳の取込・出力');
      await step('form');

      // Row 3 of the file (the second record) names a tier the register does not have.
      const bad = toCsv(HEADER, [
        ['E2E-0001', '試験用 申請書（取込）', '文書', m.department, m.person, 'LGWAN接続系', '3B', '2', '2', 'はい', '紙'],
        ['E2E-0002', '試験用 台帳データ（取込）', 'データ', m.department, m.person, '庁内LAN', '3B', '2', '2', 'はい', '電子'],
        ['E2E-0003', '試験用 集計表（取込）', 'データ', m.department, m.person, 'LGWAN接続系', '2', '2', '2', 'いいえ', '電子'],
      ]);
      await upload(page, 'assets-bad.csv', bad);
      assert.equal(path(page), '/import/preview');
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      assert.match(await text(problems), /何も取り込んでいません。/);
      const rows = (await problems.locator('tbody tr').allTextContents()).map((t) => squash(t));
      assert.equal(rows.length, 1, `one problem reported:\n${rows.join('\n')}`);
      assert.match(rows[0], /assets-bad\.csv:3/, 'the problem names the file and row 3');
      assert.match(rows[0], /系統/, 'and the column');
      assert.match(rows[0], /庁内LAN/, 'and the value');
      assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview, nothing to apply');
      await step('bad-row-report');
      for (const n of ['E2E-0001', 'E2E-0002', 'E2E-0003'])
        assert.equal(await recordExists(page, n), false, `${n} was not written`);
      await step('nothing-written');

      // The same file corrected: preview, then apply.
      const good = toCsv(HEADER, [
        ['E2E-0001', '試験用 申請書（取込）', '文書', m.department, m.person, 'LGWAN接続系', '3B', '2', '2', 'はい', '紙'],
        ['E2E-0002', '試験用 台帳データ（取込）', 'データ', m.department, m.person, 'LGWAN接続系', '3B', '2', '2', 'はい', '電子'],
      ]);
      await upload(page, 'assets-good.csv', good);
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      assert.match(await text(preview.locator('h2')), /変更内容の確認: assets-good\.csv/);
      const counts = (await preview.locator('table').first().locator('tbody tr').allTextContents()).map((t) =>
        squash(t));
      assert.ok(counts.some((r) => /^情報資産 ?2 ?0 ?0$/.test(r)), `2 new assets in the preview:\n${counts.join('\n')}`);
      await step('preview');
      // Previewing writes nothing either.
      assert.equal(await page.getByTestId('import-applied').count(), 0);

      await submit(page, page.getByTestId('import-apply'));
      const applied = page.getByTestId('import-applied');
      await applied.waitFor();
      assert.match(await text(applied), /取り込みました。/);
      await step('applied');

      assert.equal(await recordExists(page, 'E2E-0001'), true, 'E2E-0001 is in the register');
      await page.goto('/register/assets/E2E-0002');
      assert.equal(await text(page.locator('h1')), '情報資産 E2E-0002');
      assert.match(await text(page.locator('dl.record')), /試験用 台帳データ（取込）/);
      await step('imported-record');
    });
}
