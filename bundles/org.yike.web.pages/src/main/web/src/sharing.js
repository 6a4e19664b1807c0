// Sharing a lesson with other teachers (PATCH /api/lessons/{id} {"sharedWith": [login names]}): who may,
// with whom, and the words for it; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { canManageUsers } from './users.js';

/** A lesson's teacher is their display name; a lesson is shared with login names. */
export const teaches = (user, lesson) => user?.role === 'teacher' && user.displayName === lesson?.teacher;

/** Whether the lesson is someone else's, shared with this user (the list marks it 他人分享). */
export const sharedWithMe = (user, lesson) => Boolean(user) && !teaches(user, lesson)
  && (lesson?.sharedWith ?? []).includes(user.name);

/** Whether the user may change whom the lesson is shared with: admins any lesson, a teacher their own. */
export const canShare = (user, lesson) => canManageUsers(user) || teaches(user, lesson);

/** Why the lesson cannot be shared now (the server answers 409), or null. */
export function shareProblem(lesson) {
  if (lesson?.state === 'recording') return t('share.whileRecording');
  if (lesson?.state === 'scheduled') return t('share.notRecorded');
  return null;
}

/** The list to send: names trimmed, empty ones and repeats left out. */
export const shareNames = (names) => [...new Set((names ?? []).map((n) => String(n).trim()).filter(Boolean))];

/** "王老师（wang）" where the users list (GET /api/users, admins only) knows the name, else the name. */
export function personLabel(name, users) {
  const user = users?.find((u) => u.name === name);
  return user?.displayName && user.displayName !== name ? t('share.person', { name: user.displayName, login: name }) : name;
}

/**
 * Whom an admin picks from: the teachers but the lesson's own (the server refuses sharing a lesson with
 * its teacher); others see every lesson anyway. [{value: name, label}], by label.
 */
export function shareCandidates(users, lesson) {
  return (users ?? []).filter((u) => u.role === 'teacher' && u.displayName !== lesson?.teacher)
    .map((u) => ({ value: u.name, label: personLabel(u.name, users) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** "王老师（wang）、li": whom the lesson is shared with; '' for nobody. */
export const sharedWords = (lesson, users) => (lesson?.sharedWith ?? []).map((n) => personLabel(n, users))
  .join(t('common.listSeparator'));
