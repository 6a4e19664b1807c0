import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listenEvents } from '../src/events.js';

/** A stand-in for the browser's EventSource, its instances kept to drive them. */
class FakeSource {
  static made = [];
  constructor(url) {
    Object.assign(this, { url, readyState: 0, listeners: {}, closed: false });
    FakeSource.made.push(this);
  }
  addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); }
  emit(type, data) { for (const l of this.listeners[type] ?? []) l({ data }); }
  close() { this.closed = true; this.readyState = 2; }
}

test('each topic heard by name; down once while it errs, up when it opens; closed when the page goes', () => {
  FakeSource.made = [];
  const heard = [];
  const said = [];
  const close = listenEvents(['org/yike/publish/PROGRESS'], (topic, data) => heard.push([topic, data]),
    { Source: FakeSource, onDown: () => said.push('down'), onUp: () => said.push('up') });
  const s = FakeSource.made[0];
  assert.equal(s.url, '/api/events');
  s.onopen();
  s.emit('org/yike/publish/PROGRESS', '{"job":"j1"}');
  s.emit('org/yike/recording/STARTED', '{}');
  assert.deepEqual(heard, [['org/yike/publish/PROGRESS', '{"job":"j1"}']]);
  s.onerror();
  s.onerror(); // EventSource retries by itself: still the one "down"
  s.onopen();
  assert.deepEqual(said, ['up', 'down', 'up']);
  close();
  assert.equal(s.closed, true);
});

test('a stream the server refused (closed, no retry of its own) is opened again after a while', async () => {
  FakeSource.made = [];
  const close = listenEvents(['x'], () => {}, { Source: FakeSource, reopenMs: 10 });
  FakeSource.made[0].readyState = 2;
  FakeSource.made[0].onerror();
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(FakeSource.made.length, 2);
  close();
  assert.equal(FakeSource.made[1].closed, true);
});

test('without EventSource the caller is told at once, to poll', () => {
  let down = 0;
  listenEvents(['x'], () => {}, { Source: null, onDown: () => { down++; } });
  assert.equal(down, 1);
});
