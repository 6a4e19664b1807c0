// The publishing review (issue 18) against fixture-server.mjs (its catalog, fixture-lessons.mjs, answers
// review-request and review as Yike does): a teacher asks for their lesson on its page and is told a refusal
// in words; the reviewer's page lists the pending lessons, a rejection needs a reason, publishing asks first,
// the list follows, a decision made meanwhile elsewhere is said; the teacher reads the reason with who and
// when and asks again; a user of another school finds the published lessons only; the lessons page filters
// by the review. With YIKE_SCREENSHOTS=<folder> it also takes review.png and lesson-rejected.png. Needs the
// pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiCall, login, relogin, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const WANG = { name: 'wang', displayName: '王老师', password: 'pythagoras', role: 'teacher', scope: '南山实验学校' };
const SHEN = { name: 'shen', displayName: '沈审核', password: 'reviewer-1', role: 'reviewer', scope: '南山实验学校' };
const ZHOU = { name: 'zhou', displayName: '周老师', password: 'elsewhere', role: 'viewer', scope: '第二中学' };
let page;

const call = (method, path, body) => apiCall(page, method, path, body);

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/lessons');
  for (const user of [WANG, SHEN, ZHOU]) assert.equal((await call('POST', '/api/users', user)).status, 201);
});

const logInAs = (user, next) => relogin(page, BASE, user, next);

const shot = (name) => screenshot(page, name);

const reviewState = () => page.getByTestId('review-state').innerText();
const pendingIds = () => page.locator('[data-testid=review-list] [data-lesson]').evaluateAll((links) => links.map((a) => a.dataset.lesson));

test('the lessons page filters by the review; its facets count the review states', async () => {
  await page.getByTestId('lessons-list').waitFor();
  const texts = async () => (await page.locator('[data-facet="review"] button').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  await until(async () => (await texts()).length === 4, 5000);
  assert.deepEqual(await texts(), ['私有 6', '待审核 2', '已发布 1', '已驳回 1']);
  await page.locator('[data-facet="review"] button', { hasText: '待审核' }).click();
  await page.waitForURL((u) => u.searchParams.get('review') === 'pending');
  await until(async () => await page.getByTestId('lessons-total').innerText() === '共 2 节', 5000);
  assert.match(await page.getByTestId('lessons-filters').innerText(), /审核：待审核/);
  assert.deepEqual(await page.locator('[data-lesson] [data-review]').evaluateAll((tags) => tags.map((t) => t.dataset.review)),
    ['pending', 'pending'], 'the cards say where they stand');
});

test('a teacher asks for their lesson on its page', async () => {
  await logInAs(WANG, '/lessons/L-101');
  await page.getByTestId('lesson-review').waitFor();
  assert.equal(await reviewState(), '私有');
  assert.equal(await page.getByTestId('review-link').count(), 0, 'no review page for a teacher');
  assert.equal(await page.getByTestId('dashboard-link').count(), 0);
  const [asked] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST'),
    page.getByTestId('review-request').click(),
  ]);
  assert.equal(new URL(asked.url()).pathname, '/api/lessons/L-101/review-request');
  await until(async () => await reviewState() === '待审核', 5000);
  assert.match(await page.getByTestId('lesson-review').innerText(), /wang · \d{4}-\d{2}-\d{2} \d{2}:\d{2} 申请发布，等待审核员审核/);
  assert.equal(await page.getByTestId('review-request').count(), 0, 'not while pending');

  // L-109 records now: asked all the same, it waits for the end
  await page.goto(`${BASE}/lessons/L-109`);
  await page.getByTestId('review-request').click();
  await page.getByText('已申请发布：录制结束后进入审核').waitFor();
  await page.goto(`${BASE}/lessons/L-103`);
  await page.getByTestId('lesson-review').waitFor();
  assert.equal(await page.getByTestId('review-request').count(), 0, 'shared with them to watch, not to ask for');
});

test('the reviewer\'s page lists the pending lessons; a rejection needs a reason; the list follows each decision', async () => {
  await logInAs(SHEN, '/');
  await page.getByTestId('review-link').click();
  await page.waitForURL('**/review');
  await page.getByTestId('review-list').waitFor();
  assert.equal(await page.getByTestId('console-link').count(), 0);
  assert.equal(await page.getByTestId('review-total').innerText(), '3 节待审核');
  assert.deepEqual(await pendingIds(), ['L-107', 'L-102', 'L-101'], 'newest first');
  const row = (id) => page.locator('[data-testid=review-list] tr', { has: page.locator(`[data-lesson="${id}"]`) });
  assert.match(await row('L-101').innerText(), /勾股定理[\s\S]*数学 · 八年级\(2\)班[\s\S]*王老师[\s\S]*第 3 节[\s\S]*wang · /);
  assert.equal(await row('L-101').locator('.poster img').count(), 1, 'its poster');
  await shot('review.png');

  await row('L-101').getByTestId('reject').click();
  const dialog = page.getByRole('dialog', { name: '驳回发布申请' });
  await dialog.getByTestId('reject-save').click();
  await dialog.getByText('请填写驳回理由，教师会看到它').waitFor();
  await dialog.getByLabel('驳回理由').fill('声音太小，请检查麦克风后重新录制');
  const [rejected] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST'),
    dialog.getByTestId('reject-save').click(),
  ]);
  assert.equal(new URL(rejected.url()).pathname, '/api/lessons/L-101/review');
  assert.deepEqual(rejected.postDataJSON(), { decision: 'reject', reason: '声音太小，请检查麦克风后重新录制' });
  await until(async () => (await pendingIds()).length === 2, 5000);
  assert.deepEqual(await pendingIds(), ['L-107', 'L-102']);

  await row('L-107').getByTestId('publish').click();
  const confirm = page.getByRole('dialog', { name: '发布课程' });
  await confirm.getByText('本校以外的用户也能找到并观看').waitFor();
  const [published] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST'),
    confirm.getByRole('button', { name: '发布' }).click(),
  ]);
  assert.deepEqual(published.postDataJSON(), { decision: 'publish' });
  await until(async () => (await pendingIds()).join() === 'L-102', 5000);
  assert.equal(await page.getByTestId('review-total').innerText(), '1 节待审核');

  // another reviewer rejected L-102 meanwhile: the 409 in words, the list read again
  assert.equal((await call('POST', '/api/lessons/L-102/review', { decision: 'reject', reason: '画面太暗' })).status, 200);
  await row('L-102').getByTestId('publish').click();
  await page.getByRole('dialog', { name: '发布课程' }).getByRole('button', { name: '发布' }).click();
  await page.getByTestId('review-error').waitFor();
  assert.equal(await page.getByTestId('review-error').locator('.el-alert__title').innerText(),
    '未能发布：lesson L-102 is not waiting for review (it is rejected)');
  await page.getByTestId('review-empty').waitFor();
});

test('the teacher reads the reason with who and when; asked again meanwhile, the 409 in words; no review page', async () => {
  await logInAs(WANG, '/lessons/L-101');
  await page.getByTestId('review-rejection').waitFor();
  assert.equal(await reviewState(), '已驳回');
  const rejection = await page.getByTestId('review-rejection').innerText();
  assert.match(rejection, /发布申请已被驳回\s+理由：声音太小，请检查麦克风后重新录制\s+shen · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await shot('lesson-rejected.png');
  // asked again in another tab: this page's 申请发布 is answered 409, said, and the lesson read again
  assert.equal((await call('POST', '/api/lessons/L-101/review-request')).status, 200);
  await page.getByTestId('review-request').click();
  await page.getByTestId('review-error').waitFor();
  assert.equal(await page.getByTestId('review-error').locator('.el-alert__title').innerText(),
    '未能申请发布：lesson L-101 is pending already');
  await until(async () => await reviewState() === '待审核', 5000);
  assert.equal(await page.getByTestId('review-rejection').count(), 0);
  assert.equal(await page.getByTestId('review-request').count(), 0);

  await page.goto(`${BASE}/review`);
  await page.getByText('审核页仅供审核员和管理员使用').waitFor();
});

test('an admin decides on the lesson page too; a user of another school finds the published lessons only', async () => {
  await logInAs(ADMIN, '/lessons/L-101');
  await page.getByTestId('lesson-review').getByTestId('publish').click();
  await page.getByRole('dialog', { name: '发布课程' }).getByRole('button', { name: '发布' }).click();
  await until(async () => await reviewState() === '已发布', 5000);
  assert.match(await page.getByTestId('lesson-review').innerText(), /admin · .* 审核发布：本校以外的用户也能找到并观看/);

  await logInAs(ZHOU, '/lessons');
  await page.getByTestId('lessons-list').waitFor();
  const ids = await page.locator('[data-lesson]').evaluateAll((cards) => cards.map((c) => c.dataset.lesson).sort());
  assert.deepEqual(ids, ['L-101', 'L-106', 'L-107']);
  assert.equal(await page.getByTestId('review-link').count(), 0);
  await page.goto(`${BASE}/lessons/L-103`);
  const refused = page.locator('.el-alert').filter({ hasText: '没有观看这节课的权限' });
  await refused.waitFor();
  assert.match(await refused.innerText(), /zhou's scope \(第二中学\) does not cover this school \(南山实验学校\)/);
});
