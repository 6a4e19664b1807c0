// The publishing review and the dashboard (issue 18) in English, against fixture-server.mjs: the review
// page (its list, the rejection dialog, the publishing confirmation), a rejected lesson's own page (its
// facts, the review section, asking again; the tab named by the lesson and the product) and the dashboard
// (the cards, the charts, a drawer); the lessons' and rooms' names stay as the server sends them. With
// YIKE_SCREENSHOTS=<folder> it also takes en-review.png, en-lesson.png and en-dashboard.png. Needs the
// pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
let page;

before(async () => {
  page = await session.start();
  assert.equal((await fetch(`${BASE}/_fixture/fortnight`, { method: 'POST' })).status, 200);
  await login(page, BASE, ADMIN.name, ADMIN.password, '/review');
  await page.getByRole('button', { name: 'English' }).click();
});

const CHINESE = /[\u4e00-\u9fff]/;

const shot = (name) => screenshot(page, name);

test('the review page in English: the bar, the list, the rejection dialog, the publishing confirmation', async () => {
  await page.getByTestId('review-list').waitFor();
  assert.equal(await page.title(), 'Review · Yike');
  assert.match(await page.locator('nav.account').innerText(), /Patrol\s+Lessons\s+Review\s+Contests\s+Evaluation\s+Dashboard\s+Console\s+Users/);
  assert.equal(await page.getByTestId('review-total').innerText(), '2 lessons waiting');
  const list = page.getByTestId('review-list');
  assert.match(await list.locator('thead').innerText(), /^Poster\s+Lesson\s+Teacher\s+Taught\s+Asked by\s+Actions$/);
  const row = list.locator('tr', { has: page.locator('[data-lesson="L-102"]') });
  assert.match(await row.innerText(), /勾股定理的逆定理[\s\S]*Period 2[\s\S]*Room 101[\s\S]*wang · [\s\S]*Watch\s+Publish\s+Reject/);
  assert.match(await page.locator('section.panel .help').innerText(), /^Once published, users beyond this school/);
  await shot('en-review.png');

  await row.getByTestId('reject').click();
  const dialog = page.getByRole('dialog', { name: 'Reject the request to publish' });
  await dialog.getByTestId('reject-save').click();
  await dialog.getByText('Give a reason: the teacher reads it').waitFor();
  assert.match(await dialog.innerText(), /Reason[\s\S]*The teacher reads the reason on the lesson page[\s\S]*Cancel\s+Reject/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await row.getByRole('button', { name: 'Publish 勾股定理的逆定理' }).click();
  const confirm = page.getByRole('dialog', { name: 'Publish the lesson' });
  await confirm.getByText('Once published, users beyond this school can find and watch "勾股定理的逆定理"').waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'hidden' });
});

test('a rejected lesson\'s page in English: its facts, the reason with who, asked again; its tab named by it', async () => {
  await page.goto(`${BASE}/lessons/L-104`);
  await page.getByTestId('review-rejection').waitFor();
  await until(async () => await page.title() === '牛顿第二定律 · Yike', 5000);
  assert.equal(await page.locator('.back').innerText(), '← Lessons');
  assert.match(await page.getByTestId('lesson-facts').innerText(),
    /^Teacher\s+赵老师\s+Subject\s+物理\s+Class\s+九年级\(3\)班\s+When\s+\d{4}-\d{2}-\d{2} \w{3} Period 4\s+Room\s+305\s+Length\s+[\d:]+$/);
  assert.equal(await page.getByTestId('share').innerText(), 'Share');
  const review = page.getByTestId('lesson-review');
  assert.match(await review.innerText(), /^Publishing review\s+Rejected\s+Ask to publish\s+The request to publish was rejected\s+Reason: 板书拍得不清楚，请调整摄像机后再申请\s+Rejected by shen · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await shot('en-lesson.png');

  await page.getByTestId('review-request').click();
  await page.getByText('Asked to publish; waiting for review').waitFor();
  await until(async () => await page.getByTestId('review-state').innerText() === 'Pending', 5000);
  assert.match(await review.innerText(), /admin · \d{4}-\d{2}-\d{2} \d{2}:\d{2} asked to publish; waiting for a reviewer\s+Publish\s+Reject$/);

  await page.getByRole('button', { name: '中文' }).click();
  await until(async () => await page.title() === '牛顿第二定律 · 一课', 5000);
  assert.equal(await page.getByTestId('review-state').innerText(), '待审核');
  await page.getByRole('button', { name: 'English' }).click();
  await until(async () => await page.title() === '牛顿第二定律 · Yike', 5000);
});

test('the dashboard in English: the cards, the charts, a drawer', async () => {
  await page.goto(`${BASE}/dashboard`);
  await page.getByTestId('figures').waitFor();
  assert.equal(await page.title(), 'Dashboard · Yike');
  const figures = await page.getByTestId('figures').innerText();
  assert.ok(!CHINESE.test(figures), figures);
  assert.match(figures, /^Recording rate\s+80%\s+2 not recorded\s+Planned\s+10\s+Timetabled to record, ended\s+Recorded\s+8/);
  assert.match(figures, /Invalid\s+3\s+Failed 1\s+Partial 1\s+Too short 1\s+Faulty rooms\s+1 \/ 12\s+8.3% of all rooms\s+Views\s+9\s+3 lessons watched; a view is 10 s played\s+Evaluation mean\s+—\s+No evaluation submitted in these days\s+Recording disk\s+OK\s+See the disk$/);
  assert.match(await page.getByTestId('dashboard-range').innerText(), /^Days counted/);
  assert.deepEqual(await page.locator('.charts h2').allInnerTexts(),
    ['Valid and invalid recordings', 'Recorded lessons by subject', 'Recorded lessons by grade', 'Most watched lessons']);
  const pie = page.locator('[data-chart=valid]');
  await pie.locator('svg text', { hasText: 'Partial 1' }).first().waitFor();
  assert.match(await pie.locator('[aria-label]').first().getAttribute('aria-label'), /^This is a chart/, 'ECharts\' own words in English too');
  assert.match(await page.locator('p.help').innerText(), /^Counts the lessons from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  await shot('en-dashboard.png');

  await page.locator('[data-figure="rate"]').getByRole('button').click();
  const drawer = page.getByTestId('behind');
  await drawer.getByTestId('behind-sessions').waitFor();
  assert.equal(await page.locator('.el-drawer__title').innerText(), 'Lessons not recorded (2)');
  assert.match(await drawer.locator('[data-session]').first().innerText(), /Room 203\s+语文[\s\S]*Not recorded/);
  await page.keyboard.press('Escape');
  await page.locator('.el-drawer').waitFor({ state: 'hidden' });
  await page.locator('[data-figure="faultyRooms"]').getByRole('button').click();
  assert.match(await drawer.getByTestId('behind-rooms').innerText(), /^Room 201\s+Watch live$/);
});
