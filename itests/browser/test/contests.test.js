// The lesson contests (issue 18) against fixture-server.mjs (fixture-selection.mjs answers as ContestsApi): an admin
// creates a contest of one round, nominates three lessons and assigns the judges; a judge sees their entries blind (no
// teacher, no school, no title, on the list and on the entry's page with its player) and scores one; the ranking shows
// the weighted means, the tie on the mean broken by the smaller spread, who wins; the round closed, the teacher reads
// the comment on their lesson, and through the bar their results (GET /api/contests/mine), in Chinese and English; a
// teacher with no lesson in a closed contest finds none. With YIKE_SCREENSHOTS=<folder> it takes contests-*.png in Chinese and English.
// Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, login, relogin, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
// the contest's id as Yike makes one (contest-yyyyMMdd-HHmm… of its creation: the fixture's is fixed), its entries' of round 1
const C = 'contest-20261201-0900';
const E = (n) => `${C}-1-${n}`;
const JUDGES = [
  { name: 'ping', displayName: '评委甲', password: 'ping-secret-1', role: 'judge', scope: '440305' },
  { name: 'qu', displayName: '评委乙', password: 'qu-secret-12', role: 'judge', scope: '440305' },
];
const TEACHER = { name: 'wang', displayName: '王老师', password: 'pythagoras', role: 'teacher', scope: '南山实验学校' };
const NEWCOMER = { name: 'zhou', displayName: '周老师', password: 'zhou-secret-1', role: 'teacher', scope: '南山实验学校' };
// what a judge must not see: the teachers and the school of the lessons nominated (their titles are not shown either,
// though the chapters' names, part of what is watched, may say the topic)
const NOT_BLIND = ['王老师', '李老师', '南山实验学校'];
let page;

const call = (method, path, body) => apiCall(page, method, path, body);

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/');
  for (const u of [...JUDGES, TEACHER, NEWCOMER]) assert.equal((await call('POST', '/api/users', u)).status, 201);
});

const shot = (name) => screenshot(page, name, { fullPage: true });

const logInAs = (user, next) => relogin(page, BASE, user, next);

/** The input (or textarea) of an Element Plus field by its test id, which Element Plus puts on the input or its wrapper. */
const field = (id, tag = 'input') => page.locator(`${tag}[data-testid=${id}], [data-testid=${id}] ${tag}`);
const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

test('an admin creates a contest, nominates three lessons and assigns the judges', async () => {
  await page.getByTestId('contests-link').click();
  await page.waitForURL('**/contests');
  await page.getByTestId('contest-new').click();
  const dialog = page.getByTestId('contest-dialog');
  await field('contest-name').fill('2026 优课评选');
  // one round of the three offered: 决赛, two win
  await dialog.getByRole('button', { name: '删除' }).last().click();
  await dialog.getByRole('button', { name: '删除' }).last().click();
  await dialog.getByLabel('第 1 轮名称').fill('决赛');
  await dialog.getByLabel('第 1 轮晋级数').fill('2');
  await dialog.getByLabel('第 1 轮晋级数').blur();
  await dialog.getByTestId('contest-save').click();
  await page.waitForURL((u) => u.searchParams.get('contest') === C);
  await page.getByTestId('contest').waitFor();
  assert.deepEqual(await texts(page.locator('[data-testid=contest-list] [data-contest]')), ['2026 优课评选']);
  assert.match(await page.getByTestId('contest-list').innerText(), /第 1 轮 · 决赛[\s\S]*决赛（2）[\s\S]*满分 100，分差超过 10/);

  for (const title of ['勾股定理', '勾股定理的逆定理', '春江花月夜赏析']) {
    await page.getByTestId('contest-nominate').click();
    const nominate = page.getByTestId('nominate-dialog');
    await nominate.getByTestId('nominate-lesson').click();
    await page.getByRole('option', { name: new RegExp(`^${title} · `) }).click();
    await nominate.getByTestId('nominate-save').click();
    await nominate.waitFor({ state: 'hidden' });
  }
  await until(async () => (await page.locator('[data-testid=ranking] [data-entry]').count()) === 3, 5000);
  assert.deepEqual(await texts(page.locator('[data-testid=ranking] [data-entry]')), ['勾股定理', '勾股定理的逆定理', '春江花月夜赏析']);
  assert.match(await page.getByTestId('ranking').innerText(), /王老师 · 南山实验学校/, 'admins see whose it is');

  // nominated already: the server's words in the dialog
  await page.getByTestId('contest-nominate').click();
  await page.getByTestId('nominate-lesson').click();
  await page.getByRole('option', { name: /^勾股定理 · / }).click();
  await page.getByTestId('nominate-save').click();
  assert.match(await page.getByTestId('nominate-error').innerText(), /未能提名：lesson L-101 is nominated already/);
  await page.getByTestId('nominate-dialog').getByRole('button', { name: '取消' }).click();

  await page.getByTestId('contest-assign').click();
  const assigned = await call('GET', `/api/contests/${C}/rounds/1/entries`);
  assert.equal(assigned.status, 200);
  await shot('contests-admin-zh.png');
});

test('a judge sees their entries blind, watches one and scores it', async () => {
  await logInAs(JUDGES[0], '/');
  await page.getByTestId('contests-link').click();
  await page.locator(`[data-contest=${C}]`).click();
  await page.getByTestId('assigned').waitFor();
  const list = await page.locator('main').innerText();
  assert.match(list, new RegExp(`${E(1)}\\s+数学\\s+八年级\\(2\\)班`));
  assert.equal((await page.locator('[data-testid=assigned] [data-judge]').count()), 3);
  for (const word of [...NOT_BLIND, '勾股定理', '春江花月夜']) assert.ok(!list.includes(word), `the judge's list shows ${word}`);
  assert.equal(await page.getByTestId('review-link').count(), 0);
  assert.equal(await page.getByTestId('contest-new').count(), 0, 'only admins make contests');
  await shot('contests-judge-zh.png');

  await page.locator(`[data-judge="${E(1)}"]`).click();
  await page.getByTestId('judge-form').waitFor();
  await page.getByTestId('player-main').waitFor();
  assert.equal(await page.getByTestId('judge-blind').innerText(), `课例 ${E(1)} · 数学 · 八年级(2)班`);
  const whole = await page.locator('body').innerText();
  for (const word of NOT_BLIND) assert.ok(!whole.includes(word), `the judge's entry page shows ${word}`);
  assert.ok(!(await page.locator('h1').innerText()).includes('勾股定理') && !(await page.title()).includes('勾股定理'), 'nor its title');
  await field('judge-score').fill('90');
  await field('judge-score').blur();
  await field('judge-comment', 'textarea').fill('勾股定理的证明讲得清楚，板书工整');
  await page.getByTestId('judge-save').click();
  await until(async () => (await page.getByTestId('judge-given').count()) && page.getByTestId('judge-given').innerText(), 5000);
  assert.equal(await page.getByTestId('judge-given').innerText(), '已评 90 分');
  await shot('contests-entry-zh.png');

  // the lessons page and the catalog show a judge no teacher either, and offer no search by words or teacher
  const blind = (await call('GET', '/api/lessons/L-101')).body;
  assert.deepEqual([blind.teacher, blind.school], [null, null]);
  assert.equal((await call('GET', `/api/lessons?q=${encodeURIComponent('王老师')}`)).status, 400);
  await page.goto(`${BASE}/lessons`);
  await page.getByTestId('judge-note').waitFor();
  assert.equal(await page.getByTestId('lessons-search').count(), 0);
  await page.locator('[data-lesson]').first().waitFor();
  const lessons = await page.locator('main').innerText();
  for (const word of NOT_BLIND) assert.ok(!lessons.includes(word), `the judge's lessons page shows ${word}`);

  // the other scores through the API: ping 85 and 70, qu 86, 91 and 72
  for (const [entry, score] of [[E(2), 85], [E(3), 70]]) {
    assert.equal((await call('PUT', `/api/contests/${C}/entries/${entry}/score`, { score })).status, 200);
  }
  await logInAs(JUDGES[1], '/');
  for (const [entry, score] of [[E(1), 86], [E(2), 91], [E(3), 72]]) {
    assert.equal((await call('PUT', `/api/contests/${C}/entries/${entry}/score`, { score, comment: '' })).status, 200);
  }
});

test('the admin sees the ranking (a tie on the mean broken by the spread), closes the round; the teacher reads the comment', async () => {
  await logInAs(ADMIN, `/contests?contest=${C}`);
  await page.getByTestId('ranking').waitFor();
  const rows = await page.locator('[data-testid=ranking] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  // 90 and 86: 88, spread 4; 85 and 91: 88, spread 6; 70 and 72: 71
  assert.deepEqual(rows.map((r) => [r[0], r[1].split('\n')[0], r[2], r[3], r[4], r[5]]), [
    ['1', '勾股定理', '88', '90 / 86', '4', '获奖'],
    ['2', '勾股定理的逆定理', '88', '85 / 91', '6', '获奖'],
    ['3', '春江花月夜赏析', '71', '70 / 72', '2', ''],
  ]);
  await shot('contests-ranking-zh.png');

  await page.getByTestId('contest-close').click();
  await page.getByRole('button', { name: '结束本轮' }).last().click();
  await until(async () => (await page.locator(`[data-contest=${C}]`).locator('xpath=ancestor::tr').innerText()).includes('已结束'), 5000);
  assert.equal(await page.getByTestId('contest-close').count(), 0, 'nothing left to run');

  await logInAs(TEACHER, `/contests?contest=${C}&lesson=L-101`);
  await page.getByTestId('contest-comments').locator('li').first().waitFor();
  assert.deepEqual(await texts(page.getByTestId('contest-comments').locator('li')), ['勾股定理的证明讲得清楚，板书工整']);
  assert.equal(await page.getByTestId('evaluations-link').count(), 0);
});

/** The teacher's results as the page shows them: contest, lesson, outcome, comments. */
const results = () => page.locator('[data-testid=my-results] tbody tr')
  .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));

test('the teacher finds their lessons\' results and comments through the bar; a teacher with none, none', async () => {
  await page.goto(`${BASE}/`);
  await page.getByTestId('contests-link').click();
  await page.waitForURL((u) => u.pathname === '/contests' && !u.search);
  await page.getByTestId('my-results').waitFor();
  // both of 王老师's lessons won (two win); only the first has a comment; 李老师's lesson is not theirs
  assert.deepEqual(await results(), [
    ['2026 优课评选', '勾股定理', '获奖', '勾股定理的证明讲得清楚，板书工整'],
    ['2026 优课评选', '勾股定理的逆定理', '获奖', '评委没有留下评语'],
  ]);
  assert.equal(await page.getByTestId('contest-list').count(), 0, 'the contests themselves are the admins\' and judges\'');
  assert.equal(await page.getByTestId('contest-new').count(), 0);
  await shot('contests-teacher-zh.png');

  await page.getByRole('button', { name: 'English' }).click();
  await until(async () => (await page.getByTestId('my-contests').innerText()).includes('My contest results'), 5000);
  assert.deepEqual((await results()).map((r) => r.slice(2)), [['Won', '勾股定理的证明讲得清楚，板书工整'], ['Won', 'The judges left no comments']]);
  await shot('contests-teacher-en.png');
  await page.getByRole('button', { name: '中文' }).click();

  await logInAs(NEWCOMER, '/contests');
  await page.getByTestId('my-contests-empty').waitFor();
  assert.match(await page.getByTestId('my-contests').innerText(), /还没有已结束的评选收录您的课程/);
  await shot('contests-teacher-none-zh.png');
});

test('in English: the ranking and a judge\'s blind list', async () => {
  await logInAs(ADMIN, `/contests?contest=${C}`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('ranking').waitFor();
  assert.match(await page.locator('main').innerText(), /Closed[\s\S]*Weighted mean[\s\S]*Wins/);
  await shot('contests-ranking-en.png');
  await page.getByTestId('contest-new').click();
  await field('contest-name').waitFor();
  await shot('contests-new-en.png');
  await page.getByTestId('contest-dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: '中文' }).click();
});
