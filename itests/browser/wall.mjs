// node wall.mjs <wall url> [--screenshot file.png]
// Walks the patrol wall as a person would and prints one line per step:
//   {"step":"playing"}  the tiles on screen, which of them show moving pictures, the sockets open
//   {"step":"scrolled"} after scrolling to the bottom: when it scrolled, the tiles now off screen, the sockets closed since
//   {"step":"hidden"}   after the tab went to the background (emulated, see below): the sockets still open
//   {"step":"shown"}    back in front: the sockets open again
//   {"step":"clicked"}  after clicking the first live tile: the page's address, muted or not, the badge
// With YIKE_USER and YIKE_PASSWORD set it logs in through the login form first.
import { openBrowser, openPage, options, print, sleep, until } from './browser.mjs';

const { positional: [url], screenshot, wait } = options({ wait: '20' });
if (!url) {
  console.error('usage: node wall.mjs <wall url> [--screenshot file.png] [--wait seconds]');
  process.exit(2);
}

const browser = await openBrowser();
const { page, sockets } = browser;
const openSockets = () => sockets.filter((s) => s.closed === null).map((s) => s.url);

const tiles = () => page.evaluate(() => [...document.querySelectorAll('.tile')].map((t) => {
  const r = t.getBoundingClientRect();
  const v = t.querySelector('video');
  return {
    room: t.dataset.room,
    state: t.dataset.state,
    onScreen: r.bottom > 0 && r.top < innerHeight,
    stream: v?.dataset.stream ?? null,
    frames: v?.__frames ?? 0,
  };
}));

/** Waits until every live tile on screen has shown frames, twice, a second apart (so they move). */
async function playing() {
  let before = null;
  return until(async () => {
    const now = await tiles();
    const live = now.filter((t) => t.onScreen && t.state !== 'idle' && t.stream);
    const moving = before && live.length > 0 && live.every((t) => {
      const b = before.find((x) => x.room === t.room);
      return b && t.frames > b.frames && t.frames > 0;
    });
    before = now;
    return moving ? now : null;
  }, Number(wait) * 1000, 1000) ?? tiles();
}

try {
  await openPage(page, url);
  await page.waitForSelector('.tile', { timeout: 15000 }).catch(() => {});
  print({ step: 'playing', tiles: await playing(), open: openSockets() });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  const mark = Date.now();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const offScreen = async () => (await tiles()).filter((t) => !t.onScreen).map((t) => t.room);
  const off = await offScreen();
  await until(async () => {
    const open = openSockets();
    return off.every((room) => !open.some((u) => u.includes(`/live/${encodeURIComponent(room)}/`)));
  }, 5000);
  print({
    step: 'scrolled',
    scrolledAt: mark,
    offScreen: off,
    closed: sockets.filter((s) => s.closed !== null && s.closed >= mark).map((s) => s.url),
    open: openSockets(),
    tiles: await tiles(),
  });

  // Headless chromium keeps every tab visible (another tab in front or a minimised window change
  // nothing), so the tab goes to the background the way the page sees it: document.hidden and a
  // visibilitychange event.
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await until(() => openSockets().length === 0, 5000);
  print({ step: 'hidden', open: openSockets() });

  await setHidden(false);
  await until(() => openSockets().length > 0, 5000);
  print({ step: 'shown', open: openSockets() });

  await page.evaluate(() => window.scrollTo(0, 0));
  const first = (await tiles()).find((t) => t.onScreen && t.state === 'live');
  if (first) {
    await page.click(`.tile[data-room="${first.room}"]`);
    await page.waitForURL('**/room/**');
    const state = await until(() => page.evaluate(() => {
      const badge = document.querySelector('[data-testid=player-state]');
      return badge?.dataset.state === 'live' ? 'live' : null;
    }), 10000);
    print({
      step: 'clicked',
      room: first.room,
      url: page.url(),
      state: state ?? await page.evaluate(() => document.querySelector('[data-testid=player-state]')?.dataset.state),
      muted: await page.evaluate(() => document.querySelector('video')?.muted ?? null),
    });
  }
} finally {
  await browser.close();
}
