// Issue 23 screenshots for docs/QUALITY-MANAGERS.md: six PCEC applications graded under grade-pcec v1 through the REST
// APIs (100, 95, 96, 95, 92, 95 points; the first 95 certified), grade-pcec v2 (five stars from 96) deployed as Modeler
// does, then the approval task in Tasklist (quality2, "我已查看影响报告" ticked) and the staff page with the full list.
// Needs a fresh demo instance, Debian's chromium and fonts-noto-cjk, and `npm i playwright-core`:
//   java -jar target/certflow-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo --server.port=18282 \
//     --spring.datasource.url=jdbc:h2:mem:impact &
//   OUT=docs/images node docs/images/capture-decision-impact.mjs
// Writes tasklist-decision-impact.png (the task) and staff-decision-impact.png (the staff page).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const base = process.env.BASE ?? 'http://localhost:18282';
const root = process.env.ROOT ?? '.';
const out = process.env.OUT ?? 'docs/images';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function api(path, { user = 'reviewer', method = 'GET', body, json } = {}) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') };
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: json ? JSON.stringify(json) : body });
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

function creditCode() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91120106';
  while (body.length < 17) body += alphabet[Math.floor(Math.random() * alphabet.length)];
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

const items = readFileSync(`${root}/src/main/resources/schemes/pcec-gbt27922-checklist.csv`, 'utf8').trim().split('\n')
  .slice(1).map((line) => line.split(',')).map((c) => ({ id: c[0], points: Number(c[5]) }));

function variables(values) {
  const v = {};
  for (const [k, x] of Object.entries(values)) {
    v[k] = typeof x === 'object' ? x : { value: x };
  }
  return { variables: v };
}

async function complete(number, key, user, values) {
  for (let i = 0; i < 60; i++) {
    const tasks = await api(`/engine-rest/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${key}`, { user: 'admin' });
    if (tasks.length === 1) {
      await api(`/engine-rest/task/${tasks[0].id}/complete`, { user, method: 'POST', json: variables(values) });
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no task ${key} for ${number}`);
}

function sheet(pointsLost) {
  const v = {};
  let toLose = pointsLost;
  for (const item of items) {
    const lost = Math.min(toLose, item.points);
    toLose -= lost;
    v[`item_${item.id.replaceAll('.', '_')}`] = String(item.points - lost);
  }
  for (const k of ['deductionsLaw', 'deductionsOwnServiceRules', 'deductionsIndustry', 'deductionsServiceSystem', 'specialStrengths']) {
    v[k] = { value: 0, type: 'Long' };
  }
  return v;
}

const clients = ['天津华信电器服务有限公司', '北京安泰家电售后服务有限公司', '上海恒达机电设备有限公司', '广州顺意家居服务有限公司',
  '杭州明远电梯工程有限公司', '南京汇通汽车服务有限公司'];
const lost = [0, 5, 4, 5, 8, 5];
const certify = [false, true, false, false, false, false];
const pdf = new Blob(['%PDF-1.4\n% CertFlow\n%%EOF\n'], { type: 'application/pdf' });
for (let i = 0; i < clients.length; i++) {
  const { number } = await api('/api/applications', { method: 'POST', json: {
    clientName: clients[i], clientAddress: '天津市红桥区丁字沽三号路85号', creditCode: creditCode(), legalStatus: '有限责任公司',
    schemeId: 'PCEC', requestedStars: 5, technicalArea: '01.07', categories: ['机械和设备制造业服务'],
    sites: ['天津市红桥区丁字沽三号路85号'], headcount: 120,
    documents: ['APPLICATION_FORM', 'BUSINESS_LICENSE', 'COMPANY_PROFILE', 'ORGANISATION_CHART',
      'SERVICE_MANAGEMENT_DOCUMENTS', 'INTERNAL_AUDIT_REPORT', 'RELATED_SYSTEM_DOCUMENTS'] } });
  for (const type of ['APPLICATION_FORM', 'BUSINESS_LICENSE', 'COMPANY_PROFILE', 'ORGANISATION_CHART',
    'SERVICE_MANAGEMENT_DOCUMENTS', 'INTERNAL_AUDIT_REPORT', 'RELATED_SYSTEM_DOCUMENTS']) {
    const form = new FormData();
    form.append('type', type);
    form.append('file', pdf, `${type.toLowerCase()}.pdf`);
    await api(`/api/applications/${number}/documents`, { method: 'POST', body: form });
  }
  await complete(number, 'Task_ReviewApplication', 'reviewer', { reviewOutcome: 'ACCEPT' });
  await complete(number, 'Task_SignContract', 'reviewer', { contractNumber: `HT-${number}`, contractSignedOn: today });
  await complete(number, 'Task_ReviewDocuments', 'reviewer', { documentReviewOutcome: 'PASSED' });
  await complete(number, 'Task_PlanAudit', 'lead', { leadAuditor: 'lead', auditTeam: 'auditor', plannedDate: today });
  await complete(number, 'Task_OpeningMeeting', 'lead', { planConfirmed: true, attendance: '总经理、售后服务部经理' });
  await complete(number, 'Task_EvaluateServiceCharacteristics', 'auditor', { findings: '服务特性测评符合要求' });
  await complete(number, 'Task_AuditServiceManagement', 'auditor', { findings: '服务管理体系运行有效' });
  await complete(number, 'Task_ScoreAudit', 'lead', sheet(lost[i]));
  await complete(number, 'Task_ClosingMeeting', 'lead', { clientConfirmedRecords: true, nonconformities: '' });
  if (certify[i]) await complete(number, 'Task_CertificationDecision', 'decider', { decisionOutcome: 'CERTIFY' });
  console.log(`graded ${number} (${clients[i]}), ${100 - lost[i]} points`);
}

// grade-pcec v2: five stars from 96, with its cases changed to match — as Modeler deploys it
const dmn = readFileSync(`${root}/rules/grade-pcec.dmn`, 'utf8').replace('&gt;= 95', '&gt;= 96');
const cases = JSON.parse(readFileSync(`${root}/rules/grade-pcec.cases.json`, 'utf8'));
for (const c of cases.cases) if (c.name === '95 分') Object.assign(c.expected, { stars: 4, grade: '四星级' });
cases.cases.push({ name: '96 分', description: '五星级下限 96（含）', inputs: { score: 96.0, specialDeductions: 0 }, expected: { stars: 5, grade: '五星级' } });
const deployment = new FormData();
deployment.append('deployment-name', 'grade-pcec five stars at 96');
deployment.append('grade-pcec.dmn', new Blob([dmn]), 'grade-pcec.dmn');
deployment.append('grade-pcec.cases.json', new Blob([JSON.stringify(cases)]), 'grade-pcec.cases.json');
await api('/engine-rest/deployment/create', { user: 'quality', method: 'POST', body: deployment });
console.log('deployed grade-pcec v2');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'zh-CN' });
context.setDefaultTimeout(30000);
const page = await context.newPage();
await page.goto(`${base}/camunda/app/tasklist/default/`);
await page.waitForSelector('input[type=password]');
await page.waitForLoadState('networkidle');
await page.locator('input[type=text]').first().fill('quality2');
await page.locator('input[type=password]').fill('quality2');
await page.locator('button[type=submit]').click();
await page.getByText('发起流程').first().waitFor();
const item = page.locator('.tasks-list li', { hasText: '审批决策表变更' }).first();
for (let i = 0; i < 20 && !(await item.isVisible()); i++) { await page.reload(); await page.waitForTimeout(1000); }
await item.locator('a').first().click();
const claim = page.locator('.task-details').getByText('认领', { exact: true });
await claim.waitFor();
await claim.click();
await page.locator('.task-details .fjs-form').waitFor();
await page.locator('.task-details [id$="-Field_impactReviewed"]').waitFor();
await page.waitForTimeout(1500);
const group = page.locator('.task-details .fjs-form [class*="fjs-form-field-group"]', { hasText: '影响报告' }).first();
await group.scrollIntoViewIfNeeded();
await page.locator('.task-details [id$="-Field_impactReviewed"]').check();
await page.screenshot({ path: `${out}/tasklist-decision-impact.png` });
console.log('screenshot of the task');
const url = await page.locator('.task-details [id$="-Field_impactUrl"]').inputValue();
const staff = await context.newPage();
await staff.goto(`${base}${url}`);
await staff.getByText('影响报告').first().waitFor();
await staff.screenshot({ path: `${out}/staff-decision-impact.png`, fullPage: true });
console.log('screenshot of the staff page', url);
await browser.close();
