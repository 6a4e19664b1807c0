// The rest of the console (issue 17) against fixture-server.mjs: a school admin adds an FTP target through
// the form its connector's Metatype describes, presses the one button and watches the job's progress bar
// move by itself from the server's events to done; installs a module offered and rolls an update back;
// sees the disk and an alert arriving live; cuts a recording room to a layout, and to a camera's preset.
// With YIKE_SCREENSHOTS=<folder> it also takes console-publishing.png, console-modules.png,
// console-system.png, console-directing.png and console-directing-presets.png. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const SCHOOL_ADMIN = { name: 'zhou', password: 'chalk-and-board' };
let page;

before(async () => {
  page = await session.start();
});

const shot = (name) => screenshot(page, name, { fullPage: true });

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

test('模块: an offered module installed; an update installed and rolled back; a requirement nothing provides said in words', async () => {
  await page.getByRole('link', { name: '模块', exact: true }).click();
  await page.waitForURL('**/console/modules');
  const installed = page.getByTestId('installed-table');
  const offered = page.getByTestId('offered-table');
  await installed.getByText('org.yike.driver.onvif').waitFor();

  await offered.getByRole('button', { name: '安装 org.yike.encoder.ascend 1.0.0' }).click();
  await page.getByTestId('modules-error').waitFor();
  assert.match(await page.getByTestId('modules-error').innerText(),
    /未能安装 org\.yike\.encoder\.ascend：cannot install org\.yike\.encoder\.ascend 1\.0\.0: nothing installed or offered provides osgi\.wiring\.package/);

  await offered.getByRole('button', { name: '安装 org.yike.connector.cloudclass 2.1.0' }).click();
  const cloud = installed.locator('tr', { hasText: 'org.yike.connector.cloudclass' });
  await cloud.waitFor();
  assert.match(await cloud.innerText(), /2\.1\.0[\s\S]*运行中/);
  assert.equal(await offered.getByText('org.yike.connector.cloudclass').count(), 0, 'installed: no longer offered');

  const hik = installed.locator('tr', { hasText: 'org.yike.driver.hikvision' });
  await hik.getByRole('button', { name: '更新到 1.3.0' }).click();
  await hik.getByText('上一版本 1.2.0').waitFor();
  assert.equal(await hik.locator('.version').innerText(), '1.3.0');
  await shot('console-modules.png');
  await hik.getByRole('button', { name: '将 org.yike.driver.hikvision 回滚到 1.2.0' }).click();
  await until(async () => await hik.locator('.version').innerText() === '1.2.0', 5000);
  assert.equal(await hik.locator('.version').innerText(), '1.2.0');
  assert.match(await hik.innerText(), /更新到 1\.3\.0/, 'the update is offered again');

  // a module that came with the runtime cannot go: the server's 409 in words, after the confirmation
  await hik.getByRole('button', { name: '卸载 org.yike.driver.hikvision' }).click();
  await page.getByRole('dialog', { name: '卸载模块' }).getByRole('button', { name: '卸载' }).click();
  await until(async () => /came with the runtime and cannot be uninstalled/.test(await page.getByTestId('modules-error').innerText()), 5000);
  assert.match(await page.getByTestId('modules-error').innerText(), /未能卸载 org\.yike\.driver\.hikvision：.*came with the runtime/);
});

test('系统: the disk as a bar, red under twice the minimum; an alert arrives live, newest first', async () => {
  await page.getByRole('link', { name: '系统', exact: true }).click();
  await page.waitForURL('**/console/system');
  await page.getByTestId('disk-text').waitFor();
  assert.match(await page.getByTestId('disk-text').innerText(), /可用 412 GB \/ 共 1000 GB（已用 58\.8%）/);
  assert.equal(await page.getByTestId('disk-bar').getAttribute('data-level'), 'ok');
  assert.match(await page.getByTestId('recording-now').innerText(), /录制中[\s\S]*教室 101[\s\S]*高等数学/);
  await page.getByTestId('alerts-live').filter({ hasText: '实时接收中' }).waitFor();

  const GB = 1024 ** 3;
  await fetch(`${BASE}/_fixture/disk?free=${30 * GB}`, { method: 'POST' });
  await fetch(`${BASE}/_fixture/events`, { method: 'POST', body: JSON.stringify({ topic: 'org/yike/recording/SOURCE_STATE',
    data: { recording: '2025-09-01-101-4', classroom: '101', sources: ['virtual-101/students'], reason: 'no pictures for 5 s' } }) });
  await fetch(`${BASE}/_fixture/events`, { method: 'POST', body: JSON.stringify({ topic: 'org/yike/recording/DISK_LOW',
    data: { freeBytes: 30 * GB, reason: '30 GB free on /var/lib/yike, the minimum is 20 GB' } }) });
  const alerts = page.getByTestId('alerts').locator('li');
  await until(async () => await alerts.count() === 2, 5000);
  assert.match(await alerts.nth(0).innerText(), /磁盘空间不足[\s\S]*剩余 30\.0 GB，新的课程不会开始录制：30 GB free/);
  assert.match(await alerts.nth(1).innerText(), /教室 101：信号源中断[\s\S]*virtual-101\/students：no pictures for 5 s/);
  const red = await until(async () => await page.getByTestId('disk-bar').getAttribute('data-level') === 'danger', 8000);
  assert.ok(red, 'the bar turns red within a refresh');
  await shot('console-system.png');
});

test('导播: a recording room\'s program and sources; a cut to picture-in-picture as the server takes it; 恢复自动', async () => {
  await page.getByRole('link', { name: '导播', exact: true }).click();
  await page.waitForURL('**/console/directing**');
  await page.locator('video').waitFor();
  const sources = page.getByTestId('sources');
  await sources.getByText('虚拟教室 101 · 学生').waitFor();
  assert.equal(await sources.getByText('讲台话筒').count(), 0, 'no microphone among the pictures');
  await page.getByTestId('layouts').getByText('画中画 · 右上', { exact: true }).click();
  await sources.locator('[data-key="virtual-101/board"]').click();
  assert.equal(await page.getByTestId('cut').isDisabled(), true, 'one source is not enough for a picture-in-picture');
  await sources.locator('[data-key="virtual-101/teacher"]').click();
  await page.getByTestId('cut').click();
  await page.getByText('教室 101 已切换到画中画 · 右上').waitFor();
  const cuts = await (await fetch(`${BASE}/_fixture/cuts`)).json();
  assert.deepEqual(cuts.at(-1), { room: '101', body: { layout: 'PIP_TOP_RIGHT', sources: ['virtual-101/board', 'virtual-101/teacher'], cause: '导播台' } });
  await until(async () => (await page.locator('video').evaluate((v) => v.__frames ?? 0)) > 10, 8000);
  await shot('console-directing.png');

  await page.getByTestId('resume').click();
  await page.getByText('教室 101 已恢复自动导播').waitFor();
  // a room that stopped recording meanwhile: the server's 409 in words
  await page.goto(`${BASE}/console/directing?room=102`);
  await page.getByTestId('layouts').getByText('全屏', { exact: true }).click();
  await page.getByTestId('resume').click();
  await page.getByTestId('directing-error').waitFor();
  assert.match(await page.getByTestId('directing-error').innerText(), /未能恢复自动导播：classroom 102 is not recording/);
});

test('导播 presets: a camera\'s preset button cuts to it full screen at that preset; a room not recording and no presets in words', async () => {
  await page.goto(`${BASE}/console/directing?room=101`);
  const presets = page.getByTestId('presets');
  const teacher = presets.locator('[data-key="virtual-101/teacher"]');
  await teacher.waitFor();
  assert.match(await teacher.innerText(), /虚拟教室 101 · 教师\s+1\s+2\s+3/);
  assert.match(await presets.locator('[data-key="virtual-101/students"]').innerText(), /虚拟教室 101 · 学生\s+讲台\s+黑板\s+全景/);
  assert.equal(await presets.locator('[data-key]').count(), 2, 'the board camera cannot turn');

  await teacher.locator('[data-preset="2"]').click();
  await page.getByText('教室 101 已切换到虚拟教室 101 · 教师的预置位 2').waitFor();
  const cuts = await (await fetch(`${BASE}/_fixture/cuts`)).json();
  assert.deepEqual(cuts.at(-1), { room: '101', body: { layout: 'FULL', sources: ['virtual-101/teacher'],
    framing: { 'virtual-101/teacher': { preset: '2', width: 1, height: 1 } }, cause: '导播台' } });
  assert.match(await teacher.locator('[data-preset="2"]').getAttribute('class'), /el-button--primary/, 'the preset taken is marked');
  await until(async () => (await page.locator('video').evaluate((v) => v.__frames ?? 0)) > 10, 8000);
  await shot('console-directing-presets.png');

  await page.goto(`${BASE}/console/directing?room=102`);
  await presets.getByText('无法获取预置位：classroom 102 is not recording').waitFor();

  assert.equal((await fetch(`${BASE}/_fixture/presets`, { method: 'PUT', body: '{}' })).status, 200);
  await page.goto(`${BASE}/console/directing?room=101`);
  await presets.getByText('此教室的摄像机没有预置位').waitFor();
});
