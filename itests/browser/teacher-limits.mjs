// node teacher-limits.mjs <base url> <own lesson id> <a colleague's lesson id>
// What a teacher (YIKE_USER, YIKE_PASSWORD: logged in through the login form) cannot do, as the browser
// shows it; one JSON line per step:
//   {"step":"lesson","title","text"}       a colleague's lesson: the page's warning and the server's words
//   {"step":"console","title","text"}      the console: the 403 said instead of the page
//   {"step":"forged","status","error"}     a change to their own lesson sent without the X-CSRF-Token header
//   {"step":"loggedOut","path"}            after 退出登录, where the lessons page leads
// Any step that fails prints {"step", "error"} and the script exits 1.
import { openBrowser, openPage, options, print } from './browser.mjs';

const { positional: [base, own, colleagues] } = options({});
if (!colleagues || !process.env.YIKE_USER || !process.env.YIKE_PASSWORD) {
  console.error('usage: YIKE_USER=… YIKE_PASSWORD=… node teacher-limits.mjs <base url> <own lesson id> <a colleague\'s lesson id>');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
let step = 'lesson';
try {
  await openPage(page, new URL(`/lessons/${colleagues}`, base).href);
  const warning = page.locator('.el-alert').filter({ hasText: '没有观看这节课的权限' });
  await warning.waitFor({ timeout: 15000 });
  print({ step, title: '没有观看这节课的权限', text: await warning.innerText() });

  step = 'console';
  await page.goto(new URL('/console/devices', base).href);
  const result = page.locator('.el-result');
  await result.waitFor({ timeout: 15000 });
  print({ step, title: await result.locator('.el-result__title').innerText(), text: await result.innerText() });

  step = 'forged';
  // what another site's form could send: the session cookie goes along, the CSRF header cannot
  const forged = await page.evaluate(async (id) => {
    const r = await fetch(`/api/lessons/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: '改了' }) });
    return { status: r.status, body: await r.text() };
  }, own);
  print({ step, status: forged.status, error: JSON.parse(forged.body).error });

  step = 'loggedOut';
  await page.goto(new URL('/lessons', base).href);
  await page.getByTestId('logout').click();
  await page.waitForURL((u) => u.pathname === '/login', { timeout: 15000 });
  await page.goto(new URL('/lessons', base).href);
  await page.waitForURL((u) => u.pathname === '/login', { timeout: 15000 });
  print({ step, path: new URL(page.url()).pathname + new URL(page.url()).search });
} catch (e) {
  print({ step, error: String(e.message ?? e) });
  process.exitCode = 1;
} finally {
  await browser.close();
}
