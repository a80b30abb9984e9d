// The network screen: a system administrator sees the declared network by
// tier, the separation findings citing the body's clauses, and the monitor's
// alerts; they mark one as an incident. A staff member has no such screen.
import assert from 'node:assert/strict';

import { signIn, submit } from '../harness.mjs';
import { path, scenario, text } from '../scenario.mjs';

export default function () {
  scenario('network: the separation findings and the traffic alerts, and an alert escalated to an incident',
    'network-alerts', async ({ page, app, step }) => {
      await signIn(page, app, app.accounts.systemAdmin);
      await page.getByRole('link', { name: 'ネットワーク' }).click();
      await page.waitForURL('**/network');
      assert.equal(await text(page.locator('h1')), 'ネットワーク（三層の分離）');

      const cells = await page.getByTestId('segments').locator('tbody tr').first().locator('td').allTextContents();
      assert.deepEqual(cells.map((c) => c.trim()),
        ['SEG-MN-01', 'マイナンバー利用事務系 業務端末', 'マイナンバー利用事務系', '10.10.0.0/16'],
        'the My Number tier comes first');

      const isolation = page.getByTestId('net-rules').locator('tr', { hasText: 'net.my_number_isolation' });
      assert.match(await text(isolation), /6\(3\)①/, 'the rule cites the body\'s own clause');
      assert.match(await text(isolation.locator('td').nth(2)), /^[1-9]/, 'the demo network breaks it');
      await step('network');

      const alerts = page.getByTestId('alerts');
      const blocked = alerts.locator('tbody tr', { hasText: '10.10.3.4' }).first();
      assert.match(await text(blocked), /203\.0\.113\.9/);
      assert.match(await text(blocked), /TCP\/443/);
      assert.match(await text(blocked), /機器が遮断/);
      assert.equal(await text(blocked.locator('td').nth(5)), '2', 'two log lines, one alert counted twice');

      await blocked.getByLabel('状態').selectOption({ label: 'インシデント対応' });
      await submit(page, blocked.getByRole('button', { name: '変更' }));
      assert.equal(path(page), '/network');
      const after = page.getByTestId('alerts').locator('tbody tr', { hasText: '10.10.3.4' }).first();
      assert.equal(await after.getByLabel('状態').evaluate((s) => s.selectedOptions[0].textContent), 'インシデント対応');
      await step('escalated');
    });

  scenario('network: a staff member has neither the menu entry nor the screen', 'network-staff', async ({ page, app }) => {
    await signIn(page, app, app.accounts.staff);
    assert.equal(await page.getByRole('link', { name: 'ネットワーク' }).count(), 0);
    const r = await page.goto('/network');
    assert.equal(r.status(), 403);
  });
}
