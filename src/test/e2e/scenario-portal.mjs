// End-to-end test of the client portal (issue 18, acceptance): a client takes part in its own certification.
// 1. client2 (北京中关村电脑服务股份有限公司) logs in at the portal, applies (PCEC) with every field and its mandatory
//    documents as files, and sees its application page with the documents (SHA-256) and the timeline;
// 2. reviewer in Tasklist: 申请评审 of that application, opens a client's document from the review form, records the
//    credit checks and uploads the credit-check screenshot on the staff documents page, accepts; contract; document
//    review; lead plans the audit, opening meeting; auditor's evaluations; lead fills the whole PCEC score sheet (the
//    entries a person makes counted and reported, issue 19 acceptance) and closes the meeting with one nonconformity;
// 3. the client answers the nonconformity in the portal with evidence (待办事项, issue 18 point 3);
// 4. lead verifies the corrections, decider certifies; the client sees the certificate, downloads its PDF and sees the
//    CERTIFICATE_ISSUED notice (证书颁发通知) in 通知;
// 5. the CB suspends the certificate: the client's inbox shows the suspension notice, the certificate page the
//    suspended status and the ban on using it (PCEC 12.3).
// The portal's login URL and Tasklist's are the only ones typed (exceptions marked below).
// Screenshots: $E2E_OUT/portal-<page>.png (copied into docs/images for docs/CLIENTS.md), staff steps portal-staff-*.png.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { api, base, check, eventually, launch, out, Tasklist } from './tasklist.mjs';

const PORTAL_LOGIN = `${base}/portal/login`;
const clientName = '北京中关村电脑服务股份有限公司'; // client2's company as on record (DemoClients, DemoClientAccounts)
const clientAddress = '北京市海淀区中关村大街1号';
const creditCode = '91120000103100784F';
const isoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const browser = await launch();
let page; // the page a failure is reported from

async function screenshot(p, name) {
  const file = `${out}/portal-${name}.png`;
  await p.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

const staff = new Tasklist(browser, clientName, (p, step) => screenshot(p, `staff-${step}`));

const pdf = (name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% CertFlow e2e portal ${name}\n%%EOF\n`) });
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

// The client's browser: the portal's login page, the only portal URL typed.
async function portalLogin(user = 'client2', { viewport = { width: 1200, height: 900 }, shot } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  context.setDefaultTimeout(20000);
  page = await context.newPage();
  await page.goto(PORTAL_LOGIN);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('header.portal').getByText('退出').waitFor();
  console.log(`${user}: portal home ${new URL(page.url()).pathname}`);
  return page;
}

const headerLink = (text) => page.locator('header.portal a', { hasText: text }).first();

// 通知 in the header (or the inbox again, when already there)
async function inbox() {
  if (new URL(page.url()).pathname === '/portal/notices') await page.reload();
  else {
    await headerLink('通知').click();
    await page.waitForURL(/\/portal\/notices$/);
  }
  await page.locator('main h1').waitFor();
}
const main = () => page.locator('main').innerText();

try {
  // --- 1. client2 applies in the portal -------------------------------------------------------------------------
  await portalLogin('client2', { shot: 'login' });
  check((await page.locator('header.portal').innerText()).includes(clientName), 'portal header names the client\'s company');
  await screenshot(page, 'home-before');
  await headerLink('申请认证').click();
  await page.locator('#clientName').waitFor();
  check(await page.locator('#clientName').inputValue() === clientName, 'apply form: the company\'s name filled in from the account');
  check((await main()).includes(creditCode), 'apply form: the credit code is the account\'s');
  await page.locator('#clientAddress').fill(clientAddress);
  await page.locator('#legalStatus').fill('股份有限公司');
  await page.locator('#schemeId').selectOption('PCEC');
  await page.locator('#requestedStars').fill('3');
  await page.locator('#technicalArea').fill('29.01');
  await page.locator('#categories').fill('计算机维修\n家用电器');
  await page.locator('#sites').fill(`${clientAddress}\n北京市朝阳区建国路88号`);
  await page.locator('#headcount').fill('120');
  await page.locator('#contactEmail').fill('client2@client.example');
  // the scheme's mandatory documents: the file inputs whose label says PCEC … 必须提交
  const mandatory = [];
  for (const label of await page.locator('label', { hasText: /PCEC[^）]*必须提交/ }).all()) mandatory.push(await label.getAttribute('for'));
  check(mandatory.length >= 4, `apply form: ${mandatory.length} documents mandatory for PCEC (${mandatory.join(', ')})`);
  const files = {};
  for (const input of mandatory) {
    files[input] = pdf(`${input.replace(/^file_/, '').toLowerCase()}.pdf`);
    await page.locator(`#${input}`).setInputFiles(files[input]);
  }
  await screenshot(page, 'apply');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/portal\/applications\//);
  const number = decodeURIComponent(page.url().split('/portal/applications/')[1]).replace(/[?#].*$/, '');
  check((await page.locator('h1').innerText()).includes(number), `application page after submitting: ${number}`);
  const rows = page.locator('#documents table tbody tr');
  check(await rows.count() === mandatory.length, `the application page lists the ${mandatory.length} documents`);
  for (const file of Object.values(files)) {
    const row = rows.filter({ hasText: file.name });
    check((await row.locator('code').innerText()).trim() === sha256(file.buffer), `${file.name}: SHA-256 as sent, uploaded by ${(await row.locator('td').nth(4).innerText()).trim()}`);
  }
  // nothing missing: the client's mandatory documents are all there, and the CB's credit-check screenshot (R-CRED-1)
  // is not asked of the client
  check(await page.locator('#documents li.missing').count() === 0, 'no mandatory document missing');
  const timeline = page.locator('ol.timeline li');
  check(await timeline.count() >= 1, `timeline: ${(await timeline.first().innerText()).replace(/\s+/g, ' ')}`);
  await screenshot(page, 'application');
  // a document downloads as the very file sent
  const first = Object.values(files)[0];
  const [download] = await Promise.all([page.waitForEvent('download'),
    rows.filter({ hasText: first.name }).getByRole('link', { name: '下载' }).click()]);
  const saved = `${out}/portal-download-${first.name}`;
  await download.saveAs(saved);
  check(sha256(readFileSync(saved)) === sha256(first.buffer), `document download: ${download.suggestedFilename()} is the file sent`);
  await headerLink('首页').click();
  check(await page.locator('#applications tr', { hasText: number }).count() === 1, 'home lists the application');
  await screenshot(page, 'home-applied');
  await page.context().close();

  // --- 2. reviewer: 申请评审 with the client's documents, credit checks, contract, document review -----------------
  page = await staff.login('reviewer');
  await staff.openTask('申请评审');
  check(await staff.field('applicationNumber').inputValue() === number, `review task of application ${number}`);
  // the credit-check screenshot: staff documents page reached by clicks (员工页面 → search → client → 申请文件)
  await page.locator('.certflow-staff-link a').click();
  await page.locator('.staff-header').waitFor();
  await page.locator('#q').fill(number);
  await page.getByRole('button', { name: '查找' }).click();
  await page.locator('table.hits tbody tr', { hasText: number }).first().locator('td').nth(1).locator('a').click();
  await page.locator('tr', { hasText: number }).locator('a.documents-link').first().click();
  await page.locator('#files').waitFor({ state: 'attached' });
  check(await page.locator('table.documents tr', { hasText: 'application_form.pdf' }).count() > 0
    || (await main()).includes('application_form.pdf'), 'staff documents page: the client\'s uploads are there');
  await page.locator('#files').setInputFiles([pdf('credit-check.pdf')]);
  await page.locator('#chosen tbody select').first().selectOption('CREDIT_CHECK_SCREENSHOT');
  await page.locator('#upload-button').click();
  await page.locator('.notice.uploaded').waitFor();
  check((await page.locator('ul.missing').count()) === 0, 'staff documents page: nothing missing with the credit-check screenshot');
  await page.locator('.staff-header a', { hasText: 'Tasklist 任务' }).click();
  await page.locator('.certflow-staff-link a').waitFor();
  await page.reload();
  await staff.openTask('申请评审');
  // issue 18 (staff side): the review form lists the client's documents as links opening the file in a new tab
  const documentLink = page.locator('.fjs-form a', { hasText: first.name }).first();
  await documentLink.waitFor();
  const openedUrl = new URL(await documentLink.getAttribute('href'), page.url()).href;
  check(await documentLink.getAttribute('target') === '_blank', 'review form: the client\'s document link opens a new tab');
  const [opened] = await Promise.all([page.context().waitForEvent('page'), documentLink.click()]);
  const file = await page.request.get(openedUrl); // headless chromium has no PDF viewer: the file, with the same session
  check(file.status() === 200 && sha256(await file.body()) === sha256(first.buffer),
    `review form: the link serves the client's file (${new URL(openedUrl).pathname})`);
  await opened.close();
  await staff.fill('creditLookedUp', '国家企业信用信息公示系统、信用中国：按统一社会信用代码查询');
  await staff.date('creditCheckedOn', isoToday);
  await staff.choose('creditPenalty', 0);
  await staff.choose('creditAbnormalList', 0);
  await staff.choose('creditSeriousList', 0);
  await staff.choose('reviewOutcome', 0); // 受理
  await staff.fill('reviewNotes', '客户在门户提交的申请材料齐全，予以受理（端到端测试）。');
  if (await staff.field('confirmClientChange').isVisible().catch(() => false)) await staff.field('confirmClientChange').check();
  await staff.complete('application-review');
  await staff.openTask('签订认证合同');
  await staff.fill('contractNumber', `HT-PORTAL-${Date.now().toString(36).toUpperCase()}`);
  await staff.date('contractSignedOn', isoToday);
  await staff.complete('contract');
  await staff.logout();

  // lead: the audit team first, then its document review (PCEC 8.1, issue 20.3), the opening meeting; auditor:
  // evaluations; lead: scores, closing meeting with a nonconformity
  page = await staff.login('lead');
  await staff.openTask('组建审查组');
  await staff.select('leadAuditor', '（lead）');
  await page.locator('.fjs-form label', { hasText: '（auditor）' }).first().click();
  await staff.complete('audit-team');
  await staff.openTask('文件评审');
  await staff.choose('documentReviewOutcome', 0); // 通过
  await staff.complete('document-review');
  await staff.openTask('策划现场审查');
  await staff.date('plannedDate', isoToday);
  await staff.complete('audit-plan');
  await staff.openTask('首次会议');
  await staff.field('planConfirmed').check();
  await staff.fill('attendance', '受审查方：总经理、客服总监；审查组：lead、auditor');
  await staff.complete('opening-meeting');
  await staff.logout();
  page = await staff.login('auditor');
  await staff.openTask('服务特性测评');
  await staff.fill('findings', '服务网点与技术支持符合评分表要求；投诉处理记录不完整（端到端测试）。');
  check(await staff.field('surveyScore').count() === 0, 'PCEC evaluation: no CQM survey fields');
  await staff.complete('characteristic-evaluation');
  await staff.openTask('服务管理审核');
  await staff.fill('findings', '售后服务管理体系文件与实施基本一致（端到端测试）。');
  await staff.complete('management-audit');
  await staff.logout();
  page = await staff.login('lead');
  await staff.openTask('按评分表评分');
  {
    // Issue 19 acceptance: the entries a person makes for a whole PCEC score sheet (GB/T 27922-2011, 49 items), counted
    // as they are made here: a click on a checkbox 1, a select 2 (open, choose), a typed field 1. Every item comes
    // preselected at its full points; the lead changes only what the audit found.
    const entries = { clicks: 0, typed: 0 };
    check(await page.locator('.fjs-form [id*="-Field_item_"][id$="-display"]').count() === 49,
      'PCEC score sheet: the 49 items on one form');
    await staff.field('clientConfirmedRecords').check(); entries.clicks += 1;
    await staff.fill('recordsConfirmedBy', '王五（售后服务部经理）'); entries.typed += 1;
    await staff.select('item_C2_1', '1'); entries.clicks += 2; // complaint records incomplete: 1 of 2 points
    await staff.select('item_B6_2', '不适用'); entries.clicks += 2; // no waste goods taken back: not applicable
    // the category subtotals follow the two changes (C: 24 of 25; B: one item not applicable)
    const form = () => page.locator('.task-details .fjs-form').innerText();
    check(await eventually('the subtotals', async () => (await form()).includes('实得 24 / 适用 25 分')
      && (await form()).includes('其中不适用 1 条'), 10000), 'PCEC score sheet: subtotals per category follow the entries');
    await page.screenshot({ path: `${out}/staff-lead-pcec-score-sheet.png`, fullPage: true });
    await staff.complete('scoring');
    const total = entries.clicks + entries.typed;
    console.log(`PCEC score sheet filled in the browser: ${total} entries (${entries.clicks} clicks + ${entries.typed} typed) for 49 items`);
    writeFileSync(`${out}/pcec-score-sheet-entries.txt`, `${total} ${entries.clicks} ${entries.typed} 49\n`);
  }
  await staff.openTask('末次会议');
  const nonconformity = '投诉处理记录不完整：2 起投诉未记录处理结果和回访（评分表 C2.1）';
  await staff.fill('nonconformities', nonconformity);
  await staff.complete('closing-meeting-nonconformity');
  await staff.logout();

  // --- 3. the client answers the nonconformity in the portal with evidence --------------------------------------
  await portalLogin('client2');
  const noticeOfNonconformity = await eventually('the nonconformity notice', async () => {
    await inbox();
    return (await page.locator('main tr', { hasText: '不符合项' }).count()) > 0;
  });
  check(noticeOfNonconformity, 'inbox: the notice of the nonconformity and its deadline');
  // Issue 18 point 3: what the CB waits for from the client is the client's own engine task, under 待办事项
  const evidence = pdf('complaint-records-corrected.pdf');
  {
    await page.locator('header.portal a', { hasText: '待办事项' }).click();
    const task = page.locator('main tr', { hasText: '提交不符合项整改措施和证据' }).first();
    await eventually('the client task 提交不符合项整改措施和证据', async () => {
      if (await task.isVisible()) return true;
      await page.reload();
      return false;
    });
    await screenshot(page, 'tasks');
    await task.getByRole('link', { name: '办理' }).click();
    await page.locator('textarea[name="correctiveActions[0]"]').waitFor();
    check((await main()).includes('投诉处理记录不完整'), 'client task: the nonconformity as the lead wrote it');
    await page.locator('textarea[name="correctiveActions[0]"]').fill(
      '原因：客服系统未强制记录处理结果。纠正：补录 2 起投诉的处理结果与回访。纠正措施：系统设为必填并培训客服人员。');
    await page.locator('input[name="evidence[0]"]').setInputFiles(evidence);
    await screenshot(page, 'task-corrective-actions');
    await page.getByRole('button', { name: '提交整改措施和证据' }).click();
    await page.waitForURL(/\/portal\/tasks\?done/);
    check(await page.locator('main tr', { hasText: '提交不符合项整改措施和证据' }).count() === 0,
      'client task done: no longer among the open tasks');
    await screenshot(page, 'tasks-done');
  }
  await page.context().close();

  // --- 4. lead verifies, decider certifies -----------------------------------------------------------------------
  page = await staff.login('lead');
  await staff.openTask('验证不符合项整改');
  {
    const evidenceLink = page.locator('.fjs-form a', { hasText: evidence.name }).first();
    await evidenceLink.waitFor();
    const evidenceFile = await page.request.get(new URL(await evidenceLink.getAttribute('href'), page.url()).href);
    check(evidenceFile.status() === 200 && sha256(await evidenceFile.body()) === sha256(evidence.buffer),
      'verification form: the client\'s evidence opens from its link');
  }
  await staff.choose('verificationOutcome', 0); // CLOSED
  await staff.fill('verificationNotes', '已核对补录的投诉处理记录与系统设置，不符合项关闭（端到端测试）。');
  await staff.complete('correction-verification');
  await staff.logout();
  page = await staff.login('decider');
  await staff.openTask('复核与认证决定');
  await staff.choose('decisionOutcome', 0); // 批准认证
  await staff.fill('decisionReasons', '不符合项已关闭，审查结论与评分表一致，批准认证（端到端测试）。');
  await staff.complete('certification-decision');
  await staff.logout();

  // the client: the certificate, its PDF, the notice
  await portalLogin('client2');
  const certificateLink = page.locator('#certificates a[href*="/portal/certificates/"]').first();
  await eventually('the certificate on the portal home', async () => {
    if (await certificateLink.isVisible()) return true;
    await page.reload();
    return false;
  });
  const certificate = (await certificateLink.innerText()).trim();
  check(certificate.length > 0, `portal home lists the certificate ${certificate}`);
  await screenshot(page, 'home-certified');
  await headerLink('证书').click();
  await page.locator('main tr', { hasText: certificate }).waitFor();
  check((await page.locator('main tr', { hasText: certificate }).innerText()).includes('有效'), 'my certificates: valid');
  await screenshot(page, 'certificates');
  await page.locator('main a', { hasText: certificate }).first().click();
  await page.locator('#revisions').waitFor();
  check((await page.locator('td.status').first().innerText()).trim() === '有效', 'certificate page: 有效');
  const verification = page.locator('main a[target=_blank]').first();
  check((await verification.getAttribute('href')).includes(encodeURIComponent(certificate)) || (await verification.getAttribute('href')).includes(certificate),
    'certificate page: the public verification link of the certificate');
  await screenshot(page, 'certificate');
  const pdfLink = page.locator('#revisions a', { hasText: '下载 PDF' }).first();
  const pdfUrl = new URL(await pdfLink.getAttribute('href'), page.url()).href;
  const revisionPdf = await page.request.get(pdfUrl);
  check(revisionPdf.status() === 200 && (await revisionPdf.body()).subarray(0, 5).toString('latin1') === '%PDF-',
    `the revision's PDF (${new URL(pdfUrl).pathname}, ${revisionPdf.headers()['content-type']})`);
  // a click downloads it: headless chromium has no PDF viewer, so an inline PDF becomes a download
  const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), pdfLink.click()]);
  const pdfFile = `${out}/portal-certificate.pdf`;
  await pdfDownload.saveAs(pdfFile);
  check(readFileSync(pdfFile).subarray(0, 5).toString('latin1') === '%PDF-', `PDF downloaded: ${pdfDownload.suggestedFilename()}`);
  await inbox();
  const issued = page.locator('main tr', { hasText: '证书颁发通知' }).first();
  await issued.waitFor();
  await screenshot(page, 'notices');
  await issued.locator('a').first().click();
  await page.locator('.notice-body').waitFor();
  check((await page.locator('.notice-body').innerText()).includes(certificate), 'CERTIFICATE_ISSUED notice names the certificate');
  await screenshot(page, 'notice-issued');
  await page.context().close();

  // --- 5. the CB suspends the certificate -----------------------------------------------------------------------
  // The decider suspends it on the staff certificate page (issue 19: no curl): Tasklist header 员工页面, search by the
  // certificate number, the certificate page, 暂停证书 (R-SUS-1)
  const reason = '获证组织未按期接受监督审查（端到端测试）';
  page = await staff.login('decider');
  await page.locator('.certflow-staff-link a').click();
  await page.locator('.staff-header').waitFor();
  await page.locator('#q').fill(certificate);
  await page.getByRole('button', { name: '查找' }).click();
  await page.locator('table.hits a', { hasText: certificate }).first().click();
  await page.locator('#suspension-open').click();
  await page.locator('#suspension-reason').fill(reason);
  await screenshot(page, 'staff-suspension-form');
  await page.locator('#suspension-submit').click();
  await page.waitForURL(/done=SUSPENSION/);
  check((await page.locator('td.status').first().innerText()).includes('暂停'), 'staff certificate page: suspended');
  console.log(`decider suspended ${certificate} on the staff certificate page`);
  await staff.logout();
  await portalLogin('client2');
  const suspended = page.locator('main tr', { hasText: '证书暂停通知' }).first();
  await eventually('the suspension notice in the inbox', async () => {
    await inbox();
    return suspended.isVisible();
  });
  await suspended.locator('a').first().click();
  await page.locator('.notice-body').waitFor();
  const suspensionText = await page.locator('.notice-body').innerText();
  check(suspensionText.includes(reason) && suspensionText.includes('不得使用'),
    'suspension notice: the reason and the ban on using the certificate');
  await screenshot(page, 'notice-suspended');
  await page.locator('main a', { hasText: certificate }).first().click();
  await page.locator('#revisions').waitFor();
  check((await page.locator('td.status').first().innerText()).trim() === '暂停', 'certificate page: 暂停');
  check((await page.locator('main p.errors').innerText()).includes('不得使用'), 'certificate page: the warning not to use it (PCEC 12.3)');
  await screenshot(page, 'certificate-suspended');
  await page.context().close();

  // the portal on a phone
  await portalLogin('client2', { viewport: { width: 390, height: 844 } });
  await screenshot(page, 'phone-home');
  await page.context().close();

  console.log(`E2E PASSED (portal): application ${number}, certificate ${certificate}`);
  await browser.close();
} catch (error) {
  console.error(`E2E FAILED (portal): ${error.stack ?? error}`);
  if (page && !page.isClosed()) {
    await page.screenshot({ path: `${out}/failure-portal.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${out}/failure-portal.html`, await page.content().catch(() => ''));
    console.error(`  page ${page.url()}; see ${out}/failure-portal.png and failure-portal.html`);
  }
  await browser.close();
  process.exit(1);
}
