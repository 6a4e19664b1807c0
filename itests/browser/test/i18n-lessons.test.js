// The lessons page, a lesson's player with its share dialog, and the directing desk in English (issue 17,
// second part), against fixture-server.mjs: their own words, the facets and set filters, the player's
// controls and chapters, the layouts, a cut's message; the lessons' and rooms' names stay as the server
// sends them (Chinese here). With YIKE_SCREENSHOTS=<folder> it also takes en-lessons.png, en-player.png
// and en-directing.png. Needs the pages built and ffmpeg.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';
import { LESSON } from '../fixture-lessons.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
let page;

before(async () => {
  page = await session.start();
  await login(page, BASE, ADMIN.name, ADMIN.password, '/lessons');
  // a teacher to share with, shown by name and login
  const made = await page.evaluate(async () => (await fetch('/api/users', { method: 'POST',
    headers: { 'Content-Type': 'application/json',
      'X-CSRF-Token': decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)[1]) },
    body: JSON.stringify({ name: 'li', displayName: '李老师', password: 'moonlight', role: 'teacher', scope: '南山实验学校' }) })).status);
  assert.equal(made, 201);
  await page.getByRole('button', { name: 'English' }).click();
});

const CHINESE = /[\u4e00-\u9fff]/;

const shot = (name) => screenshot(page, name);

test('the lessons page in English: the search, the filters, the facets, a card, a set filter, nothing found', async () => {
  await page.getByTestId('lessons-list').waitFor();
  assert.equal(await page.title(), 'Lessons · Yike');
  assert.equal(await page.getByTestId('lessons-total').innerText(), '10 lessons');
  assert.match(await page.getByTestId('lessons-search').getAttribute('placeholder'), /^Search titles, subjects/);
  const fields = page.locator('form.filters');
  const placeholders = await fields.locator('input').evaluateAll((inputs) => inputs.map((i) => i.placeholder));
  assert.deepEqual(placeholders.slice(1).filter(Boolean), ['Room', 'Teacher', 'Subject', 'Class', 'Start date', 'End date']);
  assert.match(await fields.innerText(), /Search[\s\S]*All states\s+All reviews\s+Clear filters/);
  assert.match(await page.locator(`[data-lesson="${LESSON}"]`).innerText(),
    /勾股定理[\s\S]*王老师 · 数学 · 八年级\(2\)班[\s\S]*Period 3[\s\S]*Room 101/);
  const facets = page.getByTestId('facets');
  assert.match(await facets.innerText(), /^Narrow down\s+Room[\s\S]+Teacher[\s\S]+Subject[\s\S]+Class[\s\S]+State[\s\S]+Recorded/);
  await shot('en-lessons.png');

  await facets.locator('[data-facet="room"] button', { hasText: '101' }).click();
  await until(async () => await page.getByTestId('lessons-total').innerText() === '4 lessons', 5000);
  assert.match(await page.getByTestId('lessons-filters').innerText(), /^Filters\s+Room: 101\s+Clear all$/);
  assert.equal(await facets.locator('[data-facet="room"] button', { hasText: '101' }).getAttribute('title'),
    'Stop filtering by Room');

  await page.getByTestId('lessons-search').fill('相对论');
  await page.getByTestId('lessons-submit').click();
  await page.getByTestId('lessons-empty').waitFor();
  assert.match(await page.getByTestId('lessons-empty').innerText(), /No lesson matches: try other words or fewer filters\s+Clear filters/);
});

test('a lesson\'s player and share dialog in English; the lesson\'s own words as sent', async () => {
  await page.goto(`${BASE}/lessons/${LESSON}`);
  const player = page.locator('.player');
  await page.getByTestId('player-main').waitFor();
  assert.equal(await page.getByTestId('play').getAttribute('aria-label'), 'Play');
  assert.equal(await page.getByTestId('play').getAttribute('title'), 'Play (space)');
  const streams = await player.locator('.streams').innerText();
  assert.match(streams, /^Main picture\s+Program\s+Teacher close-up\s+Swap\s+Picture-in-picture\s+Download$/);
  assert.match(await player.locator('.keys').innerText(), /^Space play\/pause · ←\/→ back\/forward 5 s · 1–9 go to a chapter · < \/ > slower\/faster$/);
  assert.equal(await player.locator('.stage .label').innerText(), 'Program');
  const chapters = await player.locator('nav.chapters').innerText();
  assert.match(chapters, /^Chapters \d+/);
  assert.ok(CHINESE.test(chapters), 'the chapters\' titles as the lesson has them');
  await shot('en-player.png');

  await page.getByTestId('share').click();
  const dialog = page.getByRole('dialog', { name: 'Share the lesson' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Share with[\s\S]*These teachers find the lesson[\s\S]*Cancel\s+Save/);
  await dialog.locator('.el-select__wrapper').click();
  await page.getByRole('option').first().waitFor();
  assert.deepEqual(await page.getByRole('option').allInnerTexts(), ['李老师 (li)']);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('the directing desk in English: the layouts, the sources, a cut and its message, the presets', async () => {
  await page.goto(`${BASE}/console/directing?room=101`);
  await page.getByTestId('sources').locator('[data-key="virtual-101/teacher"]').waitFor();
  assert.equal(await page.title(), 'Directing · Console · Yike');
  assert.match(await page.getByTestId('layouts').innerText(),
    /^Full screen\s+PiP · top left\s+PiP · top right\s+PiP · bottom left\s+PiP · bottom right\s+Side by side\s+Quad$/);
  const controls = page.locator('.controls');
  assert.match(await controls.innerText(), /Shot\s+Layout[\s\S]*Sources \(pick 2 in order; the first is the main picture\)/);
  assert.match(await controls.innerText(), /Cut\s+Automatic\s+PiP · top right needs 2 sources, 0 picked/);
  assert.match(await page.getByTestId('presets').innerText(), /Click a preset: the camera turns there and the program cuts to it full screen/);

  await page.getByTestId('layouts').getByText('Full screen', { exact: true }).click();
  await page.getByTestId('sources').locator('[data-key="virtual-101/teacher"]').click();
  await page.getByTestId('cut').click();
  await page.getByText('Room 101 cut to Full screen').waitFor();
  const cuts = await (await fetch(`${BASE}/_fixture/cuts`)).json();
  assert.deepEqual(cuts.at(-1).body, { layout: 'FULL', sources: ['virtual-101/teacher'], cause: '导播台' }, 'the cause as the lesson records it');
  await shot('en-directing.png');

  await page.getByTestId('resume').click();
  await page.getByText('Room 101 is directed automatically again').waitFor();
});
