// CTest's entry to the browser tests: skips (exit 77) with a reason when the
// browser or playwright-core is not installed, otherwise runs the tests with
// node --test and passes its exit status on.
//
//   MAMORI_BIN=build/debug/src/mamori node web/e2e/run.mjs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.MAMORI_E2E_CHROMIUM || '/usr/bin/chromium';
const playwright = join(here, '..', 'node_modules', 'playwright-core', 'package.json');

const missing = [];
if (!existsSync(chromium)) missing.push(`${chromium} (apt-get install chromium)`);
if (!existsSync(playwright)) missing.push('web/node_modules/playwright-core (npm ci --prefix web)');
if (!process.env.MAMORI_BIN) missing.push('MAMORI_BIN (the mamori binary; CTest sets it)');
if (missing.length) {
  console.log(`e2e_browser: SKIPPED — missing ${missing.join(', ')}`);
  process.exit(SKIP);
}

const args = ['--test', '--test-reporter=spec', join(here, 'browser.test.mjs')];
const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
if (result.error) {
  console.error(result.error);
  process.exit(1);
}
process.exit(result.status ?? 1);
