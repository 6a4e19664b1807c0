// The lessons page's facets and a lesson's sharing (issue 17) against fixture-server.mjs (its catalog:
// fixture-lessons.mjs): a click on a facet narrows the list and the counts follow, a tag clears it, on a
// phone the facets fold; an admin shares a lesson with a teacher picked from the users, a teacher types
// login names and is told in words of one that does not exist, and finds the lessons shared with them
// marked 他人分享. With YIKE_SCREENSHOTS=<folder> it also takes lessons-facets.png and lesson-share.png.
// Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, relogin, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const TEACHERS = [
  { name: 'wang', displayName: '王老师', password: 'pythagoras' },
  { name: 'li', displayName: '李老师', password: 'moonlight' },
];
let page;

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/lessons');
  const made = await page.evaluate(async (teachers) => {
    const token = decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]);
    return Promise.all(teachers.map(async (t) => (await fetch('/api/users', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ ...t, role: 'teacher', scope: '南山实验学校' }) })).status));
  }, TEACHERS);
  assert.deepEqual(made, [201, 201]);
});

const shot = (name) => screenshot(page, name);

const facet = (field, value) => page.locator(`[data-facet="${field}"] button`, { hasText: value });
const facetTexts = async (field) => (await page.locator(`[data-facet="${field}"] button`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
const total = () => page.getByTestId('lessons-total').innerText();
const ids = () => page.locator('[data-lesson]').evaluateAll((cards) => cards.map((c) => c.dataset.lesson).sort());

const logInAs = (user, next) => relogin(page, BASE, user, next);

test('the facets count all the lessons found; a click narrows the list, the counts follow, a tag clears it', async () => {
  await page.getByTestId('lessons-list').waitFor();
  assert.equal(await total(), '共 10 节');
  // most first, a tie by value; the states in words
  assert.deepEqual(await facetTexts('room'), ['101 4', '203 2', '102 1', '204 1', '305 1', '306 1']);
  assert.deepEqual(await facetTexts('state'), ['已完成 6', '录制失败 1', '部分录制 1', '录制中 1', '待录制 1']);

  await facet('room', '101').click();
  await page.waitForURL((u) => u.searchParams.get('room') === '101');
  await until(async () => await total() === '共 4 节', 5000);
  assert.deepEqual(await ids(), ['L-101', 'L-102', 'L-106', 'L-109']);
  assert.equal(await facet('room', '101').getAttribute('aria-pressed'), 'true', 'the facet set is marked');
  assert.equal(await page.getByLabel('教室', { exact: true }).inputValue(), '101', 'and in the room filter');
  assert.deepEqual(await facetTexts('class'), ['八年级(2)班 3', '八年级(1)班 1'], 'the counts of what is found now');
  assert.match(await page.getByTestId('lessons-filters').innerText(), /教室：101/);
  await shot('lessons-facets.png');

  await facet('state', '已完成').click();
  await until(async () => await total() === '共 3 节', 5000);
  assert.deepEqual(await ids(), ['L-101', 'L-102', 'L-106']);
  // the room's tag closed: the state stays
  await page.locator('[data-filter="room"] .el-tag__close').click();
  await until(async () => await total() === '共 6 节', 5000);
  assert.equal(new URL(page.url()).searchParams.get('state'), 'finished');
  assert.equal(new URL(page.url()).searchParams.get('room'), null);
  // the set facet clicked again: cleared
  await facet('state', '已完成').click();
  await until(async () => await total() === '共 10 节', 5000);
  assert.equal(await page.getByTestId('lessons-filters').count(), 0, 'no filter set, no tags');
});

test('on a phone\'s width the facets fold under 分类筛选 and open with a tap', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const facets = page.getByTestId('facets');
  assert.ok(await until(async () => !(await facets.evaluate((d) => d.open)), 3000), 'folded');
  await facets.locator('summary').click();
  await facet('teacher', '王老师').click();
  await until(async () => await total() === '共 4 节', 5000);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(await until(async () => facets.evaluate((d) => d.open), 3000), 'open again on a wide screen');
  await page.locator('[data-filter="teacher"] .el-tag__close').click();
  await until(async () => await total() === '共 10 节', 5000);
});

test('an admin shares a lesson with a teacher picked from the users; the page says with whom', async () => {
  await page.goto(`${BASE}/lessons/L-101`);
  await page.getByTestId('share').click();
  const dialog = page.getByRole('dialog', { name: '分享课程' });
  await dialog.locator('.el-select__wrapper').click();
  await page.getByRole('option').first().waitFor(); // the users are read as the dialog opens
  const offered = await page.getByRole('option').allInnerTexts();
  assert.deepEqual(offered, ['李老师（li）'], 'teachers, not the lesson\'s own (王老师)');
  await page.getByRole('option', { name: '李老师（li）' }).click();
  // chosen once the select shows its tag (CI once saved before the click had taken: sharedWith [])
  await dialog.locator('.el-select__wrapper').getByText('李老师（li）').waitFor();
  await dialog.locator('.what').click(); // the list closes
  const [patch] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'PATCH'),
    dialog.getByRole('button', { name: '保存' }).click(),
  ]);
  assert.equal(new URL(patch.url()).pathname, '/api/lessons/L-101');
  assert.deepEqual(patch.postDataJSON(), { sharedWith: ['li'] });
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('已分享给 李老师（li）').first().waitFor();
  assert.match(await page.getByTestId('lesson-shared').innerText(), /已分享给\s*李老师（li）/);
});

test('a teacher types login names; an unknown one is the server\'s 400 in words; lessons shared with them are marked', async () => {
  await logInAs(TEACHERS[0], '/lessons');
  await page.getByTestId('lessons-list').waitFor();
  // their own four and 李老师's L-103, shared with wang by the fixture
  assert.equal(await total(), '共 5 节');
  assert.deepEqual(await page.locator('[data-lesson]', { has: page.getByTestId('shared-mark') })
    .evaluateAll((cards) => cards.map((c) => c.dataset.lesson)), ['L-103']);
  assert.deepEqual(await facetTexts('teacher'), ['王老师 4', '李老师 1']);

  await page.locator('[data-lesson="L-103"]').click();
  await page.waitForURL('**/lessons/L-103');
  await page.getByTestId('lesson-facts').waitFor();
  assert.equal(await page.getByTestId('share').count(), 0, 'shared to watch, not to change');
  await page.getByText('他人分享').waitFor();

  await page.goto(`${BASE}/lessons/L-109`);
  await page.getByTestId('lesson-facts').waitFor();
  assert.equal(await page.getByTestId('share').isDisabled(), true, 'not while it records');
  await page.getByText('录制结束后才能分享').waitFor();

  await page.goto(`${BASE}/lessons/L-102`);
  await page.getByTestId('share').click();
  const dialog = page.getByRole('dialog', { name: '分享课程' });
  const names = dialog.getByLabel('分享给');
  await names.fill('zhang');
  await names.press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.getByTestId('share-error').waitFor();
  assert.equal(await dialog.getByTestId('share-error').innerText(), '未能分享：there is no user \'zhang\' to share lesson L-102 with');
  await shot('lesson-share.png');

  await names.press('Backspace'); // the last name goes
  await names.fill('li');
  const [patch] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'PATCH'),
    dialog.getByRole('button', { name: '保存' }).click(), // li, typed, is taken when the field is left
  ]);
  assert.deepEqual(patch.postDataJSON(), { sharedWith: ['li'] });
  await dialog.waitFor({ state: 'hidden' });
  assert.match(await page.getByTestId('lesson-shared').innerText(), /已分享给\s*li$/, 'a teacher sees login names');
});

test('the teacher the lessons were shared with finds them in the list, marked', async () => {
  await logInAs(TEACHERS[1], '/lessons');
  await page.getByTestId('lessons-list').waitFor();
  assert.equal(await total(), '共 4 节');
  assert.deepEqual(await page.locator('[data-lesson]', { has: page.getByTestId('shared-mark') })
    .evaluateAll((cards) => cards.map((c) => c.dataset.lesson).sort()), ['L-101', 'L-102']);
});
