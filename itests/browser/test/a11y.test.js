// axe-core (npm) on the main pages (login, wall, room, users, lessons with their facets, the player and its share
// dialog, the console's devices, timetable, publishing, directing with presets, modules and system, the review page
// and its rejection dialog, a rejected lesson, the dashboard and a drawer of what lies behind a figure), served by
// fixture-server.mjs as Yike serves them: no serious or critical violation of WCAG 2 A/AA rules. Needs the pages
// built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { login } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';
import { LESSON } from '../fixture-lessons.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const session = fixtureAndBrowser();
const BASE = session.base;
let page;

before(async () => {
  page = await session.start();
});

/** The serious and critical violations on the page as it is now, one line each with where. */
async function violations() {
  // a dialog fading in is half transparent: its colours are judged once every transition has ended
  // (not the endless ones, as a live badge's pulse)
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
    || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 5000 });
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const check = async (name) => assert.deepEqual(await violations(), [], `${name}: serious or critical accessibility violations`);

test('the login page', async () => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('用户名').waitFor();
  await check('login');
});

test('the patrol wall, a room, the users page, the lessons and the player, logged in', async () => {
  await login(page, BASE, ADMIN.name, ADMIN.password, '/');
  await page.locator('.tile').first().waitFor();
  await check('wall');
  await page.goto(`${BASE}/room/101`);
  await page.locator('video').waitFor();
  await check('room');
  await page.goto(`${BASE}/users`);
  await page.getByRole('table').first().waitFor();
  await check('users');
  await page.goto(`${BASE}/lessons`);
  await page.getByTestId('lessons-list').waitFor();
  await page.getByTestId('facets').waitFor();
  await check('lessons');
  await page.goto(`${BASE}/lessons/${LESSON}`);
  await page.locator('video').first().waitFor();
  await check('player');
  await page.getByTestId('share').click();
  await page.getByRole('dialog', { name: '分享课程' }).getByLabel('分享给').waitFor();
  await check('share dialog');
  await page.getByRole('dialog', { name: '分享课程' }).getByRole('button', { name: '取消' }).click();
});

test('the console: the devices, the add-device form, a refused timetable import and the week', async () => {
  await page.goto(`${BASE}/console/devices`);
  await page.getByTestId('devices-table').getByText('虚拟教室 101').waitFor();
  await check('devices');
  await page.getByTestId('add-device').click();
  await page.getByRole('dialog', { name: '添加设备' }).getByLabel('流地址').waitFor();
  await check('add device');
  await page.goto(`${BASE}/console/timetable`);
  const file = (text) => ({ name: 'timetable.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const header = 'room,weekday,period,weeks,course,teacher,class,record';
  await page.getByTestId('csv-file-lessons').setInputFiles(file(`${header}\n101,1,x,all,数学,王老师,高一(1)班,yes`));
  await page.getByTestId('bad-rows').waitFor();
  await check('timetable, refused');
  await page.getByTestId('csv-file-lessons').setInputFiles(file(`${header}\n101,1,1,all,数学,王老师,高一(1)班,yes\n102,3,2,all,语文,李老师,高一(2)班,no`));
  await page.getByTestId('week-grid').waitFor();
  await check('timetable, week');
});

test('the console: publishing with the add-target form and a job, directing, modules, system with an alert', async () => {
  await page.goto(`${BASE}/console/publishing`);
  await page.getByTestId('targets-table').getByText('live-101').waitFor();
  await page.getByTestId('add-target').click();
  const dialog = page.getByRole('dialog', { name: '添加发布目标' });
  await dialog.getByLabel('名称').waitFor();
  await check('add target');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const sent = await page.evaluate(async () => {
    const token = decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]);
    const res = await fetch('/api/publish/newest', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ room: '102', target: 'live-101' }) });
    return res.status;
  });
  assert.equal(sent, 202);
  await page.getByTestId('job-progress').first().waitFor();
  await check('publishing, a job');
  await page.goto(`${BASE}/console/directing`);
  await page.getByTestId('sources').getByText('虚拟教室 101 · 教师').waitFor();
  await page.getByTestId('presets').locator('[data-preset]').first().waitFor();
  await check('directing');
  await page.goto(`${BASE}/console/modules`);
  await page.getByTestId('offered-table').getByText('org.yike.encoder.ascend').waitFor();
  await check('modules');
  await page.goto(`${BASE}/console/system`);
  await page.getByTestId('alerts-live').filter({ hasText: '实时接收中' }).waitFor();
  await fetch(`${BASE}/_fixture/events`, { method: 'POST', body: JSON.stringify({ topic: 'org/yike/schedule/SESSION_FAILED',
    data: { session: 's-203-2', room: '203', reason: 'room 203 could not record 第2节 物理: no working device' } }) });
  await page.getByTestId('alerts').waitFor();
  await check('system');
});

test('the review page with its rejection dialog, a lesson\'s rejection, the dashboard with a drawer', async () => {
  await page.goto(`${BASE}/review`);
  await page.getByTestId('review-list').waitFor();
  await check('review');
  await page.getByTestId('review-list').getByTestId('reject').first().click();
  await page.getByRole('dialog', { name: '驳回发布申请' }).getByLabel('驳回理由').waitFor();
  await check('reject dialog');
  await page.getByRole('dialog', { name: '驳回发布申请' }).getByRole('button', { name: '取消' }).click();
  await page.goto(`${BASE}/lessons/L-104`);
  await page.getByTestId('review-rejection').waitFor();
  await check('a rejected lesson');
  await fetch(`${BASE}/_fixture/fortnight`, { method: 'POST' });
  await page.goto(`${BASE}/dashboard`);
  await page.locator('[data-chart=valid] svg').waitFor();
  await check('dashboard');
  await page.locator('[data-figure="planned"]').getByRole('button').click();
  await page.getByTestId('behind-sessions').waitFor();
  await check('dashboard, a drawer');
});
