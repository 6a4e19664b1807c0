// The lesson contests (优课评选) as the pages show them: who may do what (as the server's Permissions table
// says), a contest's stage, a new contest's form checked as NewContest checks it, who goes on; no DOM here,
// so node --test checks it.
import { t } from './i18n.js';
import { canManageUsers } from './users.js';

/** Admins make contests, nominate, assign judges, rank and close rounds. */
export const canRunContests = (user) => canManageUsers(user);
/** Judges score the entries given them, blind. */
export const isJudge = (user) => user?.role === 'judge';
/** The contests page: admins and judges (the server answers 403 to anyone else). */
export const canSeeContests = (user) => canRunContests(user) || isJudge(user);
/** A teacher reads their lessons' results and comments there, once a contest has closed (admins have none, usually). */
export const seesOwnResults = (user) => user?.role === 'teacher';
/** Whom the bar leads to the contests page. */
export const contestsInBar = (user) => canSeeContests(user) || seesOwnResults(user);

/** Where a teacher's lesson ended (GET /api/contests/mine): 获奖, or the last round it reached and its rank there. */
export const resultLabel = (r) => (r.won ? t('contests.won')
  : t(r.rank ? 'contests.stoppedRanked' : 'contests.stopped', { round: r.roundName, rank: r.rank }));

/** "第 2 轮 · 二审" while it runs, "已结束" once its last round ended. */
export function stageLabel(contest) {
  if (contest.closed) return t('contests.closed');
  return t('contests.stage', { n: contest.round, name: contest.rounds[contest.round - 1]?.name ?? '' });
}

/** A new contest's form as it opens: the three rounds districts use, a threshold of 10 out of 100. */
export const newContestForm = () => ({
  name: '',
  rounds: [{ name: '一审', advance: 10 }, { name: '二审', advance: 5 }, { name: '三审', advance: 3 }],
  threshold: 10,
  maxScore: 100,
});

/** Why the form cannot be sent (NewContest would refuse it), or null. */
export function contestProblem(form) {
  if (!String(form.name ?? '').trim()) return t('contests.nameMissing');
  if (!form.rounds.length) return t('contests.roundsMissing');
  if (form.rounds.some((r) => !String(r.name ?? '').trim() || !(r.advance >= 1))) return t('contests.roundProblem');
  if (!(form.maxScore > 0)) return t('contests.maxScoreProblem');
  if (!(form.threshold >= 0 && form.threshold <= form.maxScore)) return t('contests.thresholdProblem', { max: form.maxScore });
  return null;
}

/** The POST body of the form: names trimmed, numbers as numbers. */
export const contestBody = (form) => ({
  name: form.name.trim(),
  rounds: form.rounds.map((r) => ({ name: r.name.trim(), advance: Number(r.advance) })),
  threshold: Number(form.threshold),
  maxScore: Number(form.maxScore),
});

/** Whether a ranked entry goes on from the round (in the last round: wins); the ones tied at the last place too. */
export const goesOn = (ranked, contest, round) => ranked.rank > 0 && ranked.rank <= (contest.rounds[round - 1]?.advance ?? 0);

/** What going on is called in the round: 晋级, or 获奖 in the last round. */
export const onWords = (contest, round) => t(round === contest.rounds.length ? 'contests.wins' : 'contests.goesOn');

/** 86.5, 90, 77.33: a score as a judge would write it. */
export const scoreLabel = (score) => (typeof score === 'number' && Number.isFinite(score) ? String(Math.round(score * 100) / 100) : '—');

/** Why a judge's score cannot be sent (the server answers 400), or null. */
export function judgeScoreProblem(score, maxScore) {
  return typeof score === 'number' && score >= 0 && score <= maxScore ? null : t('contests.scoreRange', { max: maxScore });
}
