// Debian's chromium through playwright-core, as the itests run it: headless, sound allowed without a
// click, a fresh profile each time, Chinese as the browser's language (the pages' first; the scripts read
// their Chinese words) unless another is asked for; every line the scripts print is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** locale: the browser's language (navigator.languages, Accept-Language), which the pages start in. */
export async function openBrowser({ locale = 'zh-CN' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'yike-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale,
    viewport: { width: 1280, height: 800 },
    args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // counts the frames each <video> shows (requestVideoFrameCallback): the proof that a picture is live
  await context.addInitScript(() => {
    setInterval(() => {
      for (const v of document.querySelectorAll('video')) {
        if (v.__frames !== undefined) continue;
        v.__frames = 0;
        const frame = () => { v.__frames++; v.requestVideoFrameCallback(frame); };
        v.requestVideoFrameCallback(frame);
      }
    }, 50);
  });
  const sockets = [];
  context.on('page', (page) => watchSockets(page, sockets));
  const page = context.pages()[0] ?? await context.newPage();
  watchSockets(page, sockets);
  return {
    context,
    page,
    sockets,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function watchSockets(page, sockets) {
  page.on('websocket', (ws) => {
    const entry = { url: ws.url(), opened: Date.now(), closed: null };
    sockets.push(entry);
    ws.on('close', () => { entry.closed = Date.now(); });
  });
}

export function print(object) {
  process.stdout.write(`${JSON.stringify({ t: Date.now(), ...object })}\n`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls check() until it answers something truthy or the deadline passes (then answers null). */
export async function until(check, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await check();
    if (answer) return answer;
    if (Date.now() > deadline) return null;
    await sleep(everyMs);
  }
}

/**
 * Logs in through the login form as a person would: opens it (to come back to next), types name and
 * password, clicks 登录 and waits until the app shows the page with the user in its bar. Answers when
 * 登录 was clicked; throws with the form's own words when the login is refused.
 */
export async function login(page, baseUrl, name, password, next = '/') {
  await page.goto(new URL(`/login?next=${encodeURIComponent(next)}`, baseUrl).href);
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码').fill(password);
  const clicked = Date.now();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const outcome = await until(async () => {
    const error = page.getByTestId('login-error');
    if (await error.isVisible()) return { error: await error.innerText() };
    return new URL(page.url()).pathname !== '/login' && await page.getByTestId('current-user').isVisible() ? { in: true } : null;
  }, 15000, 50);
  if (!outcome) throw new Error(`login as ${name}: still on ${page.url()} after 15 s`);
  if (outcome.error) throw new Error(`login as ${name} refused: ${outcome.error}`);
  return clicked;
}

/**
 * Opens url, through the login form when YIKE_USER and YIKE_PASSWORD are set (the itests and the bench
 * set Yike's admin and its token). Answers when the page was asked for: the navigation or the click on 登录.
 */
export async function openPage(page, url) {
  const { YIKE_USER: name, YIKE_PASSWORD: password } = process.env;
  if (!name || !password) {
    const asked = Date.now();
    await page.goto(url);
    return asked;
  }
  const { origin, pathname, search } = new URL(url);
  return login(page, origin, name, password, pathname + search);
}

/** Reads "--name value" options after the positional arguments. */
export function options(defaults) {
  const args = process.argv.slice(2);
  const positional = [];
  const found = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) found[args[i].slice(2)] = args[++i];
    else positional.push(args[i]);
  }
  return { positional, ...found };
}

/** Resolves once every animation of the page has ended, the endless ones (a live badge's pulse, a spinner) aside. */
export function settled(page) {
  return page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
    || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 5000 });
}

/**
 * With YIKE_SCREENSHOTS=<folder>, the page as its user sees it, into <folder>/<name>: the pointer out of the
 * way, the messages gone, the dialogs and drawers done sliding in. Without it, nothing.
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const folder = process.env.YIKE_SCREENSHOTS;
  if (!folder) return;
  await page.mouse.move(0, 0);
  await until(async () => await page.locator('.el-message').count() === 0, 8000);
  await settled(page);
  await page.screenshot({ path: join(folder, name), fullPage });
}

/** Logs out through the bar's button, then in as user, onto the page next. */
export async function relogin(page, baseUrl, user, next) {
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await login(page, baseUrl, user.name, user.password, next);
}

/** A call of the API from the page, as its logged-in user, with the CSRF header: {status, body} (null where none). */
export function apiCall(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const token = decodeURIComponent(document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)?.[1] ?? '');
    const res = await fetch(p, { method: m, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, [method, path, body]);
}
