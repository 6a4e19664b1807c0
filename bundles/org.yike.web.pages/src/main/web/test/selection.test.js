import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canRunContests, canSeeContests, contestBody, contestProblem, contestsInBar, goesOn, judgeScoreProblem, newContestForm, onWords, resultLabel,
  scoreLabel, seesOwnResults, stageLabel,
} from '../src/selection.js';

const CONTEST = { id: 'c', rounds: [{ name: '一审', advance: 2 }, { name: '二审', advance: 1 }], round: 1, closed: false, maxScore: 100 };

test('admins run contests, judges see theirs, nobody else the page', () => {
  assert.deepEqual(['district-admin', 'school-admin', 'judge', 'teacher', 'inspector'].map((role) => canSeeContests({ role })),
    [true, true, true, false, false]);
  assert.equal(canRunContests({ role: 'judge' }), false);
  assert.deepEqual(['district-admin', 'judge', 'teacher', 'inspector'].map((role) => [seesOwnResults({ role }), contestsInBar({ role })]),
    [[false, true], [false, true], [true, true], [false, false]]);
});

test('where a teacher\'s lesson ended: won, or the last round it reached with its rank there', () => {
  assert.equal(resultLabel({ won: true, round: 2, roundName: '二审', rank: 1 }), '获奖');
  assert.equal(resultLabel({ won: false, round: 1, roundName: '一审', rank: 3 }), '一审第 3 名');
  assert.equal(resultLabel({ won: false, round: 1, roundName: '一审', rank: 0 }), '止步一审');
});

test('a contest\'s stage; who goes on (ties at the last place too) and what it is called', () => {
  assert.equal(stageLabel(CONTEST), '第 1 轮 · 一审');
  assert.equal(stageLabel({ ...CONTEST, closed: true }), '已结束');
  assert.deepEqual([1, 2, 2, 3, 0].map((rank) => goesOn({ rank }, CONTEST, 1)), [true, true, true, false, false]);
  assert.deepEqual([onWords(CONTEST, 1), onWords(CONTEST, 2)], ['晋级', '获奖']);
  assert.deepEqual([88, 77.333333, undefined].map(scoreLabel), ['88', '77.33', '—']);
});

test('the new contest form is checked as NewContest checks it, and sent trimmed with numbers', () => {
  const form = { ...newContestForm(), name: ' 2026 优课评选 ' };
  assert.equal(contestProblem(form), null);
  assert.equal(contestProblem({ ...form, name: ' ' }), '请填写评选名称');
  assert.equal(contestProblem({ ...form, rounds: [] }), '至少需要一轮');
  assert.equal(contestProblem({ ...form, rounds: [{ name: '一审', advance: 0 }] }), '每一轮都要有名称，且至少 1 节晋级');
  assert.equal(contestProblem({ ...form, threshold: 101 }), '分差阈值应在 0 到 100 之间');
  assert.deepEqual(contestBody({ ...form, rounds: [{ name: ' 一审 ', advance: '3' }] }),
    { name: '2026 优课评选', rounds: [{ name: '一审', advance: 3 }], threshold: 10, maxScore: 100 });
  assert.equal(judgeScoreProblem(101, 100), '评分应在 0 到 100 之间');
  assert.equal(judgeScoreProblem(100, 100), null);
});
