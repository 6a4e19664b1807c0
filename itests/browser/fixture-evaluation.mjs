// Evaluating lessons (评课) as fixture-server.mjs answers it, as Yike's EvaluationsApi does (docs/api.md,
// Evaluating lessons; org.yike.evaluation's rules and words):
//   GET /api/rubrics, GET /api/rubrics/{id}/{version}   the newest version of each; one version
//   POST /api/rubrics {id, name, indicators}  admins: 201 version 1 for a new id, the next when changed, the same when not;
//       400 naming the indicator at fault (an id, a name, a weight above 0, a leaf's maxScore above 0, four levels, ids once)
//   POST /api/evaluations {lesson, rubric}  201 the caller's evaluation by the rubric's newest version (the one begun before)
//   GET /api/evaluations?lesson=, GET /api/evaluations/{id}, GET /api/evaluations/statistics?by=teacher|course|grade|term
//   PUT /api/evaluations/{id}/scores/{indicator} {score}, POST …/notes {atMillis, text}, POST …/submit  its evaluator only (403);
//       409 once submitted, or submitting with indicators unscored; total out of 100 once every indicator is scored
// Who may: the access filter's table (Permissions.java): reading and evaluating the admins, inspectors and judges; importing
// the admins.
import { bodyOf } from './fixture-login.mjs';
import { lessonById } from './fixture-lessons.mjs';

const EVALUATORS = ['district-admin', 'school-admin', 'inspector', 'judge'];
const ADMINS = ['district-admin', 'school-admin'];
const DEEPEST = 4;
const rubrics = new Map(); // id -> [versions]
const evaluations = [];

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const refuse = (res, status, error) => json(res, status, { error });

/** Why the rubric cannot be kept, in Rubric's and Indicator's words, or null. */
function rubricProblem({ id, name, indicators }) {
  if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(id)) return `a rubric's id is 1 to 100 letters, digits or . _ -, not '${id}'`;
  if (typeof name !== 'string' || !name.trim()) return `rubric ${id} has a name`;
  if (!Array.isArray(indicators) || !indicators.length) return `rubric ${id} has no indicators`;
  const ids = new Set();
  const check = (level, depth) => {
    for (const i of level) {
      if (typeof i?.id !== 'string' || !i.id.trim()) return 'an indicator has an id';
      if (typeof i.name !== 'string' || !i.name.trim()) return `indicator ${i.id} has a name`;
      if (!(i.weight > 0)) return `indicator ${i.id}'s weight must be above 0, not ${i.weight ?? 0.0}`;
      const children = i.children ?? [];
      if (!children.length && !(i.maxScore > 0)) return `indicator ${i.id} is scored: its highest score must be above 0, not ${i.maxScore ?? 0.0}`;
      if (depth > DEEPEST) return `indicator ${i.id} is deeper than ${DEEPEST} levels`;
      if (ids.has(i.id)) return `indicator id ${i.id} is used twice`;
      ids.add(i.id);
      const deeper = check(children, depth + 1);
      if (deeper) return deeper;
    }
    return null;
  };
  const why = check(indicators, 1);
  return why && `the rubric's indicators do not read: ${why}`;
}

/** An indicator as Yike keeps it: children always a list, maxScore 0 where not given. */
const kept = ({ id, name, weight, maxScore, children }) => ({ id, name, weight, maxScore: maxScore ?? 0, children: (children ?? []).map(kept) });

/** The scored indicators with their share of a total of 1, as Rubric.shares. */
function shares(level, share = 1) {
  const sum = level.reduce((s, i) => s + i.weight, 0);
  return level.flatMap((i) => (i.children.length ? shares(i.children, (share * i.weight) / sum) : [{ indicator: i, share: (share * i.weight) / sum }]));
}

const newest = (id) => rubrics.get(id)?.at(-1);
const rubricOf = (e) => rubrics.get(e.rubric)[e.rubricVersion - 1];

function total(e) {
  const all = shares(rubricOf(e).indicators);
  if (!all.every((s) => typeof e.scores[s.indicator.id] === 'number')) return null;
  return all.reduce((sum, s) => sum + (100 * s.share * e.scores[s.indicator.id]) / s.indicator.maxScore, 0);
}
const shown = (e) => ({ ...e, total: total(e) });

/** 初二 of 初二(3)班; 2026秋 from August to January, 2027春 from February to July. */
const grade = (klass) => String(klass ?? '').split(/[(（]/)[0].trim();
function term(date) {
  const [year, month] = date.split('-').map(Number);
  if (month >= 8) return `${year}秋`;
  return month === 1 ? `${year - 1}秋` : `${year}春`;
}
const GROUPS = { teacher: (l) => l.teacher, course: (l) => l.course, grade: (l) => grade(l.class), term: (l) => term(l.date) };

function statistics(by) {
  const groups = new Map();
  for (const e of evaluations.filter((x) => x.submitted)) {
    const key = GROUPS[by](lessonById(e.lesson));
    groups.set(key, [...(groups.get(key) ?? []), total(e)]);
  }
  return [...groups].map(([group, totals]) => ({ group, count: totals.length, mean: totals.reduce((a, b) => a + b, 0) / totals.length,
    min: Math.min(...totals), max: Math.max(...totals) })).sort((a, b) => (a.group < b.group ? -1 : 1));
}

async function rubricsApi(req, res, path, user) {
  if (path === '/api/rubrics' && req.method === 'POST') {
    if (!ADMINS.includes(user.role)) return refuse(res, 403, `a ${user.role} may not POST /api/rubrics`);
    const body = await bodyOf(req);
    const why = rubricProblem(body ?? {});
    if (why) return refuse(res, 400, why);
    const versions = rubrics.get(body.id) ?? [];
    const indicators = body.indicators.map(kept);
    const last = versions.at(-1);
    if (last && last.name === body.name && JSON.stringify(last.indicators) === JSON.stringify(indicators)) return json(res, 201, last);
    const rubric = { id: body.id, version: versions.length + 1, name: body.name, indicators, created: new Date().toISOString() };
    rubrics.set(body.id, [...versions, rubric]);
    return json(res, 201, rubric);
  }
  if (!EVALUATORS.includes(user.role)) return refuse(res, 403, `a ${user.role} may not ${req.method} ${path}`);
  if (path === '/api/rubrics' && req.method === 'GET') return json(res, 200, [...rubrics.keys()].map(newest));
  const one = path.match(/^\/api\/rubrics\/([^/]+)\/([^/]+)$/);
  if (one && req.method === 'GET') {
    const r = rubrics.get(one[1])?.[Number(one[2]) - 1];
    return r ? json(res, 200, r) : refuse(res, 404, `no rubric ${one[1]} version ${one[2]}`);
  }
  return refuse(res, 404, `no such API: ${req.method} ${path}`);
}

async function evaluationsApi(req, res, path, user) {
  if (!EVALUATORS.includes(user.role)) return refuse(res, 403, `a ${user.role} may not ${req.method} ${path}`);
  const query = new URL(req.url, 'http://x').searchParams;
  if (path === '/api/evaluations' && req.method === 'GET') {
    const lesson = query.get('lesson');
    if (!lesson?.trim()) return refuse(res, 400, 'which lesson\'s evaluations: ?lesson=');
    return json(res, 200, evaluations.filter((e) => e.lesson === lesson).map(shown));
  }
  if (path === '/api/evaluations' && req.method === 'POST') {
    const body = await bodyOf(req);
    if (!body?.lesson || !body?.rubric) return refuse(res, 400, "an evaluation is of a 'lesson' by a 'rubric'");
    if (!lessonById(body.lesson)) return refuse(res, 400, `no lesson ${body.lesson}`);
    const r = newest(body.rubric);
    if (!r) return refuse(res, 400, `no rubric ${body.rubric}`);
    const begun = evaluations.find((e) => e.lesson === body.lesson && e.rubric === r.id && e.rubricVersion === r.version && e.evaluator === user.name);
    if (begun) return json(res, 201, shown(begun));
    const e = { id: `E-${evaluations.length + 1}`, lesson: body.lesson, rubric: r.id, rubricVersion: r.version, evaluator: user.name,
      scores: {}, notes: [], started: new Date().toISOString(), submitted: null };
    evaluations.push(e);
    return json(res, 201, shown(e));
  }
  if (path === '/api/evaluations/statistics' && req.method === 'GET') {
    const by = query.get('by');
    if (!GROUPS[String(by).toLowerCase()]) return refuse(res, 400, `statistics are ?by=teacher, course, grade or term, not '${by}'`);
    return json(res, 200, statistics(by.toLowerCase()));
  }
  const m = path.match(/^\/api\/evaluations\/([^/]+)(?:\/(scores|notes|submit)(?:\/([^/]+))?)?$/);
  const e = m && evaluations.find((x) => x.id === m[1]);
  if (!e) return refuse(res, 404, m ? `no evaluation ${m[1]}` : `no such API: ${req.method} ${path}`);
  if (!m[2] && req.method === 'GET') return json(res, 200, shown(e));
  if (e.evaluator !== user.name) return refuse(res, 403, `evaluation ${e.id} is ${e.evaluator}'s`);
  if (e.submitted) return refuse(res, 409, `evaluation ${e.id} was submitted; it no longer changes`);
  const body = req.method === 'GET' ? {} : await bodyOf(req);
  const scored = shares(rubricOf(e).indicators).map((s) => s.indicator);
  if (m[2] === 'scores' && m[3] && req.method === 'PUT') {
    if (typeof body?.score !== 'number') return refuse(res, 400, "'score' must be a number");
    const i = scored.find((x) => x.id === m[3]);
    if (!i) return refuse(res, 400, `rubric ${e.rubric} v${e.rubricVersion} has no scored indicator ${m[3]}`);
    if (!(body.score >= 0 && body.score <= i.maxScore)) return refuse(res, 400, `${i.name} is scored from 0 to ${i.maxScore}, not ${body.score}`);
    e.scores[i.id] = body.score;
    return json(res, 200, shown(e));
  }
  if (m[2] === 'notes' && req.method === 'POST') {
    if (!Number.isInteger(body?.atMillis)) return refuse(res, 400, "'atMillis': where in the lesson the note is");
    if (body.atMillis < 0) return refuse(res, 400, `a note's time in the lesson is 0 or more, not ${body.atMillis}`);
    if (!String(body.text ?? '').trim()) return refuse(res, 400, 'a note says something');
    e.notes.push({ atMillis: body.atMillis, text: body.text.trim() });
    e.notes.sort((a, b) => a.atMillis - b.atMillis);
    return json(res, 200, shown(e));
  }
  if (m[2] === 'submit' && req.method === 'POST') {
    const missing = scored.filter((i) => typeof e.scores[i.id] !== 'number').map((i) => i.id);
    if (missing.length) return refuse(res, 409, `evaluation ${e.id} lacks the scores of [${missing.join(', ')}]`);
    e.submitted = new Date().toISOString();
    return json(res, 200, shown(e));
  }
  return refuse(res, 404, `no such API: ${req.method} ${path}`);
}

/** Answers /api/rubrics and /api/evaluations calls for the logged-in user; false for any other path. */
export async function evaluationApi(req, res, path, user) {
  if (path === '/api/rubrics' || path.startsWith('/api/rubrics/')) await rubricsApi(req, res, path, user);
  else if (path === '/api/evaluations' || path.startsWith('/api/evaluations/')) await evaluationsApi(req, res, path, user);
  else return false;
  return true;
}
