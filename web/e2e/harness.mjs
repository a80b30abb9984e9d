// The browser tests' harness: one fictional city (架空市, profile nogata) per run.
//
// startApp() makes a temporary directory, builds the demo register there
// (`mamori demo`), reads it back (`mamori export`) to choose the people behind
// one account per role, creates those accounts, starts `mamori serve` on a free
// port and waits until it answers. stop() ends the server and fails if it did
// not exit cleanly (a sanitizer report, a crash, a non-zero exit).
//
// Environment:
//   MAMORI_BIN              the mamori binary (set by CTest)
//   MAMORI_E2E_ARTIFACTS    where screenshots and the server log go
//                           (default: <repo>/build/e2e-artifacts)
//   MAMORI_E2E_KEEP=1       keep the temporary directory (its path is printed)
//   MAMORI_E2E_HEADED=1     show the browser (needs a display)
import { spawn, execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const chromiumPath = process.env.MAMORI_E2E_CHROMIUM || '/usr/bin/chromium';
export const artifactsDir = resolve(process.env.MAMORI_E2E_ARTIFACTS || join(repoRoot, 'build', 'e2e-artifacts'));

// Every account shares one password (12+ characters, as the app requires).
export const PASSWORD = 'e2e-password-0123';

const run = promisify(execFile);

function mamoriBin() {
  const bin = process.env.MAMORI_BIN;
  if (!bin) throw new Error('MAMORI_BIN is not set (the path of the mamori binary; CTest sets it)');
  if (!existsSync(bin)) throw new Error(`MAMORI_BIN does not exist: ${bin}`);
  return bin;
}

// The server and the CLI: test-only fast password hashing; sanitizers report,
// then exit non-zero (we check stderr as well).
function childEnv() {
  return { ...process.env, MAMORI_TEST_FAST_HASH: '1', LANG: 'C.UTF-8' };
}

async function mamori(db, args, input) {
  const bin = mamoriBin();
  if (input === undefined) {
    const { stdout } = await run(bin, ['--db', db, ...args], { env: childEnv(), maxBuffer: 64 << 20 });
    return stdout;
  }
  return new Promise((ok, fail) => {
    const child = spawn(bin, ['--db', db, ...args], { env: childEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`mamori ${args.join(' ')}: exit ${code}\n${err}${out}`))));
    child.stdin.end(input);
  });
}

// RFC 4180, as mamori writes it (BOM, CRLF, quoted values).
export function parseCsv(text) {
  text = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// Writes `text` as CSV (quoting where needed), header first.
export function toCsv(header, rows) {
  const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [header, ...rows].map((r) => r.map((v) => cell(String(v ?? ''))).join(',')).join('\r\n') + '\r\n';
}

// --- TOTP (RFC 6238: HMAC-SHA1, 30 s, 6 digits) ---------------------------

export function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of s.toUpperCase().replace(/[\s=-]/g, '')) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const totpStep = (ms = Date.now()) => Math.floor(ms / 1000 / 30);

export function totpCode(secret, step = totpStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

// --- screenshots ------------------------------------------------------------

const shotCounters = new Map();

// Saves a full-page PNG as <artifacts>/<scenario>/<NN>-<step>.png (kept whether
// the test passes or fails). The first shot of a scenario in a run clears the
// scenario's earlier PNGs.
export async function shot(page, scenario, step) {
  const dir = join(artifactsDir, scenario);
  if (!shotCounters.has(scenario)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    shotCounters.set(scenario, 0);
  }
  const n = shotCounters.get(scenario) + 1;
  shotCounters.set(scenario, n);
  const file = join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// --- the demo register and its people ----------------------------------------

const ROLE_LABELS = {
  ciso: '最高情報セキュリティ責任者',
  chief_officer: '統括情報セキュリティ責任者',
  officer: '情報セキュリティ責任者',
  manager: '情報セキュリティ管理者',
  system_admin: '情報システム管理者',
  system_staff: '情報システム担当者',
  staff: '職員等',
};

function countBy(values) {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) || 0) + 1);
  return m;
}

// Chooses, from the register, the person behind each role's account, so that
// every scope check is meaningful (the staff member manages some assets but not
// all of the department's; the officer's organ is not the whole city …).
function chooseAccounts(reg) {
  const { assets, people, departments } = reg;
  const organOf = new Map(departments.map((d) => [d['所属名'], d['機関コード']]));
  const byDept = countBy(assets.map((a) => a['所管課']));
  const byManager = countBy(assets.map((a) => a['管理者']));
  const withRole = (role) => people.filter((p) => p['役割'] === ROLE_LABELS[role]);
  const first = (role, pred = () => true) => {
    const p = withRole(role).find(pred);
    if (!p) throw new Error(`the demo register has no ${role} matching the harness's needs`);
    return p;
  };
  const manages = (p) => byManager.get(p['職員番号']) || 0;

  const ciso = first('ciso');
  const chief = first('chief_officer');
  // The manager of the department with the most assets.
  const managers = withRole('manager').sort((a, b) => (byDept.get(b['所属']) || 0) - (byDept.get(a['所属']) || 0));
  const manager = managers[0];
  // An officer of an organ other than the mayor's (so "only their organ" excludes most).
  const officer = first('officer', (p) => organOf.get(p['所属']) && organOf.get(p['所属']) !== '01' &&
    assets.some((a) => organOf.get(a['所管課']) === organOf.get(p['所属'])));
  const sysAdmin = first('system_admin', (p) => (byDept.get(p['所属']) || 0) > 0);
  const sysStaff = first('system_staff', (p) => (byDept.get(p['所属']) || 0) > 0);
  // A staff member managing some (not all) of their department's assets.
  const staff = withRole('staff')
    .filter((p) => manages(p) > 0 && manages(p) < (byDept.get(p['所属']) || 0))
    .sort((a, b) => manages(b) - manages(a))[0];
  if (!staff) throw new Error('the demo register has no staff member who manages an asset');

  const person = (login, role, p, extra = {}) => ({
    login,
    role,
    name: p ? p['氏名'] : extra.name,
    person: p ? p['職員番号'] : undefined,
    department: p ? p['所属'] : undefined,
    organ: p ? organOf.get(p['所属']) : undefined,
    totp: role === 'ciso' || role === 'chief_officer',
    ...extra,
  });
  return {
    ciso: person('e2e-ciso', 'ciso', ciso),
    cisoSignin: person('e2e-ciso-signin', 'ciso', ciso, { name: `${ciso['氏名']}（登録試験）` }),
    chiefRetry: person('e2e-chief-retry', 'chief_officer', chief, { name: `${chief['氏名']}（再入力試験）` }),
    chief: person('e2e-chief', 'chief_officer', chief),
    officer: person('e2e-officer', 'officer', officer),
    manager: person('e2e-manager', 'manager', manager),
    systemAdmin: person('e2e-sysadmin', 'system_admin', sysAdmin),
    systemStaff: person('e2e-sysstaff', 'system_staff', sysStaff),
    staff: person('e2e-staff', 'staff', staff),
    auditor: person('e2e-auditor', 'auditor', null, { name: '監査　太郎' }),
  };
}

async function addAccount(db, a) {
  const args = ['account', 'add', a.login, '--role', a.role, '--name', a.name];
  if (a.organ) args.push('--organ', a.organ);
  if (a.department) args.push('--department', a.department);
  if (a.person) args.push('--person', a.person);
  await mamori(db, args, `${PASSWORD}\n`);
}

// --- the server ---------------------------------------------------------------

export async function startApp({ profile = 'nogata' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-e2e-'));
  const db = join(dir, 'e2e.db');
  await mamori(db, ['demo', '--replace', '--profile', profile]);
  const read = async (kind) => {
    const file = join(dir, `${kind}.csv`);
    await mamori(db, ['export', file, '--kind', kind]);
    return parseCsv(readFileSync(file, 'utf8'));
  };
  const readRegister = async () => ({
    assets: await read('asset'),
    people: await read('person'),
    departments: await read('department'),
  });
  const reg = await readRegister();
  const accounts = chooseAccounts(reg);
  for (const a of Object.values(accounts)) await addAccount(db, a);
  // A firewall's log through the traffic monitor: one blocked attempt from the
  // My Number tier to the internet (twice: one alert, count 2) and one LGWAN →
  // internet-tier flow; the alerts go to the store only.
  await mamori(db, ['net', 'watch', '--out', 'none', '--format', 'auto', '-'], [
    '<4>Nov 22 10:00:00 fw1 kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5000 DPT=443',
    '<4>Nov 22 10:00:05 fw1 kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5001 DPT=443',
    'date=2026-11-22 time=10:00:01 devname="FGT01" type="traffic" subtype="forward" srcip=10.20.1.5 srcport=51000 srcintf="port2" dstip=10.30.4.4 dstport=3389 dstintf="port3" proto=6 action="accept"',
    '',
  ].join('\n'));

  mkdirSync(artifactsDir, { recursive: true });
  const logFile = join(artifactsDir, 'server.log');
  const child = spawn(mamoriBin(), ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`mamori serve printed no address in 120 s\n${stdout}${stderr}`)), 120_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`mamori serve exited (${code ?? signal}) before printing its address\n${stdout}${stderr}`));
    });
  });
  // The first check runs before the first request is answered: wait for it.
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/policy`, { signal: AbortSignal.timeout(60_000) });
      if (r.status === 200) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`mamori serve at ${url} did not answer /policy in time\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const app = {
    url,
    dir,
    db,
    register: reg,
    accounts,
    organOf: new Map(reg.departments.map((d) => [d['所属名'], d['機関コード']])),
    // TOTP secrets learned at enrolment, and the last step each account used.
    totp: new Map(),
    // The register as it is now (through the CLI, beside the running server).
    readRegister,
    async mamori(args, input) {
      return mamori(db, args, input);
    },
    serverLog: () => stdout + stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let timer;
      const timeout = new Promise((ok) => (timer = setTimeout(() => ok(null), 60_000)));
      let result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (!result) {
        child.kill('SIGKILL');
        result = await exited;
        stderr += '\n[harness] mamori serve did not stop within 60 s of SIGTERM; killed\n';
      }
      writeFileSync(logFile, stdout + stderr);
      if (process.env.MAMORI_E2E_KEEP === '1') console.log(`# kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
      const problems = [];
      if (result.code !== 0) problems.push(`exit ${result.code ?? result.signal}`);
      if (/AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer/.test(stderr))
        problems.push('sanitizer report');
      if (problems.length)
        throw new Error(`mamori serve did not stop cleanly (${problems.join(', ')}); log: ${logFile}\n${stderr.slice(-4000)}`);
    },
  };
  return app;
}

// --- the browser ------------------------------------------------------------------

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.MAMORI_E2E_HEADED !== '1',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
}

// A fresh browser (no cookies), Japanese, a desktop-sized window.
export async function newPage(browser, app) {
  const context = await browser.newContext({
    baseURL: app.url,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(60_000); // the asan-ubsan build is slow
  context.setDefaultNavigationTimeout(90_000);
  const page = await context.newPage();
  return page;
}

async function waitForNextStep(app, login) {
  const last = app.totp.get(login)?.lastStep ?? -1;
  while (totpStep() <= last) await new Promise((r) => setTimeout(r, 250));
}

// Clicks a submit button (or a link) and waits for the page it leads to, even
// when the URL stays the same (a form shown again with its errors).
export async function submit(page, locator) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await locator.click();
  await navigated;
  await page.waitForLoadState('load');
}

// Submits a code on /login/enrol or /login/totp.
export async function enterCode(page, code) {
  await page.getByLabel('確認コード（6 桁）').fill(code);
  await submit(page, page.locator('form[action^="/login/"] button[type=submit]'));
}

// Signs in as `account` in this page's browser, through the form, handling the
// authenticator enrolment (first time) and the one-time code (later).
export async function signIn(page, app, account, { scenario, next } = {}) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('ログイン名').fill(account.login);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await submit(page, page.locator('form[action="/login"] button[type=submit]'));
  const path = new URL(page.url()).pathname;
  if (path === '/login/enrol') {
    if (scenario) await shot(page, scenario, 'enrol');
    const secret = (await page.getByTestId('totp-secret').textContent()).trim();
    const step = totpStep();
    await enterCode(page, totpCode(secret, step));
    app.totp.set(account.login, { secret, lastStep: step });
  } else if (path === '/login/totp') {
    const known = app.totp.get(account.login);
    if (!known) throw new Error(`${account.login} asks for a code but the harness does not know its secret`);
    await waitForNextStep(app, account.login);
    const step = totpStep();
    await enterCode(page, totpCode(known.secret, step));
    known.lastStep = step;
  }
  const after = new URL(page.url()).pathname;
  if (after.startsWith('/login')) throw new Error(`sign-in of ${account.login} stopped at ${page.url()}`);
}
