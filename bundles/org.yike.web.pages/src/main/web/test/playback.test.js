import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chapterAt, downloadUrl, driftCorrection, FRAME_S, mainAndPip, nextSpeed, playerStreams, sourceLabel, startOffset, swapped, viewTimer } from '../src/playback.js';

// as GET /api/lessons/{id} lists a lesson's files
const file = (name, role, profile, source) => ({ name, role, profile, source, url: `/api/lessons/L1/files/${name}` });
const lesson = {
  files: [
    file('lesson.json', 'metadata'),
    file('program-live.mp4', 'program', 'live'),
    file('program.mp4', 'program', 'recording'),
    file('program-mobile.mp4', 'program', 'mobile'),
    file('resource-cam1_teacher.mp4', 'resource', null, 'cam1/teacher'),
    file('resource-board_video.mp4', 'resource', null, 'board/video'),
  ],
};

test('the player plays the program and each camera\'s own video, the mobile profile on a narrow screen', () => {
  const wide = playerStreams(lesson, false);
  assert.deepEqual(wide.map((s) => [s.key, s.label, s.file.name]), [
    ['program', '导播画面', 'program.mp4'],
    ['resource-cam1_teacher.mp4', '教师特写', 'resource-cam1_teacher.mp4'],
    ['resource-board_video.mp4', 'board/video', 'resource-board_video.mp4'],
  ]);
  assert.equal(playerStreams(lesson, true)[0].file.name, 'program-mobile.mp4');
  const noMobile = { files: lesson.files.filter((f) => f.profile !== 'mobile') };
  assert.equal(playerStreams(noMobile, true)[0].file.name, 'program.mp4');
  assert.deepEqual(playerStreams({ files: [file('lesson.json', 'metadata')] }), []);
  assert.deepEqual(playerStreams(null), []);
  assert.equal(sourceLabel('virtual-101/student_wide'), '学生全景');
});

test('main is the stream asked for, the pip another one; switching swaps them; pip can be off', () => {
  const streams = playerStreams(lesson);
  const keys = ({ main, pip }) => [main?.key, pip?.key ?? null];
  assert.deepEqual(keys(mainAndPip(streams)), ['program', 'resource-cam1_teacher.mp4']);
  assert.deepEqual(keys(mainAndPip(streams, { main: 'resource-board_video.mp4' })), ['resource-board_video.mp4', 'program']);
  assert.deepEqual(keys(mainAndPip(streams, { main: 'program', pip: 'resource-board_video.mp4' })), ['program', 'resource-board_video.mp4']);
  assert.deepEqual(keys(mainAndPip(streams, { main: 'gone.mp4', pip: 'program' })), ['program', 'resource-cam1_teacher.mp4']);
  assert.deepEqual(keys(mainAndPip(streams, { main: 'program', pip: null })), ['program', null]);
  assert.deepEqual(keys(mainAndPip(streams.slice(0, 1))), ['program', null]);
  assert.deepEqual(keys(mainAndPip([])), [undefined, null]);
  const shown = mainAndPip(streams);
  assert.deepEqual(keys(mainAndPip(streams, swapped(shown))), ['resource-cam1_teacher.mp4', 'program']);
});

test('a secondary within a frame plays on; beyond, it is nudged in proportion until within a quarter frame; far off, it seeks', () => {
  assert.deepEqual(driftCorrection(10, 10 + FRAME_S * 0.9, 1), { seek: false, rate: 1, correcting: false });
  const near = (a, b) => Math.abs(a - b) < 1e-9;
  let d = driftCorrection(10, 10.06, 1);
  assert.ok(d.correcting && !d.seek && near(d.rate, 0.88), `ahead 60 ms: 12 % slower, ${d.rate}`);
  d = driftCorrection(10, 9.95, 2);
  assert.ok(near(d.rate, 2.2), `behind 50 ms: 10 % faster at the speed chosen, ${d.rate}`);
  assert.ok(near(driftCorrection(10, 10.4, 1).rate, 0.75), 'at most 25 %');
  d = driftCorrection(10, 10.02, 1, true);
  assert.ok(d.correcting && near(d.rate, 0.96), `keeps correcting down to a quarter frame: ${d.rate}`);
  assert.deepEqual(driftCorrection(10, 10.005, 1, true), { seek: false, rate: 1, correcting: false });
  assert.deepEqual(driftCorrection(10, 11, 1.5), { seek: true, rate: 1.5, correcting: false });
  assert.equal(driftCorrection(10, 9.4, 1).seek, true);
});

test('the chapter playing is the last one begun; downloads ask for an attachment; speeds step within 0.5x to 2x', () => {
  const chapters = [{ atMillis: 0 }, { atMillis: 3000 }, { atMillis: 7000 }];
  assert.equal(chapterAt(chapters, 0), 0);
  assert.equal(chapterAt(chapters, 2999), 0);
  assert.equal(chapterAt(chapters, 3000), 1);
  assert.equal(chapterAt(chapters, 60_000), 2);
  assert.equal(chapterAt([{ atMillis: 5000 }], 1000), -1);
  assert.equal(chapterAt([], 1000), -1);
  assert.equal(downloadUrl('/api/lessons/L1/files/program.mp4'), '/api/lessons/L1/files/program.mp4?download=1');
  assert.equal(downloadUrl('/x?a=1'), '/x?a=1&download=1');
  assert.equal(nextSpeed(1, 1), 1.25);
  assert.equal(nextSpeed(2, 1), 2);
  assert.equal(nextSpeed(0.5, -1), 0.5);
  assert.equal(nextSpeed(1.1, -1), 0.75, 'an odd rate steps from 1x');
});

test('a camera\'s file begins on the lesson\'s clock where it says; the program and files that do not say, with the lesson', () => {
  assert.equal(startOffset({ key: 'resource-cam1_teacher.mp4', file: { startOffsetMillis: 1240 } }), 1.24);
  assert.equal(startOffset({ key: 'program', file: { name: 'program.mp4' } }), 0);
  assert.equal(startOffset(undefined), 0);
});

test('a player is a view once it has played 10 s of the lesson, seeks and pauses not counted, and only once', () => {
  const counted = [];
  const timer = viewTimer((ms) => counted.push(ms));
  for (let t = 0; t <= 6; t += 0.25) timer.at(t);  // 6 s played
  timer.stop();                                    // paused, then a seek to 100 s
  timer.at(100);
  timer.at(160);                                   // a jump without a stop is no play either
  for (let t = 160; t < 163.9; t += 0.5) timer.at(t);
  assert.deepEqual(counted, []);
  timer.at(164);                                   // 6 + 4 s
  assert.deepEqual(counted, [10000]);
  for (let t = 164; t < 200; t += 0.5) timer.at(t);
  assert.deepEqual(counted, [10000], 'once');
});
