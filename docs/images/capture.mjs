// Takes the README screenshots from a running demo instance (./mvnw spring-boot:run -Dspring-boot.run.profiles=demo
// with one application submitted). Needs Debian's chromium and fonts-noto-cjk, and `npm i playwright-core`.
// Usage: node docs/images/capture.mjs docs/images
import { chromium } from 'playwright-core';
const base = 'http://localhost:8080';
const out = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
async function login(page, app, user) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  await page.waitForSelector('input[type=password]', { timeout: 30000 });
  await page.locator('input[type=text]').first().fill(user);
  await page.locator('input[type=password]').fill(user);
  await page.locator('button[type=submit]').click();
  await page.waitForTimeout(3000);
}
const ctx = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
let page = await ctx.newPage();
await login(page, 'tasklist', 'reviewer');
await page.screenshot({ path: `${out}/tasklist-reviewer.png` });
const task = page.getByText('申请评审').first();
if (await task.count()) { await task.click(); await page.waitForTimeout(4000); }
await page.screenshot({ path: `${out}/tasklist-review-form.png`, fullPage: false }); const sp = page.getByText('发起流程').first(); await sp.click(); await page.waitForTimeout(2000); const pd = page.getByText('初次认证').first(); if (await pd.count()) { await pd.click(); await page.waitForTimeout(4000); } await page.screenshot({ path: `${out}/tasklist-start-form.png` });
await ctx.close();
const ctx2 = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
page = await ctx2.newPage();
await login(page, 'cockpit', 'quality');
await page.goto(`${base}/camunda/app/cockpit/default/#/decisions`);
await page.waitForTimeout(3000);
await page.screenshot({ path: `${out}/cockpit-decisions.png` });
const link = page.locator('a', { hasText: 'grade-pcec' }).first();
const byName = page.locator('a').filter({ hasText: /PCEC|售后服务/ }).first();
if (await link.count()) await link.click(); else if (await byName.count()) await byName.click();
await page.waitForTimeout(4000);
await page.screenshot({ path: `${out}/cockpit-grade-pcec.png` });
await browser.close();
