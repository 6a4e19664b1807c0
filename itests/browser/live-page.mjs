// node live-page.mjs <room page url> [--seconds N] [--every ms] [--screenshot file.png] [--stdin stop]
// Opens a room's live page and prints, for N seconds (with --stdin stop: or until its standard input
// closes, for a test that decides when it has seen enough), every 500 ms (--every), what a viewer would see: the badge's state, the
// frames the video has shown, its currentTime, the page's heading, how far it plays behind what it has received, whether
// it is muted; then one line {"summary": ...} (with the WebSocket extensions the browser and the server agreed on). A test that restarts the runtime meanwhile reads from
// the samples how soon the picture came back. With YIKE_USER and YIKE_PASSWORD set it logs in through the
// login form first and lands on the page.
import { openBrowser, openPage, options, print, sleep } from './browser.mjs';

const { positional: [url], seconds, every, screenshot, stdin } = options({ seconds: '10', every: '500' });
if (!url) {
  console.error('usage: node live-page.mjs <room page url> [--seconds N] [--every ms] [--screenshot file.png] [--stdin stop]');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
// what the player says (why it reconnects) goes to standard error, for a test's log
page.on('console', (m) => console.error(`${Date.now()} console: ${m.text()}`));
try {
  await openPage(page, url);
  let end = Date.now() + Number(seconds) * 1000;
  if (stdin === 'stop') process.stdin.on('end', () => { end = 0; }).on('error', () => { end = 0; }).resume();
  const samples = [];
  while (Date.now() < end) {
    const sample = await page.evaluate(() => {
      const v = document.querySelector('video');
      const badge = document.querySelector('[data-testid=player-state]');
      const buffered = v && v.buffered.length ? v.buffered.end(v.buffered.length - 1) : null;
      return {
        state: badge?.dataset.state ?? null,
        frames: v?.__frames ?? 0,
        currentTime: v?.currentTime ?? null,
        latency: buffered === null ? null : buffered - v.currentTime,
        muted: v?.muted ?? null,
        stream: v?.dataset.stream ?? null,
        heading: document.querySelector('h1')?.textContent ?? null,
      };
    });
    samples.push(sample);
    print({ sample });
    await sleep(Number(every));
  }
  if (screenshot) await page.screenshot({ path: screenshot });
  // what this browser's own WebSocket (which offers permessage-deflate) agrees with the server on
  const extensions = await page.evaluate((u) => new Promise((resolve) => {
    const ws = new WebSocket(u.replace(/^http/, 'ws').replace(/\/room\/([^/?]+).*$/, '/live/$1/live'));
    ws.onopen = () => { resolve(ws.extensions); ws.close(); };
    ws.onerror = () => resolve(null);
  }), url);
  const live = samples.filter((s) => s.state === 'live');
  const latencies = live.map((s) => s.latency).filter((l) => l !== null).sort((a, b) => a - b);
  print({
    summary: {
      lastState: samples.at(-1)?.state ?? null,
      frames: samples.at(-1)?.frames ?? 0,
      currentTime: samples.at(-1)?.currentTime ?? null,
      liveSamples: live.length,
      samples: samples.length,
      medianLatency: latencies.length ? latencies[Math.floor(latencies.length / 2)] : null,
      maxLatency: latencies.length ? latencies.at(-1) : null,
      extensions,
    },
  });
} finally {
  if (stdin === 'stop') process.stdin.destroy();
  await browser.close();
}
