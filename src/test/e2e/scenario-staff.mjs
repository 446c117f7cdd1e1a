// End-to-end test (issue 19): the staff pages, reached from Tasklist's header (员工页面) with the Tasklist login, no
// URL typed but the first login page, against the state initial-certification.mjs leaves (a certified CQM client
// 福州闽江家电售后服务有限公司…, credit code 91350100M000100Y43).
// - manager: finds the finished case by client name, opens the case, the client and the certificate page, downloads
//   the certificate's PDF from the page; the managers' dashboard;
// - quality: the decision table versions and one version's approval (approver, regression cases);
// - auditor: declares a conflict of interest (a wrong form first: refused, the field named, nothing registered);
//   no search page and no registers for an auditor;
// - reviewer: no registers and no dashboard in the header;
// - decider: the case page behind a decision (score sheet, findings).
// (The entries a whole PCEC score sheet takes are counted where the lead fills one: scenario-portal.mjs.)
// Screenshots: $E2E_OUT/staff-<role>-<page>.png (copied into docs/images for docs/ROLES.md).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const base = process.env.E2E_BASE ?? 'http://localhost:18080';
const out = process.env.E2E_OUT ?? 'target/e2e';
const TASKLIST = `${base}/camunda/app/tasklist/default/`;
const clientPrefix = '福州闽江家电售后服务有限公司';
const code = '91350100M000100Y43';

function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
  console.log(`  ok: ${message}`);
}

async function screenshot(role, name) {
  const file = `${out}/staff-${role}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let page;

// Tasklist's login (the only URL typed), then Tasklist's header link 员工页面 to the staff pages.
async function staffPages(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  context.setDefaultTimeout(20000);
  page = await context.newPage();
  await page.goto(TASKLIST);
  await page.waitForSelector('input[type=password]');
  await page.waitForLoadState('networkidle');
  for (let attempt = 1; ; attempt++) {
    await page.locator('input[type=text]').first().fill(user);
    await page.locator('input[type=password]').fill(user);
    if ((await page.locator('input[type=text]').first().inputValue()) === user) break;
    if (attempt === 3) throw new Error(`login form for ${user} does not keep its input`);
    await page.waitForTimeout(500);
  }
  await page.locator('button[type=submit]').click();
  await page.locator('.certflow-staff-link a').waitFor();
  if (user === 'manager') {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/staff-tasklist-link.png`, clip: { x: 0, y: 0, width: 1400, height: 300 } });
  }
  await page.locator('.certflow-staff-link a').click();
  await page.locator('.staff-header').waitFor();
  console.log(`${user}: staff pages at ${new URL(page.url()).pathname}`);
}

const nav = async () => (await page.locator('.staff-header nav a').allInnerTexts()).map((t) => t.trim());

try {
  // 1. manager: the finished case found by client name, its case, client and certificate pages, the PDF.
  await staffPages('manager');
  check((await nav()).includes('管理看板') && (await nav()).includes('决策表版本'), `manager's header: ${(await nav()).join(' | ')}`);
  await page.locator('#q').fill(clientPrefix);
  await page.getByRole('button', { name: '查找' }).click();
  const hit = page.locator('table.hits tbody tr', { hasText: clientPrefix }).first();
  await hit.waitFor();
  const certificateNumber = (await hit.locator('td').nth(6).locator('a').innerText()).trim();
  check(certificateNumber.length > 0, `finished case found by client name, certificate ${certificateNumber}`);
  await screenshot('manager', 'search');
  const applicationNumber = (await hit.locator('td').first().innerText()).trim();
  await hit.locator('td').first().locator('a').click();
  await page.locator('h1', { hasText: applicationNumber }).or(page.locator('h1')).first().waitFor();
  check((await page.locator('main').innerText()).includes('评分'), `case page of ${applicationNumber} shows the score sheet`);
  await screenshot('manager', 'case');
  await page.locator('a.certificate-link').first().click();
  await page.locator('a.pdf').waitFor();
  check((await page.locator('h1').innerText()).includes(certificateNumber), `certificate page of ${certificateNumber}`);
  await screenshot('manager', 'certificate');
  { // the accreditation file of the certificate (认可档案), opened from its page in a new tab
    const [file] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: '认可档案' }).click()]);
    await file.waitForLoadState();
    check((await file.locator('body').innerText()).includes(certificateNumber), 'accreditation file of the certificate opens from its page');
    await file.screenshot({ path: `${out}/staff-manager-accreditation-file.png` }); // its top: the page is several screens long
    await file.close();
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.pdf').click()]);
  const pdf = `${out}/staff-certificate.pdf`;
  await download.saveAs(pdf);
  const head = readFileSync(pdf).subarray(0, 5).toString('latin1');
  check(head === '%PDF-', `certificate PDF downloaded from the page (${download.suggestedFilename()})`);
  await page.goBack();
  await page.locator('.staff-header nav a', { hasText: '查找申请和证书' }).click();
  await page.locator('#q').fill(code);
  await page.getByRole('button', { name: '查找' }).click();
  await page.locator('table.hits tbody tr', { hasText: clientPrefix }).first().locator('td').nth(1).locator('a').click();
  await page.getByRole('heading', { name: '证书（含全部版本）' }).waitFor();
  check((await page.locator('main').innerText()).includes(certificateNumber), 'client page (found by credit code) lists the certificate');
  await screenshot('manager', 'client');
  await page.locator('.staff-header nav a', { hasText: '管理看板' }).click();
  await page.getByRole('heading', { name: '进行中的工作（按步骤）' }).waitFor();
  check((await page.locator('main').innerText()).includes('证书（按方案和状态）'), 'managers\' dashboard');
  // issue 22: the audits due over the next twelve months by scheme and by team, the new certificate's scheme among them
  const schemes = await page.locator('table.forecast-schemes tr td:first-child').allInnerTexts();
  const teams = await page.locator('table.forecast-teams tr td:first-child').allInnerTexts();
  check(schemes.includes(certificateNumber.split('-')[0]) && teams.length > 0,
    `forecast by scheme (${schemes.join(', ')}) and by team (${teams.join(', ')})`);
  await screenshot('manager', 'dashboard');
  await page.context().close();

  // 2. quality: decision table versions, one version's approval.
  await staffPages('quality');
  await page.locator('.staff-header nav a', { hasText: '决策表版本' }).click();
  await page.locator('h1').waitFor();
  const versions = page.locator('table.versions tr', { has: page.locator('td') });
  check(await versions.count() > 0, `decision table versions listed (${await versions.count()})`);
  await screenshot('quality', 'decision-tables');
  await versions.first().locator('td').first().locator('a').click();
  await page.getByRole('heading', { name: '回归用例' }).waitFor();
  const facts = await page.locator('table.facts').innerText();
  check(facts.includes('审批人') && facts.includes('回归用例'), `approval seen: ${facts.split('\n').filter((l) => /状态|审批人/.test(l)).join('; ')}`);
  await screenshot('quality', 'decision-table-approval');
  await page.locator('.staff-header nav a', { hasText: '人员资格登记' }).click();
  await page.locator('h1', { hasText: '人员资格登记' }).waitFor();
  check((await page.locator('main').innerText()).includes('lead'), 'quality: the qualifications register, reached from the header');
  await screenshot('quality', 'qualifications');
  await page.context().close();

  // 3. auditor: no search, no registers; declares a conflict of interest (a wrong form first).
  await staffPages('auditor');
  const auditorNav = await nav();
  check(!auditorNav.includes('决策表版本') && !auditorNav.includes('管理看板') && !auditorNav.includes('查找申请和证书'),
    `auditor's header has no search, registers or dashboard: ${auditorNav.join(' | ')}`);
  const declared = () => page.locator('table.declarations tr', { has: page.locator('td') }).count();
  const before = await declared();
  await page.locator('#creditCode').fill('123');
  await page.getByRole('button', { name: '登记声明' }).click();
  await page.locator('.error[role=alert]').waitFor();
  const refusal = await page.locator('.error[role=alert]').innerText();
  check(refusal.includes('统一社会信用代码') && await page.locator('#creditCode.invalid').count() === 1,
    `wrong declaration refused, field named and marked: ${refusal.replace(/\n/g, ' ')}`);
  check(await declared() === before, `nothing registered (${before} declarations before and after)`);
  await screenshot('auditor', 'conflicts-refused');
  await page.locator('#creditCode').fill(code);
  await page.locator('#clientName').fill(clientPrefix);
  await page.locator('#relationship').selectOption({ index: 1 });
  await page.locator('#description').fill('2024 年曾为该公司做售后服务培训（端到端测试）。');
  await page.locator('#startedOn').fill('2024-03-01');
  await page.locator('#endedOn').fill('2024-06-30');
  await page.getByRole('button', { name: '登记声明' }).click();
  await page.locator('p.notice').waitFor();
  check(await declared() === before + 1 && await page.locator('table.declarations tr', { hasText: code }).count() > 0,
    'conflict of interest declared and listed');
  await screenshot('auditor', 'conflicts');
  await page.context().close();

  // 4. reviewer: search, but no registers and no dashboard.
  await staffPages('reviewer');
  const reviewerNav = await nav();
  check(reviewerNav.includes('查找申请和证书') && !reviewerNav.includes('决策表版本') && !reviewerNav.includes('管理看板'),
    `reviewer's header: ${reviewerNav.join(' | ')}`);
  await screenshot('reviewer', 'search');
  await page.locator('#q').fill(code);
  await page.getByRole('button', { name: '查找' }).click();
  await page.locator('table.hits tbody tr', { hasText: clientPrefix }).first().locator('td').nth(1).locator('a').click();
  await page.locator('a#client-accounts').click();
  await page.locator('h1').waitFor();
  check((await page.locator('main').innerText()).includes(clientPrefix), 'reviewer: the client\'s portal accounts, from the client page');
  await screenshot('reviewer', 'client-accounts');
  await page.context().close();

  // 5. decider: the case behind a decision.
  await staffPages('decider');
  await page.locator('#q').fill(applicationNumber);
  await page.getByRole('button', { name: '查找' }).click();
  await page.locator('table.hits tbody tr').first().locator('td').first().locator('a').click();
  await page.getByRole('heading', { name: '不符合项' }).first().waitFor();
  check((await page.locator('main').innerText()).includes('认证决定'), 'decider: case page with score sheet, nonconformities, decision');
  await screenshot('decider', 'case');
  await page.context().close();

  console.log(`E2E PASSED (staff pages): ${applicationNumber}, certificate ${certificateNumber}`);
  await browser.close();
} catch (error) {
  console.error(`E2E FAILED (staff pages): ${error.stack ?? error}`);
  if (page && !page.isClosed()) {
    await page.screenshot({ path: `${out}/failure-staff.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${out}/failure-staff.html`, await page.content().catch(() => ''));
    console.error(`  page ${page.url()}; see ${out}/failure-staff.png and failure-staff.html`);
  }
  await browser.close();
  process.exit(1);
}
