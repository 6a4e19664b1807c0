import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  askable, askedWords, askProblem, canAskReview, canReview, reasonProblem, refusalWords, reviewedBy, reviewLabel, reviewState,
  reviewTag, reviewTime,
} from '../src/review.js';

const wang = { name: 'wang', displayName: '王老师', role: 'teacher' };
const li = { name: 'li', displayName: '李老师', role: 'teacher' };
const shen = { name: 'shen', displayName: '沈审核', role: 'reviewer' };
const admin = { name: 'admin', displayName: '系统管理员', role: 'school-admin' };
const lesson = (review, state = 'finished') => ({ id: 'L-101', teacher: '王老师', state, sharedWith: ['li'], review });

test('the review\'s states have Chinese names and colours; a lesson never asked for is private', () => {
  assert.deepEqual(['private', 'pending', 'published', 'rejected'].map(reviewLabel), ['私有', '待审核', '已发布', '已驳回']);
  assert.deepEqual(['pending', 'published', 'rejected'].map(reviewTag), ['warning', 'success', 'danger']);
  assert.equal(reviewLabel('archived'), 'archived', 'a state the page does not know: as the server names it');
  assert.equal(reviewState(lesson(undefined)), 'private', 'a server before the review');
  assert.equal(reviewState(lesson({ state: 'rejected', reason: '声音太小' })), 'rejected');
});

test('its teacher or an admin asks, when private or rejected, once recorded; reviewers and admins decide', () => {
  const rejected = lesson({ state: 'rejected', reason: '声音太小', by: 'shen', at: '2026-09-01T02:05:00Z' });
  assert.equal(canAskReview(wang, rejected), true);
  assert.equal(canAskReview(admin, rejected), true);
  assert.equal(canAskReview(li, rejected), false, 'shared with them to watch, not to ask for');
  assert.equal(canAskReview(shen, rejected), false);
  assert.equal(canAskReview({ name: 'x', displayName: '王老师', role: 'inspector' }, rejected), false, 'a namesake of another role');
  assert.deepEqual(['private', 'pending', 'published', 'rejected'].map((state) => askable(lesson({ state }))), [true, false, false, true]);
  assert.equal(askable(lesson(undefined)), true);
  assert.equal(askProblem(lesson(undefined, 'scheduled')), '录制后才能申请发布');
  assert.equal(askProblem(lesson(undefined, 'recording')), null, 'the server keeps it until the lesson ends');
  assert.equal(askedWords(lesson({ state: 'pending' })), '已申请发布，等待审核');
  assert.equal(askedWords(lesson(undefined, 'recording')), '已申请发布：录制结束后进入审核');
  assert.deepEqual([shen, admin, { ...admin, role: 'district-admin' }, wang, { role: 'viewer' }, null].map(canReview),
    [true, true, true, false, false, false]);
});

test('who rejected it and when, in the browser\'s time; a rejection needs a reason; refusals in words', () => {
  const at = new Date(2026, 8, 1, 10, 5, 30).toISOString();
  assert.equal(reviewTime(at), '2026-09-01 10:05');
  assert.equal(reviewTime(null), '');
  assert.equal(reviewTime('not a time'), '');
  assert.equal(reviewedBy({ state: 'rejected', by: 'shen', at }), 'shen · 2026-09-01 10:05');
  assert.equal(reviewedBy({ state: 'private', by: null, at: null }), '');
  assert.equal(reasonProblem('  '), '请填写驳回理由，教师会看到它');
  assert.equal(reasonProblem(undefined), '请填写驳回理由，教师会看到它');
  assert.equal(reasonProblem('声音太小'), null);
  assert.equal(refusalWords('review.publishRefused', { status: 409, message: 'lesson L-1 is not waiting for review (it is published)' }),
    '未能发布：lesson L-1 is not waiting for review (it is published)');
  assert.equal(refusalWords('review.askRefused', new TypeError('Failed to fetch')), '无法连接一课（Failed to fetch）');
});
