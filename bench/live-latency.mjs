// node bench/live-latency.mjs <page url> <seconds> [--hls] [--warmup seconds]
// Glass to glass: opens a page with one live <video> in Debian's chromium (itests/browser's harness) and
// reads the virtual classroom's time code (32 black/white cells across the picture's middle: wall-clock
// milliseconds mod 2^32, least significant bit on the left) from every presented frame
// (requestVideoFrameCallback, drawImage into a canvas, each cell's centre). A frame's latency is the
// wall clock when chromium expects to show it minus its code. Prints one JSON line: median, p95, max,
// frames read and unreadable, stalls (gaps over 0.5 s between presented frames), and the median of what
// the player held buffered beyond the frame it showed (its share of the latency).
// --hls: the room page with Media Source Extensions hidden from its "can I play FLV" check, so it
// plays HLS through hls.js as it would on a browser without MSE (hls.js still uses MSE itself).
// YIKE_USER and YIKE_PASSWORD: logs in through the login form first (live-latency.sh sets Yike's admin).
import { openBrowser, openPage, options, print, sleep, until } from '../itests/browser/browser.mjs';

const forceHls = process.argv.includes('--hls');
const { positional: [url, secondsArg], warmup } = options({ warmup: '5' });
const seconds = Number(secondsArg);
if (!url || !(seconds > 0)) {
  console.error('usage: node bench/live-latency.mjs <page url> <seconds> [--hls] [--warmup seconds]');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
// what the player says of itself (its stalls, its reconnects) goes to standard error, timed
page.on('console', (m) => m.text().startsWith('[yike]') && console.error(`${Date.now()} ${m.text()}`));
try {
  if (forceHls) {
    // The room page asks exactly this question before choosing mpegts.js (player.js hasMse()).
    await page.addInitScript(() => {
      const MSE_PROBE = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';
      // hls.js asks other strings (video/mp4;codecs=avc1.42E01E,mp4a.40.2 without the quotes and space)
      const original = MediaSource.isTypeSupported.bind(MediaSource);
      MediaSource.isTypeSupported = (type) => type !== MSE_PROBE && original(type);
    });
  }
  await page.addInitScript(() => {
    // Reads the strip of every presented frame; results in window.__codes
    window.__codes = [];
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const watched = new WeakSet();
    const read = (v) => (now, meta) => {
      const w = meta.width;
      const h = meta.height;
      if (canvas.width !== w || canvas.height !== h) Object.assign(canvas, { width: w, height: h });
      ctx.drawImage(v, 0, 0, w, h);
      const row = ctx.getImageData(0, Math.floor(h / 2), w, 1).data;
      let code = 0;
      let clean = true;
      for (let bit = 0; bit < 32; bit++) {
        const x = Math.floor((bit + 0.5) * Math.floor(w / 32));
        const luma = (row[4 * x] + row[4 * x + 1] + row[4 * x + 2]) / 3;
        if (Math.abs(luma - 128) < 64) clean = false; // neither black nor white: not the strip
        if (luma > 128) code += 2 ** bit;
      }
      const shown = performance.timeOrigin + meta.expectedDisplayTime;
      // what the player holds beyond this frame: its share of the latency
      const buffered = v.buffered.length ? v.buffered.end(v.buffered.length - 1) - meta.mediaTime : null;
      window.__codes.push({ now: performance.timeOrigin + now, shown, code: clean ? code : null, buffered, w, h });
      v.requestVideoFrameCallback(read(v));
    };
    setInterval(() => {
      for (const v of document.querySelectorAll('video')) {
        if (watched.has(v)) continue;
        watched.add(v);
        v.requestVideoFrameCallback(read(v));
      }
    }, 50);
  });
  // which path the page took: playlist requests (HLS) or a socket (WebSocket-FLV)
  let playlists = 0;
  page.on('request', (r) => { if (r.url().includes('.m3u8')) playlists++; });
  // with YIKE_USER and YIKE_PASSWORD through the login form: the room page is asked for at the click on 登录
  const opened = await openPage(page, url);
  const first = await until(() => page.evaluate(() => window.__codes.length > 0), 30000);
  if (!first) throw new Error(`no frame presented within 30 s at ${url}`);
  await sleep((seconds + Number(warmup)) * 1000);
  const frames = await page.evaluate(() => window.__codes);
  const sockets = browser.sockets.filter((w) => w.url.includes('/live/')).length;
  if (forceHls ? playlists === 0 || sockets > 0 : sockets === 0) {
    throw new Error(`the page did not play ${forceHls ? 'HLS' : 'WebSocket-FLV'}: ${playlists} playlist requests, ${sockets} sockets`);
  }
  // from the first frame on: stalls over the whole window; latency after the warm-up
  const stalls = [];
  for (let i = 1; i < frames.length; i++) {
    const gap = frames[i].now - frames[i - 1].now;
    if (gap > 500) stalls.push(Math.round(gap));
  }
  const from = frames[0].now + Number(warmup) * 1000;
  const measured = frames.filter((f) => f.now >= from);
  const lat = measured.filter((f) => f.code !== null)
    .map((f) => ((((Math.round(f.shown) % 2 ** 32) - f.code) % 2 ** 32) + 2 ** 32) % 2 ** 32)
    .map((d) => (d > 2 ** 31 ? d - 2 ** 32 : d))
    .sort((a, b) => a - b);
  const quantile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);
  const q = (p) => quantile(lat, p);
  const held = measured.map((f) => f.buffered).filter((b) => b !== null).sort((a, b) => a - b);
  const span = (measured.at(-1)?.now ?? from) - from;
  print({
    summary: {
      url, hls: forceHls, playlists, sockets, seconds, warmupSeconds: Number(warmup), framesPresented: frames.length,
      framesMeasured: measured.length, unreadable: measured.length - lat.length,
      fps: span > 0 ? Number(((measured.length - 1) / (span / 1000)).toFixed(2)) : null,
      size: frames.length ? `${frames.at(-1).w}x${frames.at(-1).h}` : null,
      medianMs: q(0.5), p95Ms: q(0.95), minMs: lat[0] ?? null, maxMs: lat.at(-1) ?? null,
      bufferedMedianMs: held.length ? Math.round(quantile(held, 0.5) * 1000) : null,
      stalls: stalls.length, stallMs: stalls, firstFrameAfterMs: Math.round(frames[0].now - opened),
    },
  });
} finally {
  await browser.close();
}
