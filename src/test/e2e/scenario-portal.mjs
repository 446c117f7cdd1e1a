// End-to-end test of the client portal (issue 18), after initial-certification.mjs on the same demo application:
// the demo client account client2 (北京中关村电脑服务股份有限公司) applies for CQM in the portal and uploads its documents
// there; the reviewer reviews in Tasklist and opens a document; the audit raises a nonconformity; the client answers it
// with evidence in the portal; the decision issues the certificate; the client downloads the PDF and sees the notice;
// then a suspension requested by the CB reaches the client's certificate page and inbox.
// Screenshots of each portal page: $E2E_OUT/portal-*.png (copied to docs/images/ by hand).
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const base = process.env.E2E_BASE ?? 'http://localhost:18080';
const out = process.env.E2E_OUT ?? 'target/e2e';
const TASKLIST = `${base}/camunda/app/tasklist/default/`;
const ZH = { complete: '完成', claim: '认领', startProcess: '发起流程' };
const client = '北京中关村电脑服务股份有限公司';
const scheme = 'CQM';

function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
  console.log(`  ok: ${message}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let page;

async function shot(name, fullPage = true) {
  const file = `${out}/portal-${name}.png`;
  await page.screenshot({ path: file, fullPage });
  console.log(`  screenshot ${file}`);
}

async function api(path, { user = 'reviewer', method = 'GET', json } = {}) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') };
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: json ? JSON.stringify(json) : undefined });
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// --- the portal, as a phone-sized browser ------------------------------------------------------------------------

async function portalLogin(user) {
  const context = await browser.newContext({ viewport: { width: 420, height: 860 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30000);
  page = await context.newPage();
  await page.goto(`${base}/portal/login`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  return page;
}

// --- Tasklist (copied from initial-certification.mjs) ------------------------------------------------------------

async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
  context.setDefaultTimeout(30000);
  page = await context.newPage();
  await page.goto(TASKLIST);
  await page.waitForSelector('input[type=password]');
  await page.waitForLoadState('networkidle');
  for (let attempt = 1; ; attempt++) {
    await page.locator('input[type=text]').first().fill(user);
    await page.locator('input[type=password]').fill(user);
    if ((await page.locator('input[type=text]').first().inputValue()) === user) break;
    if (attempt === 3) throw new Error(`login form for ${user} does not keep its input`);
  }
  await page.locator('button[type=submit]').click();
  await page.getByText(ZH.startProcess).first().waitFor();
  console.log(`logged in to Tasklist as ${user}`);
}

const field = (key) => page.locator(`.fjs-form [id$="-Field_${key}"]`);
async function fill(key, value) {
  for (let attempt = 1; ; attempt++) {
    await field(key).fill(String(value));
    if ((await field(key).inputValue()) === String(value)) return;
    if (attempt === 3) throw new Error(`form field ${key} does not keep its input`);
    await page.waitForTimeout(500);
  }
}
async function choose(key, index) { await page.locator(`.fjs-form [id$="-Field_${key}-${index}"]`).check(); }
async function date(key, isoDate) {
  const [y, m, d] = isoDate.split('-');
  const input = page.locator(`.fjs-form [id$="-Field_${key}-date"]`);
  const format = (await input.getAttribute('placeholder')) ?? 'yyyy/mm/dd';
  await input.click();
  await input.fill(format.replace('yyyy', y).replace('mm', m).replace('dd', d));
  await input.press('Enter');
  await page.keyboard.press('Escape');
}
async function openTask(name) {
  const item = page.locator('.tasks-list li', { hasText: name }).filter({ hasText: client }).filter({ hasText: scheme }).first();
  const deadline = Date.now() + 60000;
  while (!(await item.isVisible())) {
    if (Date.now() > deadline) throw new Error(`task ${name} for ${client} did not appear in the task list`);
    await page.goto(TASKLIST);
    await page.reload();
    await item.waitFor({ timeout: 3000 }).catch(() => {});
  }
  await item.locator('a').first().click();
  await page.locator('.task-details h2, .task-details .names').first().waitFor();
  const claim = page.locator('.task-details').getByText(ZH.claim, { exact: true });
  if (await claim.isVisible().catch(() => false)) {
    await claim.click();
    await claim.waitFor({ state: 'hidden' });
  }
  await page.locator('.task-details .fjs-form input').first().waitFor();
  console.log(`opened task ${name}`);
}
async function complete(step) {
  await page.locator('.task-details button', { hasText: ZH.complete }).click();
  const error = page.locator('.notifications .alert-danger, .task-details .alert-danger:visible');
  const form = page.locator('.task-details .fjs-form');
  for (const deadline = Date.now() + 30000; Date.now() < deadline;) {
    if (await error.first().isVisible().catch(() => false)) throw new Error(`${step}: ${await error.first().innerText()}`);
    if (!(await form.isVisible().catch(() => false))) { console.log(`completed ${step}`); return; }
    await page.waitForTimeout(250);
  }
  throw new Error(`${step}: the form is still shown`);
}

const isoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const pdf = (text) => ({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`) });

try {
  // 1. client2 signs in to the portal and applies for CQM (phone-sized browser).
  await portalLogin('client2');
  await shot('login');
  await page.locator('button[type=submit]').click();
  await page.getByRole('heading', { name: client }).waitFor();
  check(true, 'client2 signed in to the portal');
  await page.getByRole('link', { name: '申请认证' }).click();
  await page.locator('#schemeId').selectOption(scheme);
  await page.locator('#requestedStars').selectOption('3');
  await page.locator('#technicalArea').fill('29.01');
  await page.locator('#categories').fill('计算机及办公设备维修');
  await page.locator('#sites').fill('北京市海淀区中关村大街1号');
  await page.locator('#headcount').fill('60');
  await shot('apply');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  const number = (await page.locator('h1').innerText()).replace('申请', '').trim();
  check(/^APP-/.test(number), `applied in the portal: ${number}`);
  check(await page.getByText('还缺少以下必交文件').isVisible(), 'the missing mandatory documents are shown plainly');

  // 2. The client uploads the seven mandatory documents on the application page.
  for (const type of ['APPLICATION_FORM', 'BUSINESS_LICENSE', 'COMPANY_PROFILE', 'ORGANISATION_CHART',
    'SERVICE_MANAGEMENT_DOCUMENTS', 'INTERNAL_AUDIT_REPORT', 'RELATED_SYSTEM_DOCUMENTS']) {
    await page.locator('#type').selectOption(type);
    await page.locator('#file').setInputFiles({ ...pdf(type), name: `${type.toLowerCase()}.pdf` });
    await page.getByRole('button', { name: '上传' }).click();
    await page.getByText('文件已上传').waitFor();
  }
  check(await page.getByText('必交文件已齐全').isVisible(), 'all mandatory documents uploaded in the portal');
  await shot('application');
  const documentLink = await page.locator('a[href*="/portal/documents/"]').first().getAttribute('href');
  const documentId = documentLink.split('/').pop();
  await page.context().close();

  // 3. reviewer: 申请评审 in Tasklist, opens a document the client uploaded, accepts; contract; document review.
  await login('reviewer');
  await openTask('申请评审');
  check(await field('applicationNumber').inputValue() === number, 'the review form shows the portal application');
  const documentPage = await page.context().newPage();
  await documentPage.setExtraHTTPHeaders({ Authorization: 'Basic ' + Buffer.from('reviewer:reviewer').toString('base64') });
  const opened = await documentPage.request.get(`${base}/api/applications/${number}/documents/${documentId}`,
    { headers: { Authorization: 'Basic ' + Buffer.from('reviewer:reviewer').toString('base64') } });
  check(opened.ok() && (await opened.body()).subarray(0, 5).toString() === '%PDF-', 'the reviewer opens the client\'s document');
  await documentPage.close();
  await choose('reviewOutcome', 0);
  await fill('reviewNotes', '材料齐全（门户端到端测试）。');
  await complete('application-review');
  await openTask('签订认证合同');
  await fill('contractNumber', `HT-PORTAL-${Date.now()}`);
  await date('contractSignedOn', isoToday);
  await complete('contract');
  await openTask('文件评审');
  await choose('documentReviewOutcome', 0);
  await complete('document-review');
  await page.context().close();

  // 4. The audit: plan, opening meeting, evaluations, CQM scoring, closing meeting with a nonconformity.
  await login('lead');
  await openTask('策划现场审查');
  await fill('leadAuditor', 'lead');
  await fill('auditTeam', 'auditor');
  await date('plannedDate', isoToday);
  await complete('audit-plan');
  await openTask('首次会议');
  await field('planConfirmed').check();
  await fill('attendance', '受审查方：总经理；审查组：lead、auditor');
  await complete('opening-meeting');
  await page.context().close();
  await login('auditor');
  await openTask('服务特性测评');
  await fill('findings', '服务网点符合要求。');
  await complete('characteristic-evaluation');
  await openTask('服务管理审核');
  await fill('findings', '投诉处理记录不完整。');
  await complete('management-audit');
  await page.context().close();
  await login('lead');
  await openTask('按评分表评分');
  const maxima = { '4_1_1': 10, '4_1_2': 15, '4_1_3': 10, '4_1_4': 25, '4_1_5': 15, '4_1_6': 7, '4_1_7': 8, '4_1_8': 10 };
  for (const [indicator, max] of Object.entries(maxima)) await fill(`indicator_${indicator}`, max);
  await fill('surveyScore', 95);
  await fill('faceSurveyScore', 95);
  await field('managementAuditPassed').check();
  await fill('seriousNonconformities', 0);
  await fill('operatingMonths', 24);
  for (const key of ['liabilityAccidents12m', 'liabilityAccidents24m', 'negativeInfo12m', 'negativeInfo24m',
    'negativeInfoTotal', 'majorComplaints', 'majorComplaintsUnrectified']) await fill(key, 0);
  await complete('scoring-cqm');
  await openTask('末次会议');
  await field('clientConfirmedRecords').check();
  await fill('nonconformities', '投诉处理记录不完整');
  await complete('closing-meeting');
  await page.context().close();

  // 5. The client answers the nonconformity in the portal: evidence uploaded, corrective action submitted.
  await portalLogin('client2');
  await page.locator('button[type=submit]').click();
  const task = page.locator('a', { hasText: '提交不符合项整改措施与证据' });
  for (const deadline = Date.now() + 60000; !(await task.isVisible());) {
    if (Date.now() > deadline) throw new Error('the corrective-action task did not reach the portal');
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await shot('home-task');
  await task.click();
  await page.getByText('投诉处理记录不完整').first().waitFor();
  await page.getByRole('link', { name: '申请页' }).first().click();
  await page.locator('#type').selectOption('CORRECTIVE_ACTION_EVIDENCE');
  await page.locator('#file').setInputFiles({ ...pdf('evidence'), name: '投诉处理记录整改.pdf' });
  await page.getByRole('button', { name: '上传' }).click();
  await page.getByText('文件已上传').waitFor();
  await page.goto(`${base}/portal/`);
  await task.click();
  await page.locator('#correctiveActions').fill('1. 投诉处理记录不完整：已补全 2025 年全部投诉记录并培训客服人员，证据见“投诉处理记录整改.pdf”。');
  await shot('task');
  await page.getByRole('button', { name: '提交整改措施' }).click();
  await page.getByText('整改措施已提交').waitFor();
  check(true, 'the client answered the nonconformity with evidence in the portal');
  await page.context().close();

  // 6. lead verifies (the client's answer is on the form), the decider certifies.
  await login('lead');
  await openTask('验证不符合项整改');
  check((await field('correctiveActions').inputValue()).includes('已补全'), 'the verification shows the client\'s answer');
  await choose('verificationOutcome', 0);
  await fill('verificationNotes', '现场验证整改有效。');
  await complete('verify-corrections');
  await page.context().close();
  await login('decider');
  await page.locator('.task-filter .name', { hasText: '待认证决定' }).first().click();
  await openTask('复核与认证决定');
  await choose('decisionOutcome', 0);
  await fill('decisionReasons', '整改有效，批准认证（门户端到端测试）。');
  await complete('certification-decision');
  await page.context().close();

  // 7. The client sees the certificate, downloads its PDF and sees the notice.
  await portalLogin('client2');
  await page.locator('button[type=submit]').click();
  const certificateLink = page.locator('a[href*="/portal/certificates/"]').first();
  for (const deadline = Date.now() + 60000; !(await certificateLink.isVisible());) {
    if (Date.now() > deadline) throw new Error('no certificate in the portal');
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await shot('home');
  const certificate = (await certificateLink.innerText()).trim();
  await certificateLink.click();
  await page.getByText('下载证书 PDF').waitFor();
  const pdfResponse = await page.request.get(`${base}/portal/certificates/${certificate}/document.pdf`);
  check(pdfResponse.ok() && (await pdfResponse.body()).subarray(0, 5).toString() === '%PDF-', `the client downloads the PDF of ${certificate}`);
  check((pdfResponse.headers()['cache-control'] ?? '').includes('no-store'), 'the PDF is not kept by shared caches');
  await shot('certificate');
  await page.getByRole('link', { name: '通知' }).click();
  await page.getByRole('heading', { name: '证书颁发' }).first().waitFor();
  check(true, 'the client sees the certificate-issued notice');
  await shot('notices');

  // 8. The CB suspends the certificate (decision maker, staff API): the client's certificate page says so.
  await api(`/api/certificates/${certificate}/suspension`, { user: 'decider', method: 'POST',
    json: { reason: '监督审查发现严重不符合（门户端到端测试）', requestedBy: 'CB' } });
  const suspended = page.locator('.status', { hasText: '暂停' });
  for (const deadline = Date.now() + 60000; !(await suspended.isVisible());) {
    if (Date.now() > deadline) throw new Error('the suspension did not reach the portal');
    await page.goto(`${base}/portal/certificates/${certificate}`);
  }
  check(await page.getByText('证书暂停期间不得使用证书').isVisible(), 'the client sees the suspension and the ban on use');
  await shot('certificate-suspended');
  await page.goto(`${base}/portal/notices`);
  const suspensionNotice = await page.getByText('暂停').first().isVisible().catch(() => false);
  console.log(`  suspension notice in the inbox: ${suspensionNotice ? 'yes' : 'not yet (notices of status changes: branch docs-notices)'}`);
  console.log(`E2E PORTAL PASSED: application ${number}, certificate ${certificate}`);
  await browser.close();
} catch (error) {
  console.error(error);
  if (page) {
    await page.screenshot({ path: `${out}/failure-portal.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${out}/failure-portal.html`, await page.content().catch(() => ''));
  }
  await browser.close();
  process.exit(1);
}
