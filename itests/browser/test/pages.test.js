// The pages against fixture-server.mjs (not Yike: the itests check the product): the room page plays,
// comes back within 3 s of a server restart, waits while its room is idle; the wall pulls only what is
// on screen. The scripts log in through the form as the itests have them do. Needs the pages built
// (mvn -pl bundles/org.yike.web.pages verify) and ffmpeg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ADMIN, fixturePort, startFixture as start } from '../fixture-start.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PORT = fixturePort();
const BASE = `http://127.0.0.1:${PORT}`;
const startFixture = () => start(PORT);

/** Runs a harness script and hands each JSON line to onLine as it comes; resolves with all of them. */
function run(script, args, onLine = () => {}) {
  const child = spawn('node', [here(`../${script}`), ...args], { stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, YIKE_USER: ADMIN.name, YIKE_PASSWORD: ADMIN.password } });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (l) => {
    const line = JSON.parse(l);
    lines.push(line);
    onLine(line);
  });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`${script} exited ${code}`)))));
}

const setRoom = (room, state) => fetch(`${BASE}/_fixture/rooms/${encodeURIComponent(room)}?state=${state}`, { method: 'POST' });

test('the room page plays live, low latency, and is live again within 3 s of a restart', async () => {
  let fixture = await startFixture();
  let restartedAt = null;
  let restarting = false;
  const lines = await run('live-page.mjs', [`${BASE}/room/101`, '--seconds', '16'], async (line) => {
    if (restarting || !line.sample || line.sample.state !== 'live' || line.sample.frames < 50) return;
    restarting = true;
    fixture.kill();
    await new Promise((r) => setTimeout(r, 2000));
    fixture = await startFixture();
    restartedAt = Date.now();
  });
  fixture.kill();
  assert.ok(restartedAt, 'the page played before the restart');
  const samples = lines.filter((l) => l.sample);
  assert.ok(samples.some((s) => s.t < restartedAt && s.sample.state === 'reconnecting'), 'said reconnecting while down');
  const back = samples.find((s) => s.t > restartedAt && s.sample.state === 'live');
  assert.ok(back, 'live again after the restart');
  assert.ok(back.t - restartedAt <= 3000, `live again ${back.t - restartedAt} ms after the restart`);
  const summary = lines.at(-1).summary;
  assert.equal(summary.lastState, 'live');
  assert.ok(summary.medianLatency < 1, `median latency ${summary.medianLatency} s`);
});

test('the room page waits while its room is idle and plays when it is live again', async () => {
  const fixture = await startFixture();
  let step = 0;
  const lines = await run('live-page.mjs', [`${BASE}/room/202`, '--seconds', '14'], async (line) => {
    if (step === 0 && line.sample?.state === 'live') {
      step = 1;
      await setRoom('202', 'idle');
    } else if (step === 1 && line.sample?.state === 'idle') {
      step = 2;
      await setRoom('202', 'live');
    }
  });
  fixture.kill();
  const states = lines.filter((l) => l.sample).map((l) => l.sample.state);
  const idle = states.indexOf('idle');
  assert.ok(idle > 0, `went idle: ${states}`);
  assert.ok(!states.slice(idle).includes('reconnecting') || states.lastIndexOf('live') > idle, `${states}`);
  assert.equal(states.at(-1), 'live', `${states}`);
});

test('the wall plays the tiles on screen only, drops them off screen and in a hidden tab, opens a room with sound', async () => {
  const fixture = await startFixture();
  const steps = Object.fromEntries((await run('wall.mjs', [BASE + '/'])).map((l) => [l.step, l]));
  fixture.kill();
  const playing = steps.playing.tiles.filter((t) => t.onScreen && t.state !== 'idle');
  assert.ok(playing.length >= 4 && playing.every((t) => t.frames > 0), JSON.stringify(steps.playing.tiles));
  assert.ok(steps.playing.tiles.filter((t) => !t.onScreen).every((t) => t.stream === null), 'nothing off screen pulled');
  assert.equal(steps.playing.tiles.find((t) => t.room === '101').stream, 'mobile');
  assert.equal(steps.playing.tiles.find((t) => t.room === '102').stream, 'teacher-sub');
  for (const room of steps.scrolled.offScreen.filter((r) => r !== '103')) {
    assert.ok(steps.scrolled.closed.some((u) => u.includes(`/live/${room}/`)), `${room}'s socket closed`);
  }
  assert.deepEqual(steps.hidden.open, []);
  assert.ok(steps.shown.open.length > 0);
  assert.match(steps.clicked.url, /\/room\/101\?sound=1$/);
  assert.equal(steps.clicked.state, 'live');
  assert.equal(steps.clicked.muted, false);
});
