// One authorization case per role, against what the profile's organization
// says each role may see (src/web/access.h):
//   resident (not signed in): the public 基本方針 only;
//   職員等: the assets they manage;  情報セキュリティ管理者 / 情報システム管理者 /
//   情報システム担当者: their department's;  情報セキュリティ責任者: their organ's;
//   監査人: everything, read-only;  CISO / 統括: everything, and the standards.
// Who may read the non-public documents comes from profiles/nogata.yaml:
// the 対策基準 (standards) every role including 職員等 (guideline.yaml), the
// 実施手順 (procedures) every role but 職員等 (nogata.yaml documents.procedures).
import assert from 'node:assert/strict';

import { signIn, submit } from '../harness.mjs';
import { allRows, countOnPage, path, scenario, text } from '../scenario.mjs';

const NOT_ALLOWED = 'この文書は非公開です。閲覧できる役割ではありません。';

// Checks the asset list shows exactly the assets `visible` selects from the register.
async function assertAssetScope(page, app, account, visible, step) {
  const { assets } = await app.readRegister();
  const expected = assets.filter(visible);
  assert.ok(expected.length > 0 && expected.length < assets.length,
    `${account.role}: a meaningful scope (${expected.length} of ${assets.length})`);
  await page.goto('/register/assets');
  assert.equal(path(page), '/register/assets');
  assert.equal(await countOnPage(page), expected.length, `${account.role} sees ${expected.length} assets`);
  await step('asset-list');
  const rows = await allRows(page);
  assert.deepEqual(rows.map((r) => r.number).sort(), expected.map((a) => a['資産番号']).sort());
  for (const r of rows)
    assert.ok(visible({ 所管課: r.cells['所管課'], 管理者: r.cells['管理者'] }),
      `${r.number} (${r.cells['所管課']}, ${r.cells['管理者']}) is within the ${account.role}'s scope`);
  // An asset outside the scope is "not found", not shown.
  const outside = assets.find((a) => !visible(a));
  await page.goto(`/register/assets/${encodeURIComponent(outside['資産番号'])}`);
  assert.equal(await text(page.locator('main')).then((t) => t.includes('その記録はないか、閲覧する権限がありません。')), true,
    `${outside['資産番号']} of ${outside['所管課']} is refused`);
  await step('outside-refused');
}

async function assertSeesAll(page, app, account, step) {
  const { assets } = await app.readRegister();
  await page.goto('/register/assets');
  assert.equal(await countOnPage(page), assets.length, `${account.role} sees all ${assets.length} assets`);
  await step('asset-list');
}

async function assertDocument(page, id, allowed, title) {
  const response = await page.goto(`/policy/${id}`);
  if (allowed) {
    assert.equal(response.status(), 200, `/policy/${id} is readable`);
    assert.equal(await text(page.getByTestId('document-title')), title);
  } else {
    assert.equal(response.status(), 403, `/policy/${id} is refused with 403`);
    assert.match(await text(page.locator('main')), new RegExp(NOT_ALLOWED));
  }
}

const STANDARDS = '情報セキュリティ対策基準';
const PROCEDURES = '情報セキュリティ実施手順';

export default function () {
  scenario('role resident (no account): the register, findings and the standards ask for sign-in', 'role-resident',
    async ({ page, step }) => {
      for (const url of ['/register/assets', '/findings', '/policy/standards', '/policy/procedures']) {
        await page.goto(url);
        assert.equal(path(page), '/login', `${url} redirects to sign-in`);
        assert.equal(new URL(page.url()).searchParams.get('next'), url);
        assert.equal(await page.locator('table.register').count(), 0);
      }
      await step('asked-to-sign-in');
    });

  scenario('role staff (職員等): sees only the assets they manage; reads the standards but gets 403 on the procedures',
    'role-staff', async ({ page, app, step }) => {
      const a = app.accounts.staff;
      await signIn(page, app, a);
      await assertAssetScope(page, app, a, (x) => x['管理者'] === a.person, step);
      await assertDocument(page, 'standards', true, STANDARDS);
      await assertDocument(page, 'procedures', false);
      await step('procedures-403');
    });

  scenario('role manager (情報セキュリティ管理者): sees only their department\'s assets', 'role-manager',
    async ({ page, app, step }) => {
      const a = app.accounts.manager;
      await signIn(page, app, a);
      await assertAssetScope(page, app, a, (x) => x['所管課'] === a.department || x['管理者'] === a.person, step);
      await assertDocument(page, 'procedures', true, PROCEDURES);
    });

  scenario('role system_admin (情報システム管理者): sees only their department\'s assets', 'role-system-admin',
    async ({ page, app, step }) => {
      const a = app.accounts.systemAdmin;
      await signIn(page, app, a);
      await assertAssetScope(page, app, a, (x) => x['所管課'] === a.department || x['管理者'] === a.person, step);
    });

  scenario('role system_staff (情報システム担当者): sees only their department\'s assets', 'role-system-staff',
    async ({ page, app, step }) => {
      const a = app.accounts.systemStaff;
      await signIn(page, app, a);
      await assertAssetScope(page, app, a, (x) => x['所管課'] === a.department || x['管理者'] === a.person, step);
    });

  scenario('role officer (情報セキュリティ責任者): sees only the assets of their organ\'s departments', 'role-officer',
    async ({ page, app, step }) => {
      const a = app.accounts.officer;
      await signIn(page, app, a);
      const organDepartments = new Set(
        app.register.departments.filter((d) => d['機関コード'] === a.organ).map((d) => d['所属名']));
      assert.ok(organDepartments.size > 0);
      await assertAssetScope(page, app, a, (x) => organDepartments.has(x['所管課']) || x['管理者'] === a.person, step);
    });

  scenario('role auditor (監査人): sees every asset but has no edit form, and a change is refused', 'role-auditor',
    async ({ page, app, step }) => {
      const a = app.accounts.auditor;
      await signIn(page, app, a);
      await assertSeesAll(page, app, a, step);
      assert.equal(await page.getByRole('link', { name: '新規登録' }).count(), 0, 'no 新規登録 button');
      const number = (await page.locator('#register-table tbody tr td a').first().textContent()).trim();
      await page.goto(`/register/assets/${encodeURIComponent(number)}`);
      assert.equal(await text(page.locator('h1')), `情報資産 ${number}`);
      assert.equal(await page.getByTestId('edit-form').count(), 0, 'no edit form');
      assert.equal(await page.getByRole('button', { name: '削除' }).count(), 0, 'no delete button');
      await step('record-read-only');
      // A hand-made POST (with the session's own CSRF token) is refused too.
      const csrf = await page.locator('form[action="/logout"] input[name=csrf]').getAttribute('value');
      const r = await page.request.post(`/register/assets/${encodeURIComponent(number)}`, {
        form: { csrf, name: '監査人が変更' },
        maxRedirects: 0,
      });
      assert.equal(r.status(), 403);
      assert.match(await r.text(), /この役割では変更できません（閲覧のみ）。/);
      await page.goto('/import');
      assert.match(await text(page.locator('main')), /この役割では変更できません（閲覧のみ）。/);
      assert.equal(await page.locator('input[type=file]').count(), 0, 'no import form');
      await step('import-read-only');
      await assertDocument(page, 'standards', true, STANDARDS);
    });

  scenario('role CISO: sees every asset and reads the standards and the procedures', 'role-ciso',
    async ({ page, app, step }) => {
      const a = app.accounts.ciso;
      await signIn(page, app, a, { scenario: 'role-ciso' });
      await assertSeesAll(page, app, a, step);
      await page.goto('/policy');
      await submit(page, page.locator('section:has(h2:text-is("ポリシーの構成"))').getByRole('link', { name: STANDARDS }));
      assert.equal(path(page), '/policy/standards');
      assert.equal(await text(page.getByTestId('document-title')), STANDARDS);
      assert.match(await text(page.locator('main')), /情報資産の分類と取扱い/);
      await step('standards');
      await assertDocument(page, 'procedures', true, PROCEDURES);
    });

  scenario('role chief_officer (統括情報セキュリティ責任者): signs in with a code, sees every asset and the standards',
    'role-chief-officer', async ({ page, app, step }) => {
      const a = app.accounts.chief;
      await signIn(page, app, a, { scenario: 'role-chief-officer' });
      await assertSeesAll(page, app, a, step);
      await assertDocument(page, 'standards', true, STANDARDS);
      await step('standards');
    });
}
