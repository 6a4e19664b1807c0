// Debian's chromium through playwright-core, as the itests run it: headless, sound allowed without a
// click, a fresh profile each time; every line the scripts print is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'yike-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
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
