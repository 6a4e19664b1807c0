// The lessons page and the lesson player against fixture-server.mjs (its catalog: fixture-lessons.mjs):
// a search by a two-character word, the lesson opened from the list, its two streams played in step
// through a switch of the main stream, a chapter jump and a speed change, the keyboard, a phone's width.
// With YIKE_SCREENSHOTS=<folder> it also takes lessons.png and player.png. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login, screenshot, until } from '../browser.mjs';
import { FRAME_S, inStep as waitInStep, videos as readVideos } from '../player.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';
import { LESSON } from '../fixture-lessons.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
let page;

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/lessons');
});

const shot = (name) => screenshot(page, name);
const titles = () => page.locator('[data-lesson] .title').allInnerTexts();

const videos = () => readVideos(page);

/** The first sample of a second in step after what happened; fails with the distances seen. */
async function inStep(what) {
  const { inStep: first, apartMs } = await waitInStep(page);
  assert.ok(first, `${what}: a second within ${FRAME_S * 1000} ms; apart (ms): ${apartMs.join(', ')}`);
  return first;
}

test('the lessons page lists the catalog and finds lessons by a two-character word', async () => {
  await page.getByTestId('lessons-list').waitFor();
  assert.equal(await page.getByTestId('lessons-total').innerText(), '共 10 节');
  assert.match((await page.locator(`[data-lesson="${LESSON}"]`).innerText()), /勾股定理[\s\S]*王老师 · 数学 · 八年级\(2\)班[\s\S]*第 3 节[\s\S]*101 教室/);
  await shot('lessons.png');

  await page.getByTestId('lessons-search').fill('定理');
  await page.getByTestId('lessons-search').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === '定理');
  await until(async () => (await titles()).length === 3, 5000);
  assert.deepEqual((await titles()).sort(), ['勾股定理', '勾股定理的逆定理', '正弦定理与余弦定理'].sort());

  await page.getByTestId('lessons-search').fill('相对论');
  await page.getByTestId('lessons-submit').click();
  await page.getByTestId('lessons-empty').waitFor();
  assert.match(await page.getByTestId('lessons-empty').innerText(), /没有找到符合条件的课程/);
  await page.goBack();
  await until(async () => (await titles()).length === 3, 5000);
});

test('the lesson opens from the list and plays its two streams, switched, in step after a chapter jump and a speed change', async () => {
  await page.locator(`[data-lesson="${LESSON}"]`).click();
  await page.waitForURL(`**/lessons/${LESSON}`);
  await page.getByTestId('lesson-analysis').waitFor();
  assert.equal(await page.getByTestId('analysis-type').innerText(), '对话型', 'the S-T type above the player');
  assert.equal(await page.getByTestId('analysis-rt').innerText(), '50%');
  assert.equal(await page.getByTestId('analysis-ch').innerText(), '50%');
  assert.match(await page.getByTestId('lesson-analysis').innerText(), /讲台 75%[\s\S]*黑板 25%/);
  await until(async () => { const v = await videos(); return v.main?.ready >= 2 && v.pip?.ready >= 2; }, 10000);
  let v = await videos();
  assert.equal(v.main.stream, 'program');
  assert.match(v.main.src, /\/files\/program\.mp4$/);
  assert.equal(v.pip.stream, 'resource-cam1_teacher.mp4');

  await page.getByTestId('play').click();
  assert.ok(await until(async () => (await videos()).main.t > 1.5, 5000), 'the lesson plays');
  v = await videos();
  assert.ok(!v.main.paused && !v.pip.paused, 'both streams play');

  await page.getByTestId('swap').click();
  v = await videos();
  assert.equal(v.main.stream, 'resource-cam1_teacher.mp4', 'the teacher camera is the main view');
  assert.equal(v.pip.stream, 'program');
  assert.ok(!v.main.paused && !v.pip.paused, 'switching does not stop them');

  await page.getByTestId('chapter-2').click();
  const jumped = await inStep('after the jump to 例题讲解');
  assert.ok(jumped.main.t >= 10 && jumped.main.t < 12, `at the chapter (10 s): ${jumped.main.t}`);
  assert.equal(await page.getByTestId('chapter-2').getAttribute('aria-current'), 'true');

  await page.getByTestId('speed').click();
  await page.getByRole('option', { name: '1.5x' }).click();
  const sped = await inStep('after the speed change');
  assert.equal(sped.main.rate, 1.5);
  assert.ok(await until(async () => (await videos()).pip.rate === 1.5, 3000), `the pip at 1.5x once in step: ${JSON.stringify(await videos())}`);
  await shot('player.png');
});

test('the keyboard plays, pauses, seeks and jumps to chapters; paused streams show the same frame', async () => {
  await page.locator('h1').click(); // nothing focused that takes the keys itself
  const at = (t) => until(async () => { const { main, pip } = await videos(); return Math.abs(main.t - t) < 0.001 && Math.abs(pip.t - t) < 0.001; }, 3000);
  await page.keyboard.press('1');
  assert.ok(await until(async () => (await videos()).main.t < 2, 3000), '1 goes to the first chapter');
  await page.keyboard.press('Space');
  assert.ok(await until(async () => (await videos()).main.paused, 2000), 'space pauses');
  await page.keyboard.press('2');
  assert.ok(await at(5), `2 goes to the second chapter (5 s), both streams: ${JSON.stringify(await videos())}`);
  await page.keyboard.press('ArrowRight');
  assert.ok(await at(10), `→ seeks 5 s on: ${JSON.stringify(await videos())}`);
  await page.keyboard.press('ArrowLeft');
  assert.ok(await at(5), `← seeks 5 s back: ${JSON.stringify(await videos())}`);
  await page.keyboard.press('Space');
  assert.ok(await until(async () => !(await videos()).main.paused, 2000), 'space plays again');
  const labels = await page.locator('.player button, .player [role=slider], .player [role=switch]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') || e.innerText.trim()));
  assert.ok(labels.every(Boolean), `every control is named: ${JSON.stringify(labels)}`);
  assert.ok(labels.includes('播放进度') && labels.includes('切换主画面与画中画'));
});

test('on a phone\'s width the player plays the mobile profile', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await until(async () => /program-mobile\.mp4$/.test((await videos()).pip?.src ?? ''), 5000),
    `the program's mobile profile: ${JSON.stringify(await videos())}`);
  await page.setViewportSize({ width: 1280, height: 800 });
});
