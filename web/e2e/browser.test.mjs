// End-to-end tests of `mamori serve` in headless Chromium (playwright-core
// driving Debian's /usr/bin/chromium). One server and one browser for the run;
// each scenario has its own browser context (its own cookies) and saves
// full-page screenshots of its steps under $MAMORI_E2E_ARTIFACTS/<scenario>/.
//
//   MAMORI_BIN=build/debug/src/mamori node --test web/e2e/browser.test.mjs
//   (or through CTest: ctest -R e2e_browser, which runs web/e2e/run.mjs)
import { after, before, describe } from 'node:test';

import { launchBrowser, startApp } from './harness.mjs';
import { run } from './scenario.mjs';

import signIn from './scenarios/sign_in.mjs';
import assetEdit from './scenarios/asset_edit.mjs';
import importCsv from './scenarios/import_csv.mjs';
import findings from './scenarios/findings.mjs';
import policy from './scenarios/policy.mjs';
import roles from './scenarios/roles.mjs';
import language from './scenarios/language.mjs';
import registerFilter from './scenarios/register_filter.mjs';
import smoke from './scenarios/smoke.mjs';
import network from './scenarios/network.mjs';

describe('mamori serve in a browser (架空市, profile nogata)', () => {
  before(async () => {
    run.app = await startApp();
    run.browser = await launchBrowser();
  });

  after(async () => {
    await run.browser?.close();
    // Fails the run if the server crashed, leaked or reported undefined behaviour.
    await run.app?.stop();
  });

  signIn();
  assetEdit();
  importCsv();
  findings();
  policy();
  roles();
  registerFilter();
  language();
  network();
  smoke();
});
