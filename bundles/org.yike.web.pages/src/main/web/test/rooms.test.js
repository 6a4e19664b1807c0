import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByPlace, lessonLine, lowestStream, mainStream, floorLabel } from '../src/rooms.js';
import { RETRY_DELAYS_MS, retryDelay } from '../src/player.js';

// as /api/live answers them
const program = (name, width, height) => ({ name, origin: 'program', video: { codec: 'h264', width, height },
  audio: { codec: 'aac', sampleRate: 48000, channels: 2 } });
const camera = (name, width, height) => ({ name, origin: 'camera', video: { codec: 'h264', width, height } });

test('a tile pulls a camera sub-stream when it is the smallest', () => {
  const room = { streams: [program('main', 1920, 1080), program('mobile', 640, 360), camera('teacher-sub', 640, 360)] };
  assert.equal(lowestStream(room).name, 'teacher-sub');
});

test('a tile pulls the mobile profile when the cameras have only main streams', () => {
  const room = { streams: [camera('teacher', 1920, 1080), program('main', 1920, 1080), program('mobile', 640, 360)] };
  assert.equal(lowestStream(room).name, 'mobile');
});

test('a stream of unknown size is the last choice; a room without streams has none', () => {
  assert.equal(lowestStream({ streams: [{ name: 'x', origin: 'camera' }, program('main', 1280, 720)] }).name, 'main');
  assert.equal(lowestStream({ streams: [] }), null);
  assert.equal(lowestStream({}), null);
});

test('the room page opens the largest program profile', () => {
  const room = { streams: [camera('teacher', 2560, 1440), program('mobile', 640, 360), program('main', 1920, 1080)] };
  assert.equal(mainStream(room).name, 'main');
  assert.equal(mainStream({ streams: [camera('a', 640, 360), camera('b', 1280, 720)] }).name, 'b');
});

test('rooms group by building and floor in pinyin and numeric order, unplaced rooms last', () => {
  const rooms = [
    { room: '教1-302', building: '教学楼1', floor: 3 },
    { room: '教1-110', building: '教学楼1', floor: 1 },
    { room: '教1-102', building: '教学楼1', floor: 1 },
    { room: '实验-2', building: '实验楼', floor: '2' },
    { room: '报告厅' },
    { room: '教10-101', building: '教学楼10', floor: 1 },
    { room: '教2-101', building: '教学楼2' },
  ];
  const groups = groupByPlace(rooms);
  assert.deepEqual(groups.map((g) => g.building), ['教学楼1', '教学楼2', '教学楼10', '实验楼', '']);
  assert.deepEqual(groups[0].floors.map((f) => f.floor), ['1', '3']);
  assert.deepEqual(groups[0].floors[0].rooms.map((r) => r.room), ['教1-102', '教1-110']);
  assert.deepEqual(groups[1].floors.map((f) => f.floor), ['']);
  assert.equal(floorLabel('3'), '3 层');
  assert.equal(floorLabel('B1'), 'B1');
});

test('a lesson line says what the timetable has', () => {
  assert.equal(lessonLine({ course: '高等数学', teacher: '王老师', period: 3 }), '高等数学 · 王老师 · 第 3 节');
  assert.equal(lessonLine({ title: '班会' }), '班会');
  assert.equal(lessonLine(undefined), '');
});

test('reconnects start soon and never wait over 1.5 s', () => {
  assert.equal(retryDelay(0), 250);
  assert.ok(Math.max(...RETRY_DELAYS_MS) <= 1000);
  assert.equal(retryDelay(100), 1000);
});
