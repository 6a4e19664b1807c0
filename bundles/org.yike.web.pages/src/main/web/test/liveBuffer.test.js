import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALM_MS, FAST_RATE, LiveBuffer, MAX_TARGET_S, MIN_TARGET_S, SLOW_RATE, START_TARGET_S } from '../src/liveBuffer.js';

test('a buffer above the target is played faster until it is back at the target, then at real time', () => {
  const b = new LiveBuffer(0);
  assert.equal(b.pace(START_TARGET_S, 0), 1);
  assert.equal(b.pace(0.4, 100), FAST_RATE);
  assert.equal(b.pace(0.15, 200), FAST_RATE, 'still above the target: the catching up goes on');
  assert.equal(b.pace(START_TARGET_S - 0.01, 300), 1);
});

test('a buffer running low is played slower, so the picture waits less often', () => {
  const b = new LiveBuffer(0);
  assert.equal(b.pace(0.05, 0), SLOW_RATE);
  assert.equal(b.pace(0.11, 100), SLOW_RATE, 'below the target: slower until it is reached');
  assert.equal(b.pace(0.125, 200), 1);
});

test('each stall makes the target larger, up to its most; calm stretches make it smaller, down to its least', () => {
  const b = new LiveBuffer(0);
  for (let i = 0; i < 20; i++) b.stalled(i);
  assert.equal(b.target, MAX_TARGET_S);
  let now = 20;
  for (let i = 0; i < 40; i++) b.pace(b.target, now += CALM_MS);
  assert.equal(b.target, MIN_TARGET_S);
  const before = b.target;
  b.stalled(now);
  b.pace(b.target, now + CALM_MS - 1);
  assert.ok(b.target > before, 'a stall counts at once, and the calm is counted from it');
});
