// The console (issue 17) against fixture-server.mjs: a school admin adds an RTSP camera through the
// form the driver's Metatype describes (a missing required field refused in the server's words first),
// imports a lessons file with a bad row and sees that row named, fixes it, imports again and sees the
// session in the week's grid. With YIKE_SCREENSHOTS=<folder> it also takes console-devices.png and
// console-timetable.png. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const SHOTS = process.env.YIKE_SCREENSHOTS;
const SCHOOL_ADMIN = { name: 'zhou', password: 'chalk-and-board' };
let page;

before(async () => {
  page = await session.start();
});

const shot = (name) => screenshot(page, name, { fullPage: true });

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

// a week of lessons; row 5 (the header is row 1) has a period that is not a number
const LESSONS = [
  'room,weekday,period,weeks,course,teacher,class,record',
  '101,1,1,all,高等数学,王老师,高一(1)班,yes',
  '101,1,2,all,语文,李老师,高一(1)班,yes',
  '102,1,3,all,大学英语,孙老师,高一(2)班,yes',
  '102,2,x,all,物理,赵老师,高一(2)班,yes',
  '201,2,1,all,大学物理,赵老师,高二(1)班,yes',
  '202,3,2,all,程序设计,周老师,高二(2)班,yes',
  'S301,3,5,all,化学实验,陈老师,高二(1)班,yes',
  '101,4,1,all,高等数学,王老师,高一(1)班,yes',
  '102,4,4,all,历史,钱老师,高一(2)班,no',
  '202,5,3,all,程序设计,周老师,高二(2)班,yes',
  'S302,5,6,all,电路实验,吴老师,高二(2)班,yes',
  '101,6,2,all,数学竞赛辅导,王老师,竞赛班,yes',
].join('\n');
const FIXED = LESSONS.replace('102,2,x,all,物理', '102,2,3,all,物理');

test('课表: a lessons file with a bad row is refused naming that row, fixed it imports, and the session is in the week\'s grid', async () => {
  await page.getByRole('link', { name: '课表', exact: true }).click();
  await page.waitForURL('**/console/timetable');
  await page.getByTestId('week-empty').waitFor();
  await page.getByRole('tab', { name: '课程表' }).click();
  const file = (text) => ({ name: 'timetable.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  await page.getByTestId('csv-file-lessons').setInputFiles(file(LESSONS));
  const bad = page.getByTestId('bad-rows');
  await bad.waitFor();
  const rows = await bad.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 1, rows.join('\n'));
  assert.match(rows[0], /第 5 行\s+102,2,x,all,物理,赵老师,高一\(2\)班,yes\s+period 'x' is not a number from 1 to 99/);
  assert.match(await page.getByTestId('import-rejected').innerText(), /timetable\.csv 有 1 处错误，整个文件未导入/);
  assert.ok(await page.getByTestId('week-empty').isVisible(), 'nothing was imported');
  await shot('console-timetable-rejected.png');

  await page.getByTestId('csv-file-lessons').setInputFiles(file(FIXED));
  await page.getByTestId('import-ok').waitFor();
  assert.match(await page.getByTestId('import-ok').innerText(), /已导入 课程表：12 行，共 \d+ 节课（新增 \d+，变更 0，删除 0）/);
  assert.equal(await page.getByTestId('bad-rows').count(), 0);

  // the fixed row: room 102, Tuesday, period 3, in this week's grid
  const grid = page.getByTestId('week-grid');
  await grid.waitFor();
  const tuesday = await grid.locator('thead th').nth(2).getAttribute('data-date');
  const third = grid.locator('tbody tr', { has: page.locator('th', { hasText: '第3节' }) });
  const cell = third.locator('td').nth(1);
  assert.match(await cell.innerText(), /102\s+(待录制|录制中|已完成)\s+物理\s+赵老师 · 高一\(2\)班/);
  assert.equal((await cell.locator('article').getAttribute('data-session')).slice(0, 8), tuesday.replace(/-/g, ''));
  assert.match(await grid.locator('article', { hasText: '历史' }).innerText(), /不录制/);
  await shot('console-timetable.png');

  // a room's lessons only, and the next week
  await page.locator('[data-testid=room-filter] .el-select__wrapper').click();
  await page.getByRole('option', { name: '102', exact: true }).click();
  await until(async () => (await grid.locator('article').count()) === 3, 5000);
  assert.deepEqual(await grid.locator('article .room-name').allInnerTexts(), ['102', '102', '102']);
  const thisWeek = await page.getByTestId('week-label').innerText();
  await page.getByRole('button', { name: '下一周' }).click();
  await until(async () => (await page.getByTestId('week-label').innerText()) !== thisWeek, 5000);
  assert.match(page.url(), /week=\d{4}-\d{2}-\d{2}&room=102|room=102&week=/);
  await until(async () => (await grid.locator('article').count()) === 3, 5000);
  assert.equal(await grid.locator('article', { hasText: '物理' }).count(), 1);
});
