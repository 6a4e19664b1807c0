// node lesson-player.mjs <base url> <words> [--chapter N] [--screenshot file.png]
// A teacher (YIKE_USER, YIKE_PASSWORD: logged in through the login form) finds their lesson on the
// lessons page by <words>, opens the first found, plays it, makes the teacher camera the main view,
// jumps to chapter N (counted from 1; default 2) and watches the two streams; one JSON line per step:
//   {"step":"found","titles":[...]}                    the lessons the search listed
//   {"step":"playing","main":{...},"pip":{...}}         the two videos once both play: stream, t (on the
//                                                        lesson's clock, s), rate, paused, ready
//   {"step":"switched","main":{...},"pip":{...}}        after 切换主画面
//   {"step":"jumped","chapter","inStep":{main,pip}|null,"apartMs":[...]}  after the jump: the first sample of a
//                                                        second with the streams within a frame, and every distance seen
//   {"step":"viewed","status","body"}                  played on at double speed: the player's view, once it
//                                                        has played 10 s, as the server answered it
// Any step that fails prints {"step", "error"} and the script exits 1.
import { openBrowser, openPage, options, print, until } from './browser.mjs';
import { inStep, videos } from './player.mjs';

const { positional: [base, words], chapter, screenshot } = options({ chapter: '2', screenshot: '' });
if (!words || !process.env.YIKE_USER || !process.env.YIKE_PASSWORD) {
  console.error('usage: YIKE_USER=… YIKE_PASSWORD=… node lesson-player.mjs <base url> <words> [--chapter N] [--screenshot file.png]');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
let step = 'found';
try {
  await openPage(page, new URL('/lessons', base).href);
  await page.getByTestId('lessons-search').fill(words);
  await page.getByTestId('lessons-search').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === words);
  const titles = () => page.locator('[data-lesson] .title').allInnerTexts();
  await until(async () => (await titles()).length > 0, 10000);
  print({ step, titles: await titles() });

  step = 'playing';
  const viewed = page.waitForResponse((r) => r.url().endsWith('/views') && r.request().method() === 'POST', { timeout: 60000 });
  viewed.catch(() => {}); // awaited below; a failure before then is that step's
  await page.locator('[data-lesson]').first().click();
  await until(async () => { const v = await videos(page); return v.main?.ready >= 2 && v.pip?.ready >= 2; }, 15000);
  await page.getByTestId('play').click();
  await until(async () => (await videos(page)).main.t > 1.5, 10000);
  print({ step, ...await videos(page) });

  step = 'switched';
  await page.getByTestId('swap').click();
  await until(async () => (await videos(page)).main.stream !== 'program', 5000);
  print({ step, ...await videos(page) });

  step = 'jumped';
  await page.getByTestId(`chapter-${Number(chapter) - 1}`).click();
  print({ step, chapter: Number(chapter), ...await inStep(page) });

  step = 'viewed';
  // back to the first chapter (5 s), so that 15 s of the lesson are left to play: the view needs 10
  await page.getByTestId('chapter-0').click();
  for (const _ of [1.25, 1.5, 2]) await page.keyboard.press('>');
  const answer = await viewed;
  print({ step, status: answer.status(), body: await answer.json() });
  if (screenshot) await page.screenshot({ path: screenshot });
} catch (e) {
  print({ step, error: e.message });
  process.exitCode = 1;
} finally {
  await browser.close();
}
