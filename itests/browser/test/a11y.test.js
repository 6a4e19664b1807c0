// axe-core (npm) on the main pages (login, wall, room, users, lessons, player), served by fixture-server.mjs as Yike serves them: no serious or
// critical violation of WCAG 2 A/AA rules. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { login, openBrowser } from '../browser.mjs';
import { ADMIN, fixturePort, startFixture } from '../fixture-start.mjs';
import { LESSON } from '../fixture-lessons.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PORT = fixturePort();
const BASE = `http://127.0.0.1:${PORT}`;
let fixture;
let browser;
let page;

before(async () => {
  fixture = await startFixture(PORT);
  browser = await openBrowser();
  page = browser.page;
});
after(async () => {
  await browser?.close();
  fixture?.kill();
});

/** The serious and critical violations on the page as it is now, one line each with where. */
async function violations() {
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
  await check('lessons');
  await page.goto(`${BASE}/lessons/${LESSON}`);
  await page.locator('video').first().waitFor();
  await check('player');
});
