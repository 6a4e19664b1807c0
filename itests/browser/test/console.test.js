// The console (issue 17) against fixture-server.mjs: a school admin adds an RTSP camera through the
// form the driver's Metatype describes (a missing required field refused in the server's words first),
// imports a lessons file with a bad row and sees that row named, fixes it, imports again and sees the
// session in the week's grid. With YIKE_SCREENSHOTS=<folder> it also takes console-devices.png and
// console-timetable.png. Needs the pages built and ffmpeg.
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

const shot = async (name) => SHOTS && page.screenshot({ path: join(SHOTS, name), fullPage: true });

test('a school admin finds 管理 in the bar; the devices are listed with state, reason and figures', async () => {
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
  await login(page, BASE, SCHOOL_ADMIN.name, SCHOOL_ADMIN.password, '/');
  await page.getByTestId('console-link').click();
  await page.waitForURL('**/console/devices');
  const table = page.getByTestId('devices-table');
  await table.getByText('203 后墙全景').waitFor();
  const offline = table.locator('tr', { hasText: '203 后墙全景' });
  assert.match(await offline.innerText(), /离线[\s\S]*connection refused[\s\S]*学生全景/);
  const virtual = table.locator('tr', { hasText: '虚拟教室 101' });
  assert.match(await virtual.innerText(), /在线[\s\S]*教师特写[\s\S]*\d+(\.\d)? fps · 未压缩/);
});

test('添加设备: the rtsp driver\'s form; a missing required field refused in words, then the camera added and online', async () => {
  await page.getByTestId('add-device').click();
  const dialog = page.getByRole('dialog', { name: '添加设备' });
  await dialog.locator('[data-testid=device-driver] .el-select__wrapper').click();
  await page.getByRole('option', { name: /网络摄像机（rtsp）/ }).click();
  // the form is the driver's Metatype in Chinese: its attributes, their types, defaults and help
  await dialog.getByLabel('流地址').waitFor();
  assert.equal(await dialog.getByLabel('密码').getAttribute('type'), 'password');
  assert.equal(await dialog.getByLabel('超时（秒）').inputValue(), '5');
  assert.match(await dialog.locator('[data-field=url]').innerText(), /rtsp:\/\/192\.168\.1\.64/);
  assert.match(await dialog.locator('[data-field=transport]').innerText(), /TCP/);

  await dialog.getByLabel('名称').fill('301 教师特写');
  await dialog.getByLabel('教室').fill('301');
  await dialog.locator('[data-field=role] .el-select__wrapper').click();
  await page.getByRole('option', { name: '教师特写', exact: true }).click();
  await dialog.getByLabel('用户名').fill('admin');
  await dialog.getByLabel('密码').fill('Hik12345');
  await dialog.getByRole('button', { name: '添加' }).click();
  await dialog.getByTestId('device-error').waitFor();
  assert.match(await dialog.getByTestId('device-error').innerText(), /未能添加：missing url/);

  await dialog.getByLabel('流地址').fill('rtsp://192.168.3.11:554/Streaming/Channels/101');
  await dialog.locator('[data-field=transport] .el-select__wrapper').click();
  await page.getByRole('option', { name: 'UDP', exact: true }).click();
  await dialog.getByRole('button', { name: '添加' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByTestId('devices-table').locator('tr', { hasText: '301 教师特写' });
  await row.waitFor();
  assert.match(await row.innerText(), /rtsp-301[\s\S]*rtsp:\/\/192\.168\.3\.11/);
  const online = await until(async () => /在线[\s\S]*\d+ fps · [\d,]+ kbit\/s/.test(await row.innerText()), 8000);
  assert.ok(online, `the camera comes online with figures within a refresh: ${await row.innerText()}`);
});

test('发现设备 finds an ONVIF camera and adopts it; deleting a driver\'s default device is refused in words', async () => {
  await page.getByTestId('add-device').click();
  const dialog = page.getByRole('dialog', { name: '添加设备' });
  await dialog.locator('[data-testid=device-driver] .el-select__wrapper').click();
  await page.getByRole('option', { name: /ONVIF 摄像机（onvif）/ }).click();
  await dialog.getByTestId('discover').click();
  await dialog.getByTestId('discovered').getByRole('button', { name: '采用' }).click();
  assert.equal(await dialog.getByLabel('地址').inputValue(), '192.168.1.64');
  assert.equal(await dialog.getByLabel('名称').inputValue(), 'Hikvision DS-2DE4A425');
  await dialog.getByLabel('教室').fill('302');
  await dialog.locator('[data-field=role] .el-select__wrapper').click();
  await page.getByRole('option', { name: '学生全景', exact: true }).click();
  if (SHOTS) {
    await page.getByRole('listbox').last().waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: join(SHOTS, 'console-device-form.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await dialog.getByRole('button', { name: '添加' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('devices-table').locator('tr', { hasText: 'Hikvision DS-2DE4A425' }).waitFor();

  await page.getByTestId('devices-table').locator('tr', { hasText: '虚拟教室 101' }).getByRole('button', { name: /删除/ }).click();
  await page.getByRole('dialog', { name: '删除设备' }).getByRole('button', { name: '删除' }).click();
  await page.getByTestId('devices-error').waitFor();
  assert.match(await page.getByTestId('devices-error').innerText(), /虚拟教室 101 是驱动自带的默认设备，不能删除/);
  await until(async () => /在线/.test(await page.getByTestId('devices-table').locator('tr', { hasText: 'Hikvision' }).innerText()), 5000);
  await shot('console-devices.png');
});
