// The pages' second language (issue 17) against fixture-server.mjs: English picked on the login page,
// kept across a reload and the login, on the bar and a console page (its table, a driver's form asked
// for in English, Element Plus's own words) with <html lang="en">; back to Chinese from the bar; a
// browser whose language is English starts in English. With YIKE_SCREENSHOTS=<folder> it also takes
// en-login.png, en-users.png, en-devices.png and en-wall.png. Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const SHOTS = process.env.YIKE_SCREENSHOTS;
let page;

before(async () => {
  page = await session.start();
});

const lang = () => page.evaluate(() => document.documentElement.lang);
const CHINESE = /[\u4e00-\u9fff]/;

const shot = (name) => screenshot(page, name);

test('English on the login page: its words, <html lang>, the title; kept after a reload', async () => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('用户名').waitFor();
  assert.equal(await lang(), 'zh-CN', 'a browser in Chinese starts in Chinese');
  assert.equal(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').waitFor();
  assert.equal(await lang(), 'en');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.title(), 'Log in · Yike');
  assert.match(await page.locator('.card').innerText(), /Yike\s+Classroom recording · live patrol\s+User name\s+Password\s+Log in/);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByText('Enter your user name').waitFor();

  await page.reload();
  await page.getByLabel('User name').waitFor();
  assert.equal(await lang(), 'en', 'the choice outlives a reload');
  await shot('en-login.png');

  await page.getByLabel('User name').fill(ADMIN.name);
  await page.getByLabel('Password').fill('wrong');
  await page.getByLabel('Password').press('Enter');
  // the server's refusal stays in its own words (the fixture's are Chinese, as Yike's)
  assert.match(await page.getByTestId('login-error').innerText(), /用户名或密码不正确/);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
  const bar = await page.locator('header.bar').innerText();
  assert.match(bar, /Patrol[\s\S]*Lessons[\s\S]*Console[\s\S]*Users[\s\S]*District admin[\s\S]*Log out[\s\S]*中文[\s\S]*English/);
  assert.equal(await page.title(), 'Patrol · Yike');
});

test('a console page in English: the tabs, the table, a driver\'s form in English, Element Plus\'s words', async () => {
  await page.getByTestId('console-link').click();
  await page.waitForURL('**/console/devices');
  const table = page.getByTestId('devices-table');
  await table.getByText('203 后墙全景').waitFor();
  assert.equal(await lang(), 'en');
  assert.equal(await page.title(), 'Devices · Console · Yike');
  assert.match(await page.locator('nav.tabs').innerText(), /^Devices\s+Timetable\s+Publishing\s+Directing\s+Modules\s+System$/);
  assert.match(await page.locator('.toolbar').innerText(), /^Devices\s+\d+ in all, \d+ online · refreshed every 3 s\s+Add device$/);
  assert.match(await table.locator('thead').innerText(), /^State\s+Device\s+Room\s+Sources\s+Actions$/);
  assert.match(await table.locator('tr', { hasText: '203 后墙全景' }).innerText(), /Offline[\s\S]*connection refused[\s\S]*Student wide/);
  assert.match(await table.locator('tr', { hasText: '虚拟教室 101' }).innerText(), /Online[\s\S]*Teacher close-up[\s\S]*fps · uncompressed/);

  await page.getByTestId('add-device').click();
  const dialog = page.getByRole('dialog', { name: 'Add device' });
  await dialog.locator('[data-testid=device-driver] .el-select__wrapper').click();
  await page.getByRole('option', { name: 'Network camera (rtsp)' }).click();
  // the driver's Metatype asked for in English (Accept-Language: en); the form's own words English too
  await dialog.getByLabel('Stream URL').waitFor();
  assert.match(await dialog.innerText(), /Driver[\s\S]*Discover devices[\s\S]*Device[\s\S]*Connection[\s\S]*Cancel\s+Add/);
  assert.equal(await dialog.getByLabel('Device id').getAttribute('placeholder'), 'Leave empty to make it from the name');
  assert.equal(await dialog.getByRole('button', { name: 'Close this dialog' }).count(), 1, 'Element Plus\'s own words in English');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot('en-devices.png');
});

test('the users page and the wall in English', async () => {
  const token = await page.evaluate(() => decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]));
  for (const [name, displayName, role, scope] of [['zhou', '周校长', 'school-admin', '南山实验学校'],
    ['li.hua', '李华', 'teacher', '南山实验学校'], ['sun.xc', '孙巡课', 'inspector', '440305']]) {
    const made = await page.evaluate(async ([body, csrf]) => (await fetch('/api/users', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(body) })).status,
    [{ name, displayName, password: 'chalk-and-board', role, scope }, token]);
    assert.equal(made, 201);
  }
  await page.getByTestId('users-link').click();
  const users = page.getByTestId('users-table');
  await users.getByText('孙巡课').waitFor();
  assert.match(await users.locator('thead').innerText(), /^User name\s+Display name\s+Role\s+Scope\s+State\s+Actions$/);
  assert.match(await users.locator('tr', { hasText: 'sun.xc' }).innerText(), /孙巡课\s+Inspector\s+Region 440305\s+Active\s+Edit\s+Delete/);
  assert.match(await page.locator('.summary').innerText(), /Accounts\s+4 accounts/);
  await shot('en-users.png');

  await page.getByRole('link', { name: 'Patrol', exact: true }).click();
  await page.locator('.tile').first().waitFor();
  assert.match(await page.locator('.counts').innerText(), /^Live \d+\s+Idle \d+\s+Device offline \d+$/);
  const floors = await page.locator('.floor h3').allInnerTexts();
  assert.ok(floors.length && floors.every((f) => !CHINESE.test(f)), `the floors in English: ${floors}`);
  if (SHOTS) {
    await until(() => page.evaluate(() => [...document.querySelectorAll('.tile video')].filter((v) => v.__frames > 10).length >= 4), 20000);
    await shot('en-wall.png');
  }
});

test('中文 in the bar switches back: the words, <html lang>, the title, and so it stays', async () => {
  await page.getByRole('button', { name: '中文' }).click();
  assert.equal(await lang(), 'zh-CN');
  assert.equal(await page.title(), '巡课 · 一课');
  assert.match(await page.locator('header.bar').innerText(), /巡课[\s\S]*课程[\s\S]*管理[\s\S]*用户管理[\s\S]*区县管理员[\s\S]*退出登录/);
  assert.match(await page.locator('.counts').innerText(), /^直播中 \d+\s+空闲 \d+\s+设备离线 \d+$/);
  await page.reload();
  await page.getByTestId('current-user').waitFor();
  assert.equal(await lang(), 'zh-CN');
});

test('a browser whose language is English starts in English, with nothing picked yet', async () => {
  const english = await openBrowser({ locale: 'en-US' });
  try {
    await english.page.goto(`${BASE}/login`);
    await english.page.getByLabel('User name').waitFor();
    assert.equal(await english.page.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await english.close();
  }
});
