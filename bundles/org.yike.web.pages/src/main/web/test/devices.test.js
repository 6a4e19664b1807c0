import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteRefusal, deviceStateLabel, deviceStateTag, figuresLabel, sortDevices, sourceRoleLabel, STALE_MS } from '../src/devices.js';

test('states and roles in words', () => {
  assert.deepEqual(['ONLINE', 'CONNECTING', 'OFFLINE', 'ERROR'].map(deviceStateLabel), ['在线', '连接中', '离线', '配置错误']);
  assert.equal(deviceStateTag('OFFLINE'), 'danger');
  assert.equal(deviceStateLabel('SLEEPING'), 'SLEEPING');
  assert.equal(sourceRoleLabel('TEACHER_CLOSEUP'), '教师特写');
  assert.equal(sourceRoleLabel('MICROPHONE'), '拾音');
});

test('figures: fps and kbit/s, uncompressed said, sound without fps, stale after 30 s', () => {
  const now = Date.parse('2025-09-01T08:00:10Z');
  const at = '2025-09-01T08:00:08Z';
  assert.deepEqual(figuresLabel({ framesPerSecond: 25, bitsPerSecond: 4_012_345, measuredAt: at }, now), { text: '25 fps · 4,012 kbit/s', stale: false });
  assert.equal(figuresLabel({ framesPerSecond: 4.6, bitsPerSecond: 300_000, measuredAt: at }, now).text, '4.6 fps · 300 kbit/s');
  assert.equal(figuresLabel({ framesPerSecond: 25, bitsPerSecond: 0, measuredAt: at }, now).text, '25 fps · 未压缩');
  assert.equal(figuresLabel({ framesPerSecond: 0, bitsPerSecond: 48_000, measuredAt: at }, now).text, '48 kbit/s');
  assert.equal(figuresLabel({ framesPerSecond: 25, bitsPerSecond: 1, measuredAt: at }, now + STALE_MS).stale, true);
  assert.deepEqual(figuresLabel(null), { text: '—', stale: false });
});

test('devices by classroom in number order, then name', () => {
  const sorted = sortDevices([{ id: 'b', classroom: '10' }, { id: 'c', name: '前门', classroom: '2' }, { id: 'a', name: '后门', classroom: '2' }]);
  assert.deepEqual(sorted.map((d) => d.id), ['a', 'c', 'b']);
});

test('a refused delete in words: 409 is a driver\'s default device', () => {
  const device = { id: 'virtual-101', name: '虚拟教室 101' };
  assert.match(deleteRefusal(device, { status: 409, message: 'the default device' }), /虚拟教室 101 是驱动自带的默认设备，不能删除/);
  assert.match(deleteRefusal(device, { status: 500, message: 'boom' }), /无法删除 虚拟教室 101：boom/);
});
