import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JOB_TOPICS, applyJobUpdate, jobBar, jobBytes, jobCancellable, jobUpdate, sortJobs, targetStatus,
} from '../src/publishing.js';
import { formatBytes } from '../src/units.js';

const job = { id: 'j1', recording: 'r7', room: '101', target: 'district', state: 'queued', bytesSent: 0, total: 0, percent: 0,
  attempts: 0, error: null, created: '2025-09-01T08:00:00Z', updated: '2025-09-01T08:00:00Z' };

test('the page listens to progress and every state\'s topic', () => {
  assert.deepEqual(JOB_TOPICS, ['org/yike/publish/PROGRESS', 'org/yike/publish/QUEUED', 'org/yike/publish/UPLOADING',
    'org/yike/publish/RETRYING', 'org/yike/publish/DONE', 'org/yike/publish/FAILED', 'org/yike/publish/CANCELLED']);
});

test('an event\'s data (JSON text, states upper case) as a job update in the jobs list\'s words', () => {
  const data = '{"job":"j1","target":"district","recording":"r7","state":"UPLOADING","bytesSent":52428800,"total":209715200,"percent":25,"at":"2025-09-01T08:00:03Z"}';
  assert.deepEqual(jobUpdate('org/yike/publish/PROGRESS', data), { id: 'j1', state: 'uploading', bytesSent: 52428800, total: 209715200,
    percent: 25, error: null, updated: '2025-09-01T08:00:03Z', target: 'district', recording: 'r7' });
  const failed = jobUpdate('org/yike/publish/FAILED', { job: 'j1', state: 'FAILED', error: '530 Login incorrect', at: 'x' });
  assert.equal(failed.state, 'failed');
  assert.equal(failed.error, '530 Login incorrect');
  assert.equal('percent' in failed, false, 'what the event does not tell is not overwritten');
  assert.equal(jobUpdate('org/yike/publish/DONE', { job: 'j2' }).state, 'done', 'the topic tells the state where data does not');
  assert.equal(jobUpdate('org/yike/publish/LIVE', { target: 'live', state: 'PUSHING' }), null, 'a live target\'s event is no job\'s');
  assert.equal(jobUpdate('org/yike/recording/STARTED', { recording: 'r1' }), null);
  assert.equal(jobUpdate('org/yike/publish/PROGRESS', 'not json'), null);
});

test('updates move a job along; a late progress event does not bring an ended job back; an unknown job is added', () => {
  let jobs = [job];
  for (const [topic, d] of [['UPLOADING', { percent: 0 }], ['PROGRESS', { percent: 25, bytesSent: 25 }], ['PROGRESS', { percent: 60, bytesSent: 60 }],
    ['DONE', { percent: 100, bytesSent: 100 }], ['PROGRESS', { percent: 80, bytesSent: 80 }]]) {
    ({ jobs } = applyJobUpdate(jobs, jobUpdate(`org/yike/publish/${topic}`, { job: 'j1', total: 100, ...d })));
  }
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0].state, 'done');
  assert.equal(jobs[0].percent, 100);
  assert.equal(jobs[0].room, '101', 'what events do not carry is kept');
  const added = applyJobUpdate(jobs, jobUpdate('org/yike/publish/QUEUED', { job: 'j2', state: 'QUEUED', target: 'district', at: '2025-09-01T09:00:00Z' }));
  assert.equal(added.known, false);
  assert.deepEqual(sortJobs(added.jobs).map((j) => j.id), ['j2', 'j1'], 'newest first');
});

test('bars, bytes and what can be cancelled', () => {
  assert.equal(jobBar({ state: 'done' }), 'success');
  assert.equal(jobBar({ state: 'failed' }), 'exception');
  assert.equal(jobBar({ state: 'uploading' }), '');
  assert.equal(jobBytes({ bytesSent: 1536, total: 3 * 1024 ** 3 }), '1.5 KB / 3.0 GB');
  assert.equal(jobBytes({ bytesSent: 0, total: 0 }), '0 B');
  assert.equal(jobCancellable('retrying'), true);
  assert.equal(jobCancellable('done'), false);
});

test('sizes in words', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1.0 KB');
  assert.equal(formatBytes(250 * 1024 ** 3), '250 GB');
  assert.equal(formatBytes(99.94 * 1024 ** 2), '99.9 MB');
  assert.equal(formatBytes(undefined), '—');
  assert.equal(formatBytes(-1), '—');
});

test('a live target\'s status in words', () => {
  assert.deepEqual(targetStatus('pushing: rtmp://live.example/app (room 101)'), { label: '推流中', tag: 'success', text: 'pushing: rtmp://live.example/app (room 101)' });
  assert.equal(targetStatus('reconnecting: refused, again in 4 s').label, '重连中');
  assert.equal(targetStatus(null), null);
});
