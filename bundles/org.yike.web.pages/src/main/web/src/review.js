// The publishing review (课件审核): a lesson's review state in words, who may ask for it and who decides,
// a rejection's who and when; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';
import { teaches } from './sharing.js';
import { canManageUsers } from './users.js';

/** The review's states, as the lesson page, the cards and the lessons page's filter show them. */
export const REVIEW_STATES = worded('reviewState', [
  { state: 'private', tag: 'info' },
  { state: 'pending', tag: 'warning' },
  { state: 'published', tag: 'success' },
  { state: 'rejected', tag: 'danger' },
], 'state');
export const { label: reviewLabel, tag: reviewTag } = labelsOf(REVIEW_STATES, 'state');

/** Where the lesson stands; a lesson never asked for is private. */
export const reviewState = (lesson) => lesson?.review?.state ?? 'private';

/** Whether the user may ask for the lesson to be published: its teacher, or an admin. */
export const canAskReview = (user, lesson) => canManageUsers(user) || teaches(user, lesson);

/** Whether the lesson can be asked for now: private, or rejected and asked again (the server answers 409 otherwise). */
export const askable = (lesson) => ['private', 'rejected'].includes(reviewState(lesson));

/** Why the lesson cannot be asked for yet (the server answers 409), or null. */
export const askProblem = (lesson) => (lesson?.state === 'scheduled' ? t('review.notRecorded') : null);

/** Whether the user decides reviews (the review page, 发布 and 驳回): reviewers and admins. */
export const canReview = (user) => user?.role === 'reviewer' || canManageUsers(user);

/** What a request answered: pending now, or (a lesson still recording) pending once it ends. */
export const askedWords = (lesson) => t(reviewState(lesson) === 'pending' ? 'review.asked' : 'review.askedRecording');

/** "2026-09-01 10:05": an instant of the review in the browser's time; '' when there is none. */
export function reviewTime(at) {
  const time = new Date(at ?? NaN);
  if (Number.isNaN(time.getTime())) return '';
  const two = (n) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())} ${two(time.getHours())}:${two(time.getMinutes())}`;
}

/** "shen · 2026-09-01 10:05": who moved the lesson to its state, and when; '' for a lesson never asked for. */
export const reviewedBy = (review) => [review?.by, reviewTime(review?.at)].filter(Boolean).join(' · ');

/** Why a rejection cannot be sent (the server answers 400), or null. */
export const reasonProblem = (reason) => (String(reason ?? '').trim() ? null : t('review.reasonMissing'));

/**
 * A refused or failed call in words, as the dialogs say it: the message refused (review.publishRefused:
 * "未能发布：<the server's words>"), or that the server could not be reached.
 */
export const refusalWords = (refused, error) => t(error?.status ? refused : 'app.unreachable', { reason: error?.message });
