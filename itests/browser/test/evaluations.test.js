// Evaluating lessons (issue 18) against fixture-server.mjs (fixture-evaluation.mjs answers as EvaluationsApi): an admin
// imports the district's rubric from a JSON file (a bad one refused naming the indicator), views its indicator tree with
// shares and ranges and finds its export link; an inspector evaluates a lesson beside its player: scores within range,
// a note stamped at the player's time, shown as a mark on the timeline that seeks there, submitted once all are scored
// (40 × 8/10 + 60 × 15/20 = 77); beside a room's live lesson, a note stamped at the lesson's time now; the statistics table and its xlsx and PDF links; a teacher sees no evaluation. With
// YIKE_SCREENSHOTS=<folder> it takes evaluations-*.png in Chinese and English. Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, login, relogin, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const INSPECTOR = { name: 'xun', displayName: '许巡课', password: 'inspector-1', role: 'inspector', scope: '440305' };
const TEACHER = { name: 'wang', displayName: '王老师', password: 'pythagoras', role: 'teacher', scope: '南山实验学校' };
// the itests' EvaluationTest rubric
const RUBRIC = {
  id: 'district-2026', name: '区课堂教学评价表', indicators: [
    { id: 'design', name: '教学设计', weight: 40, children: [{ id: 'goal', name: '教学目标', weight: 1, maxScore: 10 }] },
    { id: 'practice', name: '教学实施', weight: 60, children: [{ id: 'interaction', name: '师生互动', weight: 1, maxScore: 20 }] },
  ],
};
let page;

const call = (method, path, body) => apiCall(page, method, path, body);

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/');
  for (const u of [INSPECTOR, TEACHER]) assert.equal((await call('POST', '/api/users', u)).status, 201);
});

const shot = (name) => screenshot(page, name, { fullPage: true });

const logInAs = (user, next) => relogin(page, BASE, user, next);

const file = (rubric) => ({ name: `${rubric.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rubric)) });
const clock = () => page.getByTestId('clock').innerText();

test('an admin imports a rubric from a JSON file, views its indicator tree and finds its export', async () => {
  await page.getByTestId('evaluations-link').click();
  await page.waitForURL('**/evaluations');
  const bad = structuredClone(RUBRIC);
  bad.indicators[1].children[0].maxScore = 0;
  await page.getByTestId('rubric-file').setInputFiles(file(bad));
  assert.match(await page.getByTestId('rubrics-error').innerText(), /未能导入：.*indicator interaction is scored/);
  await page.getByTestId('rubric-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"id": ') });
  await until(async () => /文件不是 JSON/.test(await page.getByTestId('rubrics-error').innerText()), 5000);

  await page.getByTestId('rubric-file').setInputFiles(file(RUBRIC));
  assert.equal(await page.getByTestId('rubrics-imported').innerText(), '已导入 区课堂教学评价表，版本 v1');
  await page.locator('[data-rubric="district-2026"]').waitFor();
  const exported = page.locator('[data-export="district-2026"]');
  assert.equal(await exported.getAttribute('href'), '/api/rubrics/district-2026/1');
  assert.equal(await exported.getAttribute('download'), 'district-2026-v1.json');
  const json = await call('GET', await exported.getAttribute('href'));
  assert.deepEqual([json.body.id, json.body.version, json.body.indicators[0].children[0].maxScore], ['district-2026', 1, 10]);

  await page.locator('[data-view="district-2026"]').click();
  const tree = page.getByTestId('rubric-tree');
  await tree.locator('[data-indicator=interaction]').waitFor();
  const rows = await tree.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.deepEqual(rows, [['教学设计', '40', '40%', '分项'], ['教学目标', '1', '40%', '0 – 10'],
    ['教学实施', '60', '60%', '分项'], ['师生互动', '1', '60%', '0 – 20']]);
  await shot('evaluations-tree-zh.png');
  await page.keyboard.press('Escape');
  await page.getByTestId('rubric-tree-dialog').waitFor({ state: 'hidden' });
});

test('an inspector evaluates a lesson: scores, a note at the player\'s time shown as a mark that seeks, submitted', async () => {
  await logInAs(INSPECTOR, '/lessons/L-101');
  const panel = page.getByTestId('evaluation');
  await panel.getByTestId('evaluation-start').click();
  await panel.getByTestId('evaluation-indicators').waitFor();
  await page.getByLabel('教学目标（0–10 分）').fill('8');
  await page.getByLabel('教学目标（0–10 分）').press('Enter');
  await until(async () => (await panel.getByTestId('evaluation-missing').innerText()) === '还有 1 项未评分', 5000);
  assert.ok(await panel.getByTestId('evaluation-submit').isDisabled(), 'not before all are scored');

  // the player to 0:05 (the second chapter), a note stamped there
  await page.getByTestId('chapter-1').click();
  await until(async () => (await clock()).startsWith('0:05'), 5000);
  await page.getByTestId('note-text').fill('板书清楚，导入自然');
  await page.getByTestId('note-stamp').click();
  await panel.getByTestId('evaluation-notes').waitFor();
  assert.match(await panel.getByTestId('evaluation-notes').innerText(), /0:05\s+板书清楚，导入自然/);
  const kept = (await call('GET', '/api/evaluations?lesson=L-101')).body[0].notes;
  assert.equal(kept.length, 1);
  assert.ok(Math.abs(kept[0].atMillis - 5000) < 300, `stamped at the player's time: ${kept[0].atMillis}`);

  // the mark on the timeline: its text on hover, a click seeks there
  const mark = page.getByTestId('note-marks').locator('button');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.getAttribute('title'), '0:05 xun：板书清楚，导入自然');
  await page.getByTestId('chapter-3').click();
  await until(async () => (await clock()).startsWith('0:16'), 5000);
  await mark.click();
  await until(async () => (await clock()).startsWith('0:05'), 5000);

  await page.getByLabel('师生互动（0–20 分）').fill('15');
  await page.getByLabel('师生互动（0–20 分）').press('Enter');
  await until(async () => (await panel.getByTestId('evaluation-total').innerText()) === '总分 77', 5000);
  await shot('evaluations-lesson-zh.png');
  await panel.getByTestId('evaluation-submit').click();
  await until(async () => (await panel.getByTestId('evaluation-state').innerText()) === '已提交', 5000);
  assert.equal(await panel.getByTestId('note-stamp').count(), 0, 'a submitted evaluation no longer changes');
});

test('beside a room\'s live lesson an evaluator scores and stamps notes at the lesson\'s time now', async () => {
  await page.goto(`${BASE}/room/101`);
  const panel = page.getByTestId('evaluation');
  await panel.getByTestId('evaluation-start').click();
  await panel.getByTestId('evaluation-indicators').waitFor();
  const { started } = (await call('GET', '/api/lessons/L-109')).body;
  const earliest = Date.now() - Date.parse(started);
  await page.getByTestId('note-text').fill('学生分组讨论热烈');
  await page.getByTestId('note-stamp').click();
  await panel.getByTestId('evaluation-notes').waitFor();
  const latest = Date.now() - Date.parse(started);
  const [mine] = (await call('GET', '/api/evaluations?lesson=L-109')).body;
  const { atMillis } = mine.notes[0];
  assert.ok(atMillis >= earliest && atMillis <= latest, `stamped at the lesson's time now: ${atMillis} in [${earliest}, ${latest}]`);
  assert.equal(await panel.locator('button.at').count(), 0, 'a live lesson cannot be sought: the note\'s time is only said');
  await shot('evaluations-live.png');
});

test('the statistics per teacher, course, grade and term, with their xlsx and PDF links', async () => {
  await page.getByTestId('evaluations-link').click();
  const table = page.getByTestId('statistics-table');
  await table.waitFor();
  const row = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.deepEqual(await row(), [['王老师', '1', '77', '77', '77']]);
  assert.equal(await page.getByTestId('statistics-xlsx').getAttribute('href'), '/api/evaluations/statistics?by=teacher&format=xlsx');
  assert.equal(await page.getByTestId('statistics-pdf').getAttribute('href'), '/api/evaluations/statistics?by=teacher&format=pdf');
  assert.equal(await page.getByTestId('rubric-import').count(), 0, 'importing is the admins\'');
  await shot('evaluations-zh.png');
  await page.getByTestId('statistics-by').getByText('按年级').click();
  await until(async () => JSON.stringify(await row()) === JSON.stringify([['八年级', '1', '77', '77', '77']]), 5000);
  assert.equal(await page.getByTestId('statistics-pdf').getAttribute('href'), '/api/evaluations/statistics?by=grade&format=pdf');

  await page.getByRole('button', { name: 'English' }).click();
  await until(async () => (await page.getByTestId('statistics-xlsx').innerText()) === 'Download Excel', 5000);
  await shot('evaluations-en.png');
  await page.goto(`${BASE}/lessons/L-101`);
  await page.getByTestId('note-marks').locator('button').waitFor();
  assert.equal(await page.getByTestId('evaluation-state').innerText(), 'Submitted');
  await shot('evaluations-lesson-en.png');
  await page.getByRole('button', { name: '中文' }).click();
});

test('a teacher sees no evaluation, no marks and no evaluation page', async () => {
  await logInAs(TEACHER, '/lessons/L-101');
  await page.getByTestId('lesson-facts').waitFor();
  await page.getByTestId('player-main').waitFor();
  assert.equal(await page.getByTestId('evaluation').count(), 0);
  assert.equal(await page.getByTestId('note-marks').count(), 0);
  assert.equal(await page.getByTestId('evaluations-link').count(), 0);
  await page.goto(`${BASE}/evaluations`);
  await page.getByText('评课仅供管理员、巡课员和评委使用').waitFor();
});
