// The lesson contests (优课评选) as fixture-server.mjs answers them, as Yike's ContestsApi does (docs/api.md,
// Lesson contests; org.yike.selection's rules and words):
//   POST /api/contests {name, rounds: [{name, advance}], threshold, maxScore}  admins: 201 in its first round; 400 as NewContest
//   GET /api/contests, /api/contests/{id}  admins and judges
//   POST /api/contests/{id}/entries {lesson}  admins: a finished lesson of the catalog into round 1 (409 nominated already)
//   GET …/rounds/{n}/entries, POST …/rounds/{n}/assign, GET …/rounds/{n}/ranking, POST …/rounds/{n}/close  admins
//   GET …/assigned, PUT …/entries/{entry}/score {score, comment}  judges: their entries blind, their score
//   GET …/comments/{lesson}  admins, and a teacher of their own lesson, once the contest has closed
//   GET /api/contests/mine  admins and teachers: their lessons (the catalog's teacher) in the closed contests, newest first,
//     each where it stopped {contest, contestName, lesson, title, round, roundName, rounds, rank, won, comments}
// Judges: the users with the role judge, a judge whose scope is a school of that school; two per entry, never of its
// school, the fewest entries first (by name on a tie); scores further apart than the threshold call a third at once.
// Ranking by the weighted mean (a third judge twice), the smaller spread first on equal means, one rank on a full tie.
import { bodyOf, usersWithRole } from './fixture-login.mjs';
import { lessonById } from './fixture-lessons.mjs';

const ADMINS = ['district-admin', 'school-admin'];
const EQUAL = 1e-9;
const contests = [];
const entries = []; // {entry, course, schoolClass}
const assignments = []; // {entry, judge, third, round, contest}
const scores = []; // {entry, judge, score, comment, at, third}

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const refuse = (res, status, error) => json(res, status, { error });

/** Why NewContest would refuse the body, or null. */
function contestProblem(b) {
  if (!b?.name?.trim?.()) return 'a contest has a name';
  if (!Array.isArray(b.rounds) || !b.rounds.length) return 'a contest has at least one round';
  if (b.rounds.some((r) => !Number.isInteger(r.advance))) return "each round has a 'name' and how many 'advance'";
  const bad = b.rounds.find((r) => !r.name?.trim?.() || r.advance < 1);
  if (bad) return `each round has a name and lets at least one entry go on: Round[name=${bad.name}, advance=${bad.advance}]`;
  if (typeof b.threshold !== 'number') return "'threshold' must be a number: how far two scores may differ";
  const max = typeof b.maxScore === 'number' ? b.maxScore : 100;
  if (!(max > 0)) return `the highest score must be above 0, not ${max}`;
  if (!(b.threshold >= 0) || b.threshold > max) return `the threshold must be from 0 to the highest score, not ${b.threshold}`;
  return null;
}

const judges = () => usersWithRole('judge').map((u) => ({ name: u.name, school: /^\d{6}$/.test(u.scope) ? null : u.scope }));
const of = (c, round) => entries.filter((s) => s.entry.contest === c.id && s.entry.round === round);
const assignedIn = (c, round) => assignments.filter((a) => a.contest === c.id && a.round === round);
const scoresOf = (entry) => scores.filter((s) => s.entry === entry);
const disagree = (firstTwo, threshold) => Math.abs(firstTwo[0].score - firstTwo[1].score) > threshold + EQUAL;

function nextJudge(entry, already, load) {
  return judges().filter((j) => !already.has(j.name) && (j.school === null || j.school !== entry.school))
    .sort((a, b) => (load.get(a.name) ?? 0) - (load.get(b.name) ?? 0) || (a.name < b.name ? -1 : 1))[0];
}
function loadOf(list) {
  const load = new Map();
  for (const a of list) load.set(a.judge, (load.get(a.judge) ?? 0) + 1);
  return load;
}

/** A third judge where the first two disagree and none is called yet; the refusal's words where none is left. */
function thirdWhereNeeded(c, entry) {
  const firstTwo = scoresOf(entry.id).filter((s) => !s.third);
  const all = assignedIn(c, entry.round);
  if (all.some((a) => a.entry === entry.id && a.third) || firstTwo.length < 2 || !disagree(firstTwo, c.threshold)) return null;
  const third = nextJudge(entry, new Set(all.filter((a) => a.entry === entry.id).map((a) => a.judge)), loadOf(all));
  if (!third) return `entry ${entry.id} needs a third judge (its scores ${firstTwo[0].score} and ${firstTwo[1].score} differ by more than ${c.threshold}), and no judge of another school is left`;
  assignments.push({ contest: c.id, round: entry.round, entry: entry.id, judge: third.name, third: true });
  return null;
}

function assign(c, round) {
  const bySchool = new Map();
  for (const s of of(c, round)) bySchool.set(s.entry.school, [...(bySchool.get(s.entry.school) ?? []), s]);
  const turns = [];
  for (let i = 0; turns.length < of(c, round).length; i++) for (const list of bySchool.values()) if (list[i]) turns.push(list[i]);
  for (const { entry } of turns) {
    const already = new Set(assignedIn(c, round).filter((a) => a.entry === entry.id).map((a) => a.judge));
    if (already.size >= 2) {
      const why = thirdWhereNeeded(c, entry);
      if (why) return why;
      continue;
    }
    while (already.size < 2) {
      const j = nextJudge(entry, already, loadOf(assignedIn(c, round)));
      if (!j) return `entry ${entry.id} (${entry.school}) needs 2 judges from other schools; the judges are ${JSON.stringify(judges())}`;
      assignments.push({ contest: c.id, round, entry: entry.id, judge: j.name, third: false });
      already.add(j.name);
    }
  }
  return null;
}

function ranking(c, round) {
  const standings = of(c, round).map(({ entry }) => {
    const given = scoresOf(entry.id);
    const all = given.map((s) => s.score);
    const firstTwo = given.filter((s) => !s.third);
    const complete = firstTwo.length >= 2 && (given.some((s) => s.third) || !disagree(firstTwo, c.threshold));
    const thirdJudge = assignedIn(c, round).some((a) => a.entry === entry.id && a.third);
    if (!complete) return { rank: 0, entry, score: 0, spread: 0, scores: all, thirdJudge };
    const w = given.reduce((s, x) => s + (x.third ? 2 : 1), 0);
    const score = given.reduce((s, x) => s + (x.third ? 2 : 1) * x.score, 0) / w;
    return { rank: -1, entry, score, spread: Math.max(...all) - Math.min(...all), scores: all, thirdJudge };
  });
  const better = (a, b) => a.score > b.score + EQUAL || (Math.abs(a.score - b.score) <= EQUAL && a.spread < b.spread - EQUAL);
  const scored = standings.filter((r) => r.rank !== 0).sort((a, b) => b.score - a.score || a.spread - b.spread);
  return [...scored.map((r) => ({ ...r, rank: 1 + scored.filter((o) => better(o, r)).length })), ...standings.filter((r) => r.rank === 0)];
}

function close(c, round) {
  const ranked = ranking(c, round);
  const open = ranked.filter((r) => r.rank === 0).map((r) => r.entry.id);
  if (!ranked.length || open.length) {
    return { error: `round ${round} of ${c.id} cannot close: ${ranked.length ? `entries not fully scored: [${open.join(', ')}]` : 'it has no entries'}` };
  }
  const last = round === c.rounds.length;
  if (!last) {
    let position = 0;
    for (const r of ranked.filter((x) => x.rank <= c.rounds[round - 1].advance)) {
      const was = entries.find((s) => s.entry.id === r.entry.id);
      entries.push({ ...was, entry: { ...r.entry, id: `${c.id}-${round + 1}-${++position}`, round: round + 1 } });
    }
  }
  if (last) c.closed = true;
  else c.round = round + 1;
  return { ranked };
}

/** The judges' comments on the lesson's entries in the contest, round by round. */
function commentsOn(c, lesson) {
  const ids = new Set(entries.filter((s) => s.entry.contest === c.id && s.entry.lesson === lesson).map((s) => s.entry.id));
  return scores.filter((s) => ids.has(s.entry) && s.comment).map((s) => s.comment);
}

/** GET /api/contests/mine as ContestResults composes it: the later round's standing replaces the earlier. */
function resultsOf(teacher) {
  return [...contests].reverse().filter((c) => c.closed).flatMap((c) => {
    const reached = new Map();
    for (let round = 1; round <= c.round; round++) {
      for (const r of ranking(c, round)) if (lessonById(r.entry.lesson)?.teacher === teacher) reached.set(r.entry.lesson, r);
    }
    return [...reached].map(([lesson, r]) => {
      const { round, title } = r.entry;
      const won = round === c.rounds.length && r.rank > 0 && r.rank <= c.rounds[round - 1].advance;
      return { contest: c.id, contestName: c.name, lesson, title, round, roundName: c.rounds[round - 1].name, rounds: c.rounds.length,
        rank: r.rank, won, comments: commentsOn(c, lesson) };
    });
  });
}

/** Answers /api/contests calls for the logged-in user; false for any other path. */
export async function selectionApi(req, res, path, user) {
  if (path !== '/api/contests' && !path.startsWith('/api/contests/')) return false;
  const parts = path.split('/').slice(3);
  const call = `${req.method} ${path}`;
  const admin = ADMINS.includes(user.role);
  const judge = user.role === 'judge';
  const may = (...roles) => roles.includes(user.role);
  const no = () => refuse(res, 403, `a ${user.role} may not ${call}`);
  if (!parts.length) {
    if (req.method === 'GET') return (admin || judge ? json(res, 200, contests) : no()), true;
    if (req.method !== 'POST') return refuse(res, 404, `no such API: ${call}`), true;
    if (!admin) return no(), true;
    const body = await bodyOf(req);
    const why = contestProblem(body);
    if (why) return refuse(res, 400, why), true;
    const c = { id: `contest-2026120${contests.length + 1}-0900`, name: body.name.trim(), rounds: body.rounds.map(({ name, advance }) => ({ name, advance })),
      threshold: body.threshold, maxScore: typeof body.maxScore === 'number' ? body.maxScore : 100, round: 1, closed: false,
      created: new Date().toISOString(), createdBy: user.name };
    contests.push(c);
    return json(res, 201, c), true;
  }
  if (parts.length === 1 && parts[0] === 'mine' && req.method === 'GET') {
    return (may(...ADMINS, 'teacher') ? json(res, 200, resultsOf(user.displayName)) : no()), true;
  }
  const c = contests.find((x) => x.id === parts[0]);
  const [, what, n, action] = parts;
  if (parts.length === 1 && req.method === 'GET') {
    if (!admin && !judge) return no(), true;
    return (c ? json(res, 200, c) : refuse(res, 404, `no contest ${parts[0]}`)), true;
  }
  // the access filter first, as Yike's: comments admins and teachers, assigned and score judges, the rest admins
  const judged = what === 'assigned' || (what === 'entries' && action === 'score');
  if (!may(...(what === 'comments' ? [...ADMINS, 'teacher'] : judged ? ['judge'] : ADMINS))) return no(), true;
  if (!c) return refuse(res, 400, `no contest ${parts[0]}`), true;
  const round = Number(n);
  if (what === 'entries' && parts.length === 2 && req.method === 'POST') {
    if (c.closed) return refuse(res, 409, `contest ${c.id} has closed`), true;
    if (c.round !== 1) return refuse(res, 409, `contest ${c.id} is in round ${c.round}: nominations are closed`), true;
    const { lesson: id } = (await bodyOf(req)) ?? {};
    const lesson = lessonById(id);
    if (!lesson) return refuse(res, 400, `no lesson ${id}`), true;
    if (lesson.state !== 'finished') return refuse(res, 400, `lesson ${id} is ${lesson.state}: only a whole recorded lesson can be nominated`), true;
    if (of(c, 1).some((s) => s.entry.lesson === id)) return refuse(res, 409, `lesson ${id} is nominated already`), true;
    const entry = { id: `${c.id}-1-${of(c, 1).length + 1}`, contest: c.id, round: 1, lesson: id, school: lesson.school, teacher: lesson.teacher,
      title: lesson.title, nominated: new Date().toISOString() };
    entries.push({ entry, course: lesson.course, schoolClass: lesson.class });
    return json(res, 201, entry), true;
  }
  if (what === 'rounds' && action === 'entries' && req.method === 'GET') return json(res, 200, of(c, round).map((s) => s.entry)), true;
  if (what === 'rounds' && action === 'ranking' && req.method === 'GET') return json(res, 200, ranking(c, round)), true;
  if (what === 'rounds' && ['assign', 'close'].includes(action) && req.method === 'POST') {
    if (c.closed) return refuse(res, 409, `contest ${c.id} has closed`), true;
    if (round !== c.round) return refuse(res, 409, `contest ${c.id} is in round ${c.round}, not ${round}`), true;
    if (action === 'assign') {
      const why = assign(c, round);
      return (why ? refuse(res, 409, why) : json(res, 200, assignedIn(c, round).map(({ entry, judge: j, third }) => ({ entry, judge: j, third })))), true;
    }
    const closed = close(c, round);
    return (closed.error ? refuse(res, 409, closed.error) : json(res, 200, closed.ranked)), true;
  }
  if (what === 'assigned' && req.method === 'GET') {
    const theirs = new Set(assignedIn(c, c.round).filter((a) => a.judge === user.name).map((a) => a.entry));
    return json(res, 200, of(c, c.round).filter((s) => theirs.has(s.entry.id)).map((s) => ({ entry: s.entry.id, lesson: s.entry.lesson,
      course: s.course, schoolClass: s.schoolClass, score: scores.find((x) => x.entry === s.entry.id && x.judge === user.name)?.score ?? null }))), true;
  }
  if (what === 'entries' && action === 'score' && req.method === 'PUT') {
    const body = await bodyOf(req);
    if (typeof body?.score !== 'number') return refuse(res, 400, "'score' must be a number"), true;
    if (c.closed) return refuse(res, 409, `contest ${c.id} has closed`), true;
    if (!(body.score >= 0 && body.score <= c.maxScore)) return refuse(res, 400, `a score is from 0 to ${c.maxScore}, not ${body.score}`), true;
    const mine = assignedIn(c, c.round).find((a) => a.entry === n && a.judge === user.name);
    if (!mine) return refuse(res, 409, `${user.name} does not judge entry ${n} in this round`), true;
    const s = { entry: n, judge: user.name, score: body.score, comment: body.comment?.trim() || null, at: new Date().toISOString(), third: mine.third };
    const at = scores.findIndex((x) => x.entry === n && x.judge === user.name);
    if (at >= 0) scores[at] = s;
    else scores.push(s);
    thirdWhereNeeded(c, entries.find((x) => x.entry.id === n).entry);
    return json(res, 200, s), true;
  }
  if (what === 'comments' && n && req.method === 'GET') {
    const lesson = lessonById(n);
    if (user.role === 'teacher' && lesson?.teacher !== user.displayName) return refuse(res, 403, `lesson ${n} is not ${user.displayName}'s`), true;
    if (!c.closed) return refuse(res, 409, `contest ${c.id} is still running: comments come after it`), true;
    return json(res, 200, commentsOn(c, n)), true;
  }
  return refuse(res, 404, `no such API: ${call}`), true;
}
