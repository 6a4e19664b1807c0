// node review-flow.mjs <base url> <find | ask | reject | publish> <lesson id> [--reason words]
// One user's part of the publishing review (YIKE_USER, YIKE_PASSWORD: logged in through the login form),
// as the browser shows it; one JSON line per step:
//   find     {"step":"listed","ids":[...]}               the lessons the lessons page lists
//            {"step":"opened","title"} | {"step":"opened","refused"}  the lesson's page: its title, or the
//                                                        warning said instead, with the server's words
//   ask      {"step":"before","state","rejection"}       the lesson page's review state, the rejection's words
//                                                        (reason, who and when) where it was rejected, else null
//            {"step":"asked","state"}                    after 申请发布
//   reject   {"step":"pending","ids":[...]}              the review page's list
//            {"step":"rejected","ids":[...]}             after 驳回 with --reason: the list again
//   publish  {"step":"pending","ids":[...]}, {"step":"published","ids":[...]}  the same with 发布, confirmed
// With YIKE_SCREENSHOTS=<folder> it also saves review-flow-<action>.png there. Any step that fails prints
// {"step", "error"} and the script exits 1.
import { join } from 'node:path';
import { openBrowser, openPage, options, print, until } from './browser.mjs';

const { positional: [base, action, id], reason } = options({ reason: '' });
if (!['find', 'ask', 'reject', 'publish'].includes(action) || !id || !process.env.YIKE_USER || !process.env.YIKE_PASSWORD) {
  console.error('usage: YIKE_USER=… YIKE_PASSWORD=… node review-flow.mjs <base url> <find | ask | reject | publish> <lesson id> [--reason words]');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
const url = (path) => new URL(path, base).href;
const SHOTS = process.env.YIKE_SCREENSHOTS;
let step = action;

/** The lessons page's cards once it has answered (a list, or none found). */
async function listed() {
  await page.locator('[data-testid=lessons-list], [data-testid=lessons-empty]').first().waitFor({ timeout: 15000 });
  return page.locator('[data-lesson]').evaluateAll((cards) => cards.map((c) => c.dataset.lesson));
}

const pending = () => page.locator('[data-testid=review-list] [data-lesson]').evaluateAll((links) => links.map((a) => a.dataset.lesson));

/** The review page's list once it has answered. */
async function reviewList() {
  await page.locator('[data-testid=review-list], [data-testid=review-empty]').first().waitFor({ timeout: 15000 });
  return pending();
}

/** Decides the lesson from its row (decide: clicks and confirms), then answers the list once the row is gone. */
async function decide(decision) {
  const row = page.locator('[data-testid=review-list] tr', { has: page.locator(`[data-lesson="${id}"]`) });
  await decision(row);
  if (!await until(async () => !(await pending()).includes(id), 10000)) throw new Error(`${id} is still listed`);
  return pending();
}

try {
  if (action === 'find') {
    await openPage(page, url('/lessons'));
    print({ step: 'listed', ids: await listed() });
    step = 'opened';
    await page.goto(url(`/lessons/${encodeURIComponent(id)}`));
    const refused = page.locator('.el-alert').filter({ hasText: '没有观看这节课的权限' });
    await page.locator('[data-testid=lesson-facts]').or(refused).first().waitFor({ timeout: 15000 });
    print(await refused.count() ? { step, refused: await refused.innerText() } : { step, title: await page.locator('h1').innerText() });
  } else if (action === 'ask') {
    await openPage(page, url(`/lessons/${encodeURIComponent(id)}`));
    const state = page.getByTestId('review-state');
    await state.waitFor({ timeout: 15000 });
    const rejection = page.getByTestId('review-rejection');
    print({ step: 'before', state: await state.innerText(), rejection: await rejection.count() ? await rejection.innerText() : null });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'review-flow-ask.png') });
    step = 'asked';
    await page.getByTestId('review-request').click();
    if (!await until(async () => await state.innerText() === '待审核', 10000)) throw new Error(`still ${await state.innerText()}`);
    print({ step, state: await state.innerText() });
  } else {
    await openPage(page, url('/review'));
    step = 'pending';
    print({ step, ids: await reviewList() });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `review-flow-${action}.png`) });
    if (action === 'reject') {
      step = 'rejected';
      print({ step, ids: await decide(async (row) => {
        await row.getByTestId('reject').click();
        const dialog = page.getByRole('dialog', { name: '驳回发布申请' });
        await dialog.getByLabel('驳回理由').fill(reason);
        await dialog.getByTestId('reject-save').click();
      }) });
    } else {
      step = 'published';
      print({ step, ids: await decide(async (row) => {
        await row.getByTestId('publish').click();
        await page.getByRole('dialog', { name: '发布课程' }).getByRole('button', { name: '发布' }).click();
      }) });
    }
  }
} catch (e) {
  print({ step, error: String(e.message ?? e) });
  process.exitCode = 1;
} finally {
  await browser.close();
}
