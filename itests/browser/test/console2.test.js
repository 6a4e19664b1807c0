// The rest of the console (issue 17) against fixture-server.mjs: a school admin adds an FTP target through
// the form its connector's Metatype describes, presses the one button and watches the job's progress bar
// move by itself from the server's events to done; installs a module offered and rolls an update back;
// sees the disk and an alert arriving live; and cuts a recording room to a layout. With
// YIKE_SCREENSHOTS=<folder> it also takes console-publishing.png, console-modules.png,
// console-system.png and console-directing.png. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login, openBrowser, until } from '../browser.mjs';
import { ADMIN, fixturePort, startFixture } from '../fixture-start.mjs';

const PORT = fixturePort();
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.YIKE_SCREENSHOTS;
const SCHOOL_ADMIN = { name: 'zhou', password: 'chalk-and-board' };
let fixture;
let browser;
let page;

before(async () => {
  fixture = await startFixture(PORT);
  browser = await openBrowser();
  page = browser.page;
});
after(async () => {
  await browser?.close();
  fixture?.kill();
});

/** A screenshot once the pointer is out of the way and the last toast (3 s) is gone. */
async function shot(name) {
  if (!SHOTS) return;
  await page.mouse.move(0, 0);
  await page.locator('.el-message').waitFor({ state: 'detached', timeout: 5000 });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

/** Picks an option of the Element Plus select inside scope (by its test id or label). */
async function pick(select, option) {
  await select.locator('.el-select__wrapper').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a school admin adds an FTP target through its generated form, refused without an address first', async () => {
  await login(page, BASE, ADMIN.name, ADMIN.password, '/');
  const made = await page.evaluate(async (u) => {
    const token = decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]);
    const res = await fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ name: u.name, displayName: '周校长', password: u.password, role: 'school-admin', scope: '南山实验学校' }) });
    return res.status;
  }, SCHOOL_ADMIN);
  assert.equal(made, 201);
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await login(page, BASE, SCHOOL_ADMIN.name, SCHOOL_ADMIN.password, '/console/devices');
  await page.getByRole('link', { name: '发布', exact: true }).click();
  await page.waitForURL('**/console/publishing');
  // the live target pushing room 101 shows its status
  const targets = page.getByTestId('targets-table');
  assert.match(await targets.locator('tr', { hasText: 'live-101' }).innerText(), /推流中[\s\S]*pushing: rtmp:\/\/live\.example\.edu\.cn/);

  await page.getByTestId('add-target').click();
  const dialog = page.getByRole('dialog', { name: '添加发布目标' });
  await pick(dialog.getByTestId('target-type'), 'FTP / FTPS 发布目标（ftp）');
  await dialog.getByLabel('地址').waitFor();
  assert.equal(await dialog.getByLabel('密码').getAttribute('type'), 'password');
  assert.equal(await dialog.getByLabel('超时（秒）').inputValue(), '30');
  assert.equal(await dialog.getByLabel('文件名模式').inputValue(), '{room}/{date}/{title}.{ext}');
  assert.match(await dialog.locator('[data-field=url]').innerText(), /ftp:\/\/主机:21\/文件夹/);
  await dialog.getByLabel('名称').fill('区教育局');
  await dialog.getByLabel('用户').fill('yike');
  await dialog.getByLabel('密码').fill('ftp-secret');
  await dialog.getByRole('button', { name: '添加' }).click();
  await dialog.getByTestId('target-error').waitFor();
  assert.match(await dialog.getByTestId('target-error').innerText(), /未能添加：missing url/);
  await dialog.getByLabel('地址').fill('ftp://10.20.0.5:21/录播');
  await pick(dialog.locator('[data-field=files]'), '所有档和元数据');
  await dialog.getByRole('button', { name: '添加' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = targets.locator('tr', { hasText: '区教育局' });
  await row.waitFor();
  assert.match(await row.innerText(), /ftp[\s\S]*ftp:\/\/10\.20\.0\.5:21\/录播[\s\S]*已设置密码/);
  assert.doesNotMatch(await row.innerText(), /ftp-secret/);
});

test('the one button: the job\'s progress bar moves by itself from the server\'s events, to done', async () => {
  await pick(page.getByTestId('publish-room'), '101');
  await pick(page.getByTestId('publish-target'), '区教育局');
  await page.getByTestId('jobs-live').filter({ hasText: '实时更新' }).waitFor();
  const reloads = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) reloads.push(frame.url()); });
  await page.getByTestId('publish-newest').click();
  const bar = page.getByTestId('job-progress').first();
  await bar.waitFor();
  // every value the bar shows until the job is done, read from the page as it changes
  const seen = new Set();
  const done = await until(async () => {
    const now = Number(await bar.getAttribute('aria-valuenow'));
    seen.add(now);
    return /已完成/.test(await page.getByTestId('jobs-table').locator('tbody tr').first().innerText());
  }, 15000, 100);
  assert.ok(done, 'the job is done within 15 s');
  const between = [...seen].filter((p) => p > 0 && p < 100);
  assert.ok(between.length >= 2, `at least two percents between 0 and 100 seen: ${[...seen]}`);
  assert.deepEqual(reloads, [], 'no reload');
  const row = page.getByTestId('jobs-table').locator('tbody tr').first();
  assert.match(await row.innerText(), /2025-09-01-101-3[\s\S]*教室 101 → 区教育局[\s\S]*已完成[\s\S]*180 MB \/ 180 MB/);
  assert.equal(await bar.getAttribute('aria-valuenow'), '100');

  await page.getByTestId('add-rule').click();
  await page.getByTestId('rules-table').locator('tr', { hasText: '区教育局' }).waitFor();
  await shot('console-publishing.png');
});
