// Evaluating lessons (评课) as the pages show it: who evaluates (the server's EVALUATORS), a rubric's
// indicator tree with each indicator's share of the whole, a rubric file read for import, an evaluation's
// missing scores, the notes as marks on the player's timeline; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { canManageUsers } from './users.js';

const EVALUATORS = new Set(['district-admin', 'school-admin', 'inspector', 'judge']);
/** Who reads rubrics, evaluates lessons, reads a lesson's evaluations and notes, and the statistics. */
export const canEvaluate = (user) => EVALUATORS.has(user?.role);
/** Who imports rubrics (the server answers 403 to the others). */
export const canImportRubric = (user) => canManageUsers(user);

/** What statistics are grouped by, as the server's ?by= names them. */
export const STATISTICS_BY = ['teacher', 'course', 'grade', 'term'];

/**
 * The indicator tree as rows of a tree table: each with its share of the whole (the weights along its path,
 * normalised per level, as Rubric.shares counts them) and, for a scored one, its range.
 */
export function indicatorRows(indicators, share = 1) {
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  return indicators.map((i) => {
    const mine = (share * i.weight) / sum;
    const children = i.children ?? [];
    return { id: i.id, name: i.name, weight: i.weight, share: mine, maxScore: children.length ? null : i.maxScore,
      ...(children.length ? { children: indicatorRows(children, mine) } : {}) };
  });
}

/** The scored indicators in order, each with the names of the branches above it. */
export function scoredIndicators(indicators, path = []) {
  return indicators.flatMap((i) => (i.children?.length
    ? scoredIndicators(i.children, [...path, i.name]) : [{ id: i.id, name: i.name, maxScore: i.maxScore, path }]));
}

/** 40%, 12.5%: a share of the whole. */
export const shareLabel = (share) => `${Math.round(share * 1000) / 10}%`;

/** The scored indicators the evaluation has no score for yet (it cannot be submitted before). */
export const unscored = (rubric, evaluation) => scoredIndicators(rubric?.indicators ?? [])
  .filter((i) => typeof evaluation?.scores?.[i.id] !== 'number');

/**
 * A rubric file picked for import: {rubric: {id, name, indicators}} or {problem} in words. The file is a
 * rubric as exported (its version and created are the server's and left out); the server checks the rest.
 */
export function readRubric(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: t('rubrics.notJson', { reason: e.message }) };
  }
  if (!json || typeof json !== 'object' || typeof json.id !== 'string' || typeof json.name !== 'string' || !Array.isArray(json.indicators)) {
    return { problem: t('rubrics.notRubric') };
  }
  return { rubric: { id: json.id, name: json.name, indicators: json.indicators } };
}

/** district-2026-v2.json: the name an exported rubric is saved under. */
export const rubricFileName = (rubric) => `${rubric.id}-v${rubric.version}.json`;

/** The caller's own evaluation of the lesson among its evaluations (the newest), or null. */
export const ownEvaluation = (evaluations, user) => [...(evaluations ?? [])].reverse().find((e) => e.evaluator === user?.name) ?? null;

/** Every note of the lesson's evaluations, in the lesson's order: {atMillis, text, evaluator}. */
export const lessonNotes = (evaluations) => (evaluations ?? [])
  .flatMap((e) => e.notes.map((n) => ({ ...n, evaluator: e.evaluator })))
  .sort((a, b) => a.atMillis - b.atMillis);

/** Why a score cannot be sent (the server answers 400), or null. */
export const indicatorScoreProblem = (score, indicator) => (typeof score === 'number' && score >= 0 && score <= indicator.maxScore
  ? null : t('evaluate.scoreRange', { name: indicator.name, max: indicator.maxScore }));

/** 77.5: a total out of 100, one decimal. */
export const totalLabel = (total) => (typeof total === 'number' ? String(Math.round(total * 10) / 10) : '—');
