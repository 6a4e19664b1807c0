import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canShare, personLabel, shareCandidates, sharedWithMe, sharedWords, shareNames, shareProblem } from '../src/sharing.js';

const wang = { name: 'wang', displayName: '王老师', role: 'teacher' };
const li = { name: 'li', displayName: '李老师', role: 'teacher' };
const admin = { name: 'admin', displayName: '系统管理员', role: 'district-admin' };
const lesson = { id: 'L-101', teacher: '王老师', state: 'finished', sharedWith: ['li'] };

test('a lesson shared with a teacher is marked for them, not for its own teacher or others', () => {
  assert.equal(sharedWithMe(li, lesson), true);
  assert.equal(sharedWithMe(wang, lesson), false, 'their own');
  assert.equal(sharedWithMe(wang, { ...lesson, sharedWith: ['wang'] }), false, 'their own, whatever the list says');
  assert.equal(sharedWithMe({ name: 'zhao', displayName: '赵老师', role: 'teacher' }, lesson), false);
  assert.equal(sharedWithMe(li, { ...lesson, sharedWith: undefined }), false, 'a server that does not share');
  assert.equal(sharedWithMe(null, lesson), false);
});

test('admins share any lesson, a teacher their own only; not while it records or before', () => {
  assert.equal(canShare(admin, lesson), true);
  assert.equal(canShare({ ...admin, role: 'school-admin' }, lesson), true);
  assert.equal(canShare(wang, lesson), true);
  assert.equal(canShare(li, lesson), false, 'shared with them to watch, not to change');
  assert.equal(canShare({ name: 'x', displayName: '王老师', role: 'inspector' }, lesson), false);
  assert.equal(shareProblem(lesson), null);
  assert.equal(shareProblem({ state: 'partial' }), null);
  assert.equal(shareProblem({ state: 'recording' }), '录制结束后才能分享');
  assert.equal(shareProblem({ state: 'scheduled' }), '录制后才能分享');
});

test('names sent trimmed, once each; named by display name where the users list is known', () => {
  assert.deepEqual(shareNames([' li ', 'zhao', '', 'li', '  ']), ['li', 'zhao']);
  assert.deepEqual(shareNames(undefined), []);
  const users = [admin, wang, li, { name: 'zhao', displayName: '赵老师', role: 'teacher' }, { name: 'sun', displayName: '', role: 'teacher' }];
  assert.equal(personLabel('li', users), '李老师（li）');
  assert.equal(personLabel('li', null), 'li');
  assert.equal(personLabel('sun', users), 'sun');
  assert.deepEqual(shareCandidates(users, lesson).map((c) => c.value).sort(), ['li', 'sun', 'zhao'], 'teachers, but the lesson\'s own');
  assert.equal(sharedWords({ ...lesson, sharedWith: ['li', 'ghost'] }, users), '李老师（li）、ghost');
  assert.equal(sharedWords({ ...lesson, sharedWith: [] }, users), '');
});
