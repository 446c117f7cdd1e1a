// Shared helpers of the browser tests: headless chromium, a staff user's Tasklist session driving Camunda Forms, the
// staff REST API. The Camunda Forms helpers are those of initial-certification.mjs (form-js ids
// <form-id>-Field_<key>, flatpickr dates typed in the placeholder's format, claim before completing).
import { chromium } from 'playwright-core';

export const base = process.env.E2E_BASE ?? 'http://localhost:18080';
export const out = process.env.E2E_OUT ?? 'target/e2e';
export const TASKLIST = `${base}/camunda/app/tasklist/default/`;

// Tasklist's own words in Chinese (our locales/zh.json), as a zh-CN browser shows them.
export const ZH = { startProcess: '发起流程', claim: '认领', complete: '完成' };

export function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
  console.log(`  ok: ${message}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `probe` until it returns something truthy (or throws after `ms`).
export async function eventually(what, probe, ms = 30000) {
  for (const deadline = Date.now() + ms; ;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await sleep(500);
  }
}

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// The staff REST API with HTTP Basic (demo passwords = user names).
export async function api(path, { user = 'reviewer', method = 'GET', json } = {}) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') };
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: json ? JSON.stringify(json) : undefined });
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// One staff user's Tasklist, in a fresh zh-CN browser context. `marker` is a text of this scenario's task list items
// (the client's name), so that tasks of other scenarios are left alone.
export class Tasklist {
  constructor(browser, marker, screenshot) {
    this.browser = browser;
    this.marker = marker;
    this.screenshot = screenshot; // (page, step) => Promise
  }

  async login(user) {
    const context = await this.browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
    context.setDefaultTimeout(20000);
    this.page = await context.newPage();
    const page = this.page;
    await page.goto(TASKLIST);
    await page.waitForSelector('input[type=password]');
    await page.waitForLoadState('networkidle'); // the login page re-renders once its translations have loaded
    const name = page.locator('input[type=text]').first();
    const secret = page.locator('input[type=password]');
    for (let attempt = 1; ; attempt++) {
      await name.fill(user);
      await secret.fill(user);
      if ((await name.inputValue()) === user && (await secret.inputValue()) === user) break;
      if (attempt === 3) throw new Error(`login form for ${user} does not keep its input`);
      await page.waitForTimeout(500);
    }
    await page.locator('button[type=submit]').click();
    await page.getByText(ZH.startProcess).first().waitFor();
    console.log(`logged in to Tasklist as ${user}`);
    return page;
  }

  async logout() {
    await this.page.context().close();
  }

  field(key) {
    return this.page.locator(`.fjs-form [id$="-Field_${key}"]`);
  }

  async fill(key, value) {
    // on a loaded machine form-js may re-render a field just after it was typed into: type again until it keeps it
    for (let attempt = 1; ; attempt++) {
      await this.field(key).fill(String(value));
      if ((await this.field(key).inputValue()) === String(value)) return;
      if (attempt === 3) throw new Error(`form field ${key} does not keep its input`);
      await this.page.waitForTimeout(500);
    }
  }

  async choose(key, index) { // radio or checklist option by its index
    await this.page.locator(`.fjs-form [id$="-Field_${key}-${index}"]`).check();
  }

  async select(key, optionText) {
    await this.page.locator(`.fjs-form [id$="-Field_${key}-display"]`).click();
    await this.page.locator('.fjs-select-anchor .fjs-dropdownlist-item', { hasText: optionText }).first().click();
  }

  async date(key, isoDate) {
    const [y, m, d] = isoDate.split('-');
    const input = this.page.locator(`.fjs-form [id$="-Field_${key}-date"]`);
    const format = (await input.getAttribute('placeholder')) ?? 'yyyy/mm/dd';
    await input.click();
    await input.fill(format.replace('yyyy', y).replace('mm', m).replace('dd', d));
    await input.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  // Opens the task whose name starts with `name` and whose list item shows the marker; reloads the list while it is
  // not there yet; claims it when nobody has.
  async openTask(name) {
    const page = this.page;
    const item = page.locator('.tasks-list li', { hasText: name }).filter({ hasText: this.marker }).first();
    const deadline = Date.now() + 45000;
    while (!(await item.isVisible())) {
      if (Date.now() > deadline) throw new Error(`task ${name} for ${this.marker} did not appear in the task list`);
      await page.goto(TASKLIST);
      await page.reload();
      await page.locator('.tasks-list').first().waitFor().catch(() => {});
      await item.waitFor({ timeout: 3000 }).catch(() => {});
    }
    await item.locator('a').first().click();
    await page.locator('.task-details h2, .task-details .names').first().waitFor();
    const claim = page.locator('.task-details').getByText(ZH.claim, { exact: true });
    if (await claim.isVisible().catch(() => false)) {
      await claim.click();
      await page.locator('.task-details').getByText(ZH.claim, { exact: true }).waitFor({ state: 'hidden' });
    }
    await page.locator('.task-details .fjs-form').waitFor();
    await page.locator('.task-details .fjs-form input').first().waitFor();
    console.log(`opened task ${name}`);
  }

  async complete(step) {
    const page = this.page;
    await this.screenshot(page, step);
    await page.locator('.task-details button', { hasText: ZH.complete }).click();
    // Tasklist reports errors as notifications; success removes the form.
    const error = page.locator('.notifications .alert-danger, .task-details .alert-danger:visible');
    const form = page.locator('.task-details .fjs-form');
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      if (await error.first().isVisible().catch(() => false)) {
        throw new Error(`completing ${step} failed: ${await error.first().innerText()}`);
      }
      if (!(await form.isVisible().catch(() => false))) {
        console.log(`completed ${step}`);
        return;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`completing ${step}: the form is still shown (invalid field?)`);
  }
}
