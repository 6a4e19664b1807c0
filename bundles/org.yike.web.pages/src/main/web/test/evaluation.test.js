import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canEvaluate, canImportRubric, indicatorRows, lessonNotes, ownEvaluation, readRubric, rubricFileName, scoredIndicators, shareLabel, unscored,
} from '../src/evaluation.js';

// three levels, weights that do not add up to 100: each normalised among its siblings
const RUBRIC = { id: 'r', version: 2, name: 'R', indicators: [
  { id: 'a', name: '设计', weight: 2, maxScore: 0, children: [
    { id: 'a1', name: '目标', weight: 1, maxScore: 10, children: [] },
    { id: 'a2', name: '内容', weight: 3, maxScore: 0, children: [{ id: 'a21', name: '重点', weight: 1, maxScore: 5, children: [] }] }] },
  { id: 'b', name: '实施', weight: 3, maxScore: 20, children: [] }] };

test('evaluators are the admins, inspectors and judges; only admins import', () => {
  assert.deepEqual(['district-admin', 'inspector', 'judge', 'teacher', 'reviewer', 'viewer'].map((role) => canEvaluate({ role })),
    [true, true, true, false, false, false]);
  assert.equal(canImportRubric({ role: 'inspector' }), false);
});

test('the tree: each indicator\'s share of the whole along its path, the range of the scored ones', () => {
  const rows = indicatorRows(RUBRIC.indicators);
  assert.deepEqual(rows.map((r) => [r.id, shareLabel(r.share), r.maxScore]), [['a', '40%', null], ['b', '60%', 20]]);
  assert.deepEqual(rows[0].children.map((r) => [r.id, shareLabel(r.share)]), [['a1', '10%'], ['a2', '30%']]);
  assert.equal(shareLabel(rows[0].children[1].children[0].share), '30%');
  assert.deepEqual(scoredIndicators(RUBRIC.indicators).map((i) => [i.id, i.path.join('/')]), [['a1', '设计'], ['a21', '设计/内容'], ['b', '']]);
  assert.deepEqual(unscored(RUBRIC, { scores: { a1: 8, b: 0 } }).map((i) => i.id), ['a21']);
});

test('a rubric file: JSON with id, name and indicators; its export\'s name has the version', () => {
  assert.deepEqual(readRubric(JSON.stringify(RUBRIC)).rubric, { id: 'r', name: 'R', indicators: RUBRIC.indicators });
  assert.match(readRubric('{"id":').problem, /^文件不是 JSON/);
  assert.equal(readRubric('{"id": "x"}').problem, '文件不是评价量表：需要 id、name 和 indicators');
  assert.equal(rubricFileName(RUBRIC), 'r-v2.json');
});

test('the own evaluation is the newest of the caller\'s; every note of the lesson in time order with its evaluator', () => {
  const all = [{ id: 1, evaluator: 'xun', notes: [{ atMillis: 9000, text: 'b' }] }, { id: 2, evaluator: 'ping', notes: [{ atMillis: 3000, text: 'a' }] },
    { id: 3, evaluator: 'xun', notes: [] }];
  assert.equal(ownEvaluation(all, { name: 'xun' }).id, 3);
  assert.equal(ownEvaluation(all, { name: 'qu' }), null);
  assert.deepEqual(lessonNotes(all), [{ atMillis: 3000, text: 'a', evaluator: 'ping' }, { atMillis: 9000, text: 'b', evaluator: 'xun' }]);
});
