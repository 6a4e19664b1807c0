// node bench/live-viewers.mjs <server pid> <seconds> <N> <ws url>...
// N WebSocket-FLV viewers (node `ws`, from itests/browser's node_modules), spread round-robin over the
// URLs, in one process. Opens them 100 at a time, each batch until every one has had its first message (the
// stream's headers and a key frame: the viewer plays) or 10 s, then counts each viewer's bytes over a
// window of SECONDS and reads the server's CPU (/proc/PID/stat) and RSS (/proc/PID/status) at its ends,
// its busiest threads and its own CPU. Prints one JSON line per URL and window: viewers playing, bytes/s min/median/max,
// closed (by code: 1008 = dropped as too far behind), every open viewer's bytes/s (rates), and the
// pictures each lost: jumps of over 0.2 s in its video tags' timestamps (median and max, ms).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../itests/browser/package.json', import.meta.url));
const WebSocket = require('ws');

const [pidArg, secondsArg, nArg, ...urls] = process.argv.slice(2);
const seconds = Number(secondsArg);
const n = Number(nArg);
if (!(Number(pidArg) > 0) || !(seconds > 0) || !(n > 0) || !urls.length) {
  console.error('usage: node bench/live-viewers.mjs <server pid> <seconds> <N> <ws url>...');
  process.exit(2);
}
const HZ = 100; // USER_HZ on Linux
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function serverCpu() {
  const stat = readFileSync(`/proc/${pidArg}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / HZ;
}
/** Each of the server's threads' CPU seconds, by "tid name" */
function threadsCpu() {
  const cpu = new Map();
  for (const tid of readdirSync(`/proc/${pidArg}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pidArg}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(`${tid} ${name}`, (Number(f[11]) + Number(f[12])) / HZ);
    } catch { /* the thread ended */ }
  }
  return cpu;
}
const serverRssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pidArg}/status`, 'utf8'))[1]) / 1024;
const ownCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const viewers = [];
function open(i) {
  const v = { url: urls[i % urls.length], bytes: 0, first: false, closed: null, lastVideo: null, gapMs: 0 };
  viewers.push(v);
  return new Promise((resolve) => {
    // YIKE_TOKEN: the admin token, since every live stream needs a login; permessage-deflate offered, as
    // every browser does (the server declines it)
    const ws = new WebSocket(v.url, { perMessageDeflate: true,
      headers: process.env.YIKE_TOKEN ? { Authorization: `Bearer ${process.env.YIKE_TOKEN}` } : {} });
    v.ws = ws;
    ws.on('message', (data) => {
      v.bytes += data.length;
      if (!v.first) { v.first = true; resolve(); }
      // whole FLV tags in each message (the first after the file header): a jump in the pictures'
      // timestamps is a loss of pictures
      for (let o = data[0] === 0x46 ? 13 : 0; o + 11 <= data.length; o += 11 + data.readUIntBE(o + 1, 3) + 4) {
        if (data[o] !== 9) continue;
        const ts = ((data[o + 7] << 24) | data.readUIntBE(o + 4, 3)) >>> 0;
        if (v.lastVideo !== null && ts - v.lastVideo > 200) v.gapMs += ts - v.lastVideo;
        v.lastVideo = ts;
      }
    });
    ws.on('close', (code) => { v.closed = code; resolve(); });
    ws.on('error', (e) => { v.error = e.message; });
  });
}

const t0 = Date.now();
for (let i = 0; i < n; i += 100) {
  const batch = [];
  for (let k = i; k < Math.min(n, i + 100); k++) batch.push(open(k));
  await Promise.race([Promise.all(batch), sleep(10000)]);
}
const openS = (Date.now() - t0) / 1000;
// a second for the last ones' key-frame burst, then the window
await sleep(1000);
const start = { at: Date.now(), cpu: serverCpu(), own: ownCpu(), threads: threadsCpu(), bytes: viewers.map((v) => v.bytes),
  gaps: viewers.map((v) => v.gapMs) };
await sleep(seconds * 1000);
const end = { at: Date.now(), cpu: serverCpu(), own: ownCpu(), threads: threadsCpu(), rss: serverRssMb() };
const window = (end.at - start.at) / 1000;
// the busiest threads over the window, % of a core
const busiest = [...end.threads].map(([t, c]) => [t.replace(/^\d+ /, ''), Math.round(((c - (start.threads.get(t) ?? 0)) / window) * 100)])
  .sort((a, b) => b[1] - a[1]).slice(0, 4);
for (const url of urls) {
  const mine = viewers.map((v, i) => ({ ...v, rate: (v.bytes - start.bytes[i]) / window, lostMs: v.gapMs - start.gaps[i] }))
    .filter((v) => v.url === url);
  const lost = mine.filter((v) => v.closed === null).map((v) => v.lostMs).sort((a, b) => a - b);
  const rates = mine.filter((v) => v.closed === null).map((v) => v.rate).sort((a, b) => a - b);
  const median = rates.length ? rates[Math.floor(rates.length / 2)] : 0;
  const closed = {};
  for (const v of mine) if (v.closed !== null) closed[v.closed] = (closed[v.closed] ?? 0) + 1;
  process.stdout.write(`${JSON.stringify({
    url, viewers: mine.length, playing: mine.filter((v) => v.first).length, openS, window,
    minBps: rates[0] ?? 0, medianBps: median, maxBps: rates.at(-1) ?? 0,
    rates: rates.map(Math.round), closed,
    lostMsMedian: lost.length ? lost[Math.floor(lost.length / 2)] : 0, lostMsMax: lost.at(-1) ?? 0,
    errors: [...new Set(mine.map((v) => v.error).filter(Boolean))].slice(0, 3),
    serverCpu: end.cpu - start.cpu, serverRssMb: end.rss, clientCpu: end.own - start.own, busiest,
  })}\n`);
}
for (const v of viewers) v.ws.terminate();
