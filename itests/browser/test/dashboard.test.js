// The dashboard (issue 18) against fixture-server.mjs (fixture-dashboard.mjs counts its fortnight as
// org.yike.dashboard does): the cards say the figures of the last 30 days, each opens what lies behind it
// (the sessions as the schedule knows them, a recorded one opening its lesson; the faulty rooms), so does a
// slice of the pie; a course's bar opens the lessons of that course; the views open the lessons watched; a
// span in the address is the span counted; a building or a room picked narrows them; a low disk is said;
// inspectors see it, teachers are told it is not theirs. With YIKE_SCREENSHOTS=<folder> it also takes
// dashboard.png, dashboard-behind.png and dashboard-views.png. Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, relogin, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const INSPECTOR = { name: 'xun', displayName: '许巡课', password: 'inspector-1', role: 'inspector', scope: '440305' };
const TEACHER = { name: 'wang', displayName: '王老师', password: 'pythagoras', role: 'teacher', scope: '南山实验学校' };
let page;

before(async () => {
  page = await session.start();
  assert.equal((await fetch(`${BASE}/_fixture/fortnight`, { method: 'POST' })).status, 200);
  await login(page, BASE, ADMIN.name, ADMIN.password, '/');
  const made = await page.evaluate(async (users) => {
    const token = decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]);
    return Promise.all(users.map(async (u) => (await fetch('/api/users', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token }, body: JSON.stringify(u) })).status));
  }, [INSPECTOR, TEACHER]);
  assert.deepEqual(made, [201, 201]);
});

const shot = (name) => screenshot(page, name);

const logInAs = (user, next) => relogin(page, BASE, user, next);

const card = (key) => page.locator(`[data-testid=figures] [data-figure="${key}"]`);
const value = async (key) => (await card(key).locator('.value').innerText()).trim();
const drawer = () => page.getByTestId('behind');
const drawerTitle = () => page.locator('.el-drawer__title').innerText();
async function closeDrawer() {
  await page.keyboard.press('Escape');
  await page.locator('.el-drawer').waitFor({ state: 'hidden' });
}

test('the cards say the last 30 days\' figures; each opens the sessions or rooms behind it', async () => {
  await page.getByTestId('dashboard-link').click();
  await page.waitForURL('**/dashboard');
  await page.getByTestId('figures').waitFor();
  assert.deepEqual(await Promise.all(['rate', 'planned', 'recorded', 'valid', 'invalid', 'faultyRooms', 'disk'].map(value)),
    ['80%', '10', '8', '5', '3', '1 / 12', '正常']);
  assert.match(await card('rate').innerText(), /未录制 2 节/);
  assert.match(await card('invalid').innerText(), /录制失败 1\s+部分录制 1\s+时长不足 1/);
  const range = await page.getByLabel('统计日期范围').evaluateAll((inputs) => inputs.map((i) => i.value));
  const [from, to] = range;
  assert.equal((Date.parse(to) - Date.parse(from)) / 86_400_000, 29, `the last 30 days, today's included: ${range}`);
  await page.locator('[data-chart=valid] svg').waitFor();
  await page.locator('[data-chart=courses] svg').waitFor();
  await page.locator('[data-chart=grades] svg').waitFor();
  await shot('dashboard.png');

  // 应录课节: every session planned, the recorded ones opening their lessons
  await card('planned').getByRole('button').click();
  await drawer().getByTestId('behind-sessions').waitFor();
  assert.equal(await drawerTitle(), '应录课节（10）');
  assert.equal(await drawer().getByRole('link', { name: /观看/ }).count(), 8);
  assert.equal(await drawer().getByText('未录制').count(), 2);
  await shot('dashboard-behind.png');
  await closeDrawer();

  // 开课率: the sessions nobody recorded, as the schedule knows them
  await card('rate').getByRole('button').click();
  await drawer().getByTestId('behind-sessions').waitFor();
  assert.equal(await drawerTitle(), '未录制的课节（2）');
  const missed = await drawer().locator('[data-session]').allInnerTexts();
  assert.equal(missed.length, 2);
  assert.match(missed[0], /第3节\s+203 教室\s+语文\s+李老师 · 七年级\(1\)班\s+未录制/);
  assert.match(missed[1], /第5节\s+305 教室\s+物理\s+赵老师 · 九年级\(3\)班\s+未录制/);
  assert.equal(await drawer().getByRole('link').count(), 0, 'nothing to watch');
  await closeDrawer();

  // the invalid ones by why; a recorded session opens its lesson
  await card('invalid').locator('[data-figure="tooShort"]').click();
  await drawer().getByTestId('behind-sessions').waitFor();
  assert.equal(await drawerTitle(), '时长不足的课节（1）');
  await drawer().getByRole('link', { name: /观看/ }).click();
  await page.waitForURL('**/lessons/L-101');
  await page.getByTestId('lesson-facts').waitFor();
  await page.goBack();
  await page.getByTestId('figures').waitFor();

  await card('faultyRooms').getByRole('button').click();
  await drawer().getByTestId('behind-rooms').waitFor();
  assert.equal(await drawerTitle(), '设备故障的教室（1）');
  assert.deepEqual(await drawer().locator('[data-room]').evaluateAll((rows) => rows.map((r) => r.dataset.room)), ['201']);
  assert.equal(await drawer().getByRole('link', { name: '查看直播' }).getAttribute('href'), '/room/201');
  await closeDrawer();
});

test('a slice of the pie opens its sessions; a course\'s bar opens the lessons of that course and span', async () => {
  await page.goto(`${BASE}/dashboard`);
  const pie = page.locator('[data-chart=valid]');
  await pie.locator('svg').waitFor();
  // ECharts draws the slices' labels as text of the SVG; a click on one is a click on its slice
  await pie.locator('svg text', { hasText: '有效' }).first().click();
  await drawer().getByTestId('behind-sessions').waitFor();
  assert.equal(await drawerTitle(), '有效课节（5）');
  assert.deepEqual(await drawer().locator('[data-session]').evaluateAll((rows) => rows.map((r) => r.dataset.session).sort()),
    ['L-102', 'L-103', 'L-104', 'L-106', 'L-107']);
  assert.equal(await drawer().getByRole('link', { name: /观看/ }).count(), 5, 'each recorded, each opens its lesson');
  await closeDrawer();

  const courses = page.locator('[data-chart=courses]');
  assert.equal(await courses.getAttribute('data-chart'), 'courses');
  const [from, to] = await page.getByLabel('统计日期范围').evaluateAll((inputs) => inputs.map((i) => i.value));
  await courses.locator('svg text', { hasText: '数学' }).first().click();
  await page.waitForURL((u) => u.pathname === '/lessons' && u.searchParams.get('course') === '数学');
  const url = new URL(page.url());
  assert.deepEqual([url.searchParams.get('from'), url.searchParams.get('to')], [from, to]);
  await until(async () => await page.getByTestId('lessons-total').innerText() === '共 4 节', 5000);
});

test('the views: their card opens the lessons watched, the most first; a bar of the most watched opens its player', async () => {
  await page.goto(`${BASE}/dashboard`);
  await page.getByTestId('figures').waitFor();
  assert.deepEqual(await Promise.all(['views', 'evaluationMean'].map(value)), ['9', '—']);
  assert.match(await card('views').innerText(), /3 节课被观看/);
  await card('views').getByRole('button').click();
  await drawer().getByTestId('behind-lessons').waitFor();
  assert.equal(await drawerTitle(), '被观看的课程（3）');
  const rows = await drawer().locator('[data-lesson]').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\n')[0]), ['勾股定理的逆定理', '春江花月夜赏析', (await lessonTitle('L-101'))]);
  assert.match(rows[0], /王老师 · 八年级\(2\)班 · 5 次观看/);
  await shot('dashboard-views.png');
  await drawer().locator('[data-lesson="L-103"]').getByRole('link', { name: '观看' }).click();
  await page.waitForURL('**/lessons/L-103');
  await page.goBack();

  const chart = page.locator('[data-chart=viewed]');
  await chart.locator('svg').waitFor();
  await chart.locator('svg text', { hasText: '勾股定理的逆定理' }).first().click();
  await page.waitForURL('**/lessons/L-102');
});

const lessonTitle = async (id) => (await (await page.request.get(`${BASE}/api/lessons/${id}`)).json()).title;

test('the figures of a building or a room, picked beside the days and kept in the address', async () => {
  await page.goto(`${BASE}/dashboard`);
  await page.getByTestId('figures').waitFor();
  assert.equal(await value('faultyRooms'), '1 / 12');
  await page.getByTestId('dashboard-place').click();
  await page.getByRole('option', { name: '实验楼（整栋）' }).click();
  await page.waitForURL((u) => u.searchParams.get('place') === 'building:实验楼');
  await until(async () => await value('faultyRooms') === '0 / 2', 5000);
  assert.deepEqual(await Promise.all(['planned', 'views'].map(value)), ['0', '0'], 'nothing planned or watched there');
  await page.reload();
  await until(async () => await value('faultyRooms') === '0 / 2', 5000);

  await page.getByTestId('dashboard-place').click();
  await page.getByRole('option', { name: '201 教室' }).click();
  await until(async () => await value('faultyRooms') === '1 / 1', 5000);
  await page.getByTestId('dashboard-place').hover();
  await page.getByTestId('dashboard-place').locator('.el-select__clear').click();
  await until(async () => await value('faultyRooms') === '1 / 12', 5000);
  assert.equal(new URL(page.url()).searchParams.get('place'), null);
});

test('the span in the address is the span counted; a low disk is said', async () => {
  await page.goto(`${BASE}/dashboard?from=2020-01-01&to=2020-01-31`);
  await page.getByTestId('figures').waitFor();
  assert.deepEqual(await Promise.all(['rate', 'planned', 'recorded'].map(value)), ['0%', '0', '0']);
  assert.equal(await page.locator('.charts .el-empty').count(), 4, 'no recordings, no views, no charts');
  assert.deepEqual(await page.getByLabel('统计日期范围').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['2020-01-01', '2020-01-31']);

  await fetch(`${BASE}/_fixture/disk?free=1024`, { method: 'POST' });
  await page.goto(`${BASE}/dashboard`);
  await page.getByTestId('disk-low').waitFor();
  assert.equal(await value('disk'), '空间不足');
  assert.match(await page.getByTestId('disk-low').innerText(), /录像磁盘空间不足/);
  await fetch(`${BASE}/_fixture/disk?free=${400 * 1024 ** 3}`, { method: 'POST' });
});

test('an inspector sees the dashboard, a teacher is told it is not theirs', async () => {
  await logInAs(INSPECTOR, '/');
  await page.getByTestId('dashboard-link').click();
  await page.getByTestId('figures').waitFor();
  assert.equal(await value('planned'), '10');
  assert.equal(await page.getByTestId('review-link').count(), 0);
  assert.equal(await card('disk').getByRole('link').count(), 0, 'the console is the admins\'');

  await logInAs(TEACHER, '/dashboard');
  await page.getByText('数据看板仅供管理员和巡课员使用').waitFor();
  assert.equal(await page.getByTestId('dashboard-link').count(), 0);
});
