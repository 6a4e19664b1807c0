import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAlert, alertOf, diskLevel } from '../src/system.js';

const GB = 1024 ** 3;

test('the disk bar: used percent, free and total in words; red under twice the minimum', () => {
  const fine = diskLevel({ freeBytes: 300 * GB, totalBytes: 1000 * GB, minFreeBytes: 20 * GB });
  assert.equal(fine.usedPercent, 70);
  assert.equal(fine.text, '可用 300 GB / 共 1000 GB');
  assert.equal(fine.danger, false);
  assert.equal(diskLevel({ freeBytes: 40 * GB, totalBytes: 1000 * GB, minFreeBytes: 20 * GB }).danger, false, 'twice the minimum: not yet');
  assert.equal(diskLevel({ freeBytes: 39 * GB, totalBytes: 1000 * GB, minFreeBytes: 20 * GB }).danger, true);
  assert.equal(diskLevel(undefined), null, 'a runtime that tells no disk: no bar');
  assert.equal(diskLevel({ freeBytes: 1, totalBytes: 0 }), null);
});

test('alerts in words, by topic', () => {
  const disk = alertOf('org/yike/recording/DISK_LOW', '{"freeBytes":1073741824,"reason":"1.0 GB free, below 20 GB","at":"t"}');
  assert.equal(disk.level, 'error');
  assert.equal(disk.title, '磁盘空间不足');
  assert.match(disk.text, /^剩余 1\.0 GB，新的课程不会开始录制：1\.0 GB free/);
  const ended = alertOf('org/yike/recording/DISK_LOW', { recording: 'r9', classroom: '101', freeBytes: 0, reason: 'full' });
  assert.equal(ended.title, '教室 101：磁盘空间不足');
  assert.match(ended.text, /课程 r9 已提前结束/);
  const lost = alertOf('org/yike/recording/SOURCE_STATE', { classroom: '203', sources: ['cam-203/video'], reason: 'no frames for 5 s' });
  assert.deepEqual([lost.level, lost.title, lost.text], ['warning', '教室 203：信号源中断', 'cam-203/video：no frames for 5 s']);
  const back = alertOf('org/yike/recording/SOURCE_STATE', { classroom: '203', sources: ['cam-203/video'], reason: 'back' });
  assert.deepEqual([back.level, back.title], ['success', '教室 203：信号源已恢复']);
  const failed = alertOf('org/yike/recording/FAILED', { classroom: '101', recording: 'r1', reason: 'encoder died' });
  assert.deepEqual([failed.title, failed.text], ['教室 101：录制失败', '课程 r1：encoder died']);
  const missed = alertOf('org/yike/schedule/SESSION_FAILED', { session: 's1', room: 'S301', reason: 'no working device' });
  assert.deepEqual([missed.title, missed.text], ['教室 S301：未能按课表录制', '课次 s1：no working device']);
  assert.equal(alertOf('org/yike/recording/STARTED', {}), null);
  assert.equal(alertOf('org/yike/recording/FAILED', 'not json'), null);
});

test('the newest alert first, at most max', () => {
  let alerts = [];
  for (let i = 1; i <= 4; i++) alerts = addAlert(alerts, { title: String(i) }, 3);
  assert.deepEqual(alerts.map((a) => a.title), ['4', '3', '2']);
});
