import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignableRoles, canManageUsers, ROLES, roleLabel, scopeLabel, scopeProblem, userChanges } from '../src/users.js';

test('every role has its Chinese name; an unknown one shows as sent', () => {
  assert.deepEqual(ROLES.map((r) => [r.role, roleLabel(r.role)]), [
    ['district-admin', '区县管理员'], ['school-admin', '学校管理员'], ['teacher', '教师'],
    ['inspector', '巡课员'], ['judge', '评委'], ['viewer', '观众'], ['reviewer', '审核员']]);
  assert.equal(roleLabel('auditor'), 'auditor');
});

test('only admins get the users page; a school admin cannot make district admins', () => {
  assert.ok(canManageUsers({ role: 'district-admin' }) && canManageUsers({ role: 'school-admin' }));
  for (const role of ['teacher', 'inspector', 'judge', 'viewer', 'reviewer']) assert.equal(canManageUsers({ role }), false);
  assert.equal(canManageUsers(null), false);
  assert.equal(assignableRoles({ role: 'district-admin' }).length, 7);
  assert.deepEqual(assignableRoles({ role: 'school-admin' }).map((r) => r.role),
    ['school-admin', 'teacher', 'inspector', 'judge', 'viewer', 'reviewer']);
  assert.deepEqual(assignableRoles({ role: 'teacher' }), []);
});

test('a scope is a six-digit region code or a school\'s name', () => {
  assert.equal(scopeProblem('440305'), null);
  assert.equal(scopeProblem('深圳市南山区第一实验学校'), null);
  assert.match(scopeProblem('4403'), /六位/);
  assert.match(scopeProblem('  '), /请填写/);
  assert.equal(scopeLabel('440305'), '行政区划 440305');
  assert.equal(scopeLabel('实验学校'), '实验学校');
});

test('an edit sends what changed, and a password only when one is typed', () => {
  const li = { name: 'li', displayName: '李老师', role: 'teacher', scope: '实验学校', locked: false };
  assert.deepEqual(userChanges(li, { ...li, password: '' }), {});
  assert.deepEqual(userChanges(li, { ...li, role: 'inspector', scope: ' 440305 ', password: 'n3w' }),
    { role: 'inspector', scope: '440305', password: 'n3w' });
});
