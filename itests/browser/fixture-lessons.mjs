// The lesson catalog fixture-server.mjs answers, as Yike's /api/lessons does (docs/api.md), for the
// lessons page and the player: a term's lessons with Chinese titles, one of them (LESSON) with real MP4s
// of the same 20 s (the program with sound and its mobile profile, a teacher camera; each with its time drawn on it) that
// ffmpeg makes once into the temp folder, its chapters with thumbnails, and a poster for each lesson.
//   GET /api/lessons?q=&room=&teacher=&course=&class=&from=&to=&state=&page=&size=  q: a substring of the
//       title, course, teacher, class, chapter names or tags (Yike segments Chinese; a substring is enough here);
//       &review=  a teacher gets their own lessons and those shared with them, a user whose scope is not this
//       school (南山实验学校) nor a region code (the school lies in every region here) the published ones only;
//       facets {room, teacher, course, class, state, review}: [{value, count}] over all the lessons found, most
//       first (a tie by value), none when nothing is found
//   GET /api/lessons/{id}, /poster.jpg, /chapters/{n}/thumbnail.jpg, /files/{name} (byte ranges; ?download=1);
//       a teacher's own or shared with them, a published one beyond the school's scope, else 403
//   PATCH /api/lessons/{id} {title, tags, protected, chapters, sharedWith}  checked as Yike checks it, in its words:
//       admins any lesson, a teacher their own (403); 400 for a field it has not, a wrong type, a user who does
//       not exist or the lesson's own teacher; 409 while it records or is only scheduled. L-103 is shared with wang.
//   POST /api/lessons/{id}/review-request  its teacher or an admin (else 403): a private or rejected lesson becomes
//       pending; 409 when pending or published already, or only scheduled; a recording one answers unchanged
//   POST /api/lessons/{id}/review {decision: publish | reject, reason}  a reviewer or an admin (else 403), of a
//       pending lesson (else 409): published, or rejected with its reason (400 without one, or another decision)
//   POST /api/lessons/{id}/views {view, playedMillis}  whoever may watch it: 201 counted, 200 that view id again,
//       400 under 10 s of play
//   GET /api/lessons/{id}/analysis  whoever may watch it: L-101's S-T analysis (TTSTSS every 10 s: Rt 0.5, Ch 0.5,
//       对话型, as LessonAnalysisTest's scripted lesson), 404 for the others (not analysed)
//   A judge is shown every lesson blind (no teacher, school, shares, reviewer or lesson.json; no teacher facet)
//   and cannot search by words or teacher (400), as LessonsApi shows them.
//   Their refusals are Yike's words (AccessFilter, LessonsApi, LessonCatalog). L-102 and L-107 are pending,
//   L-104 rejected by shen, L-106 published; the others private.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyOf, userNamed } from './fixture-login.mjs';

let MEDIA = join(tmpdir(), 'yike-fixture-lessons-v6');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SECONDS = 20;
const TEACHER_OFFSET_MS = 1000;

/** The lesson with real files, opened by the player test. */
export const LESSON = 'L-101';

const ffmpeg = (...args) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);

/**
 * An H.264 MP4 (25 fps) of source to the lesson's end (20 s) from startAt s into it, the lesson's time
 * drawn on it with its name; sound where asked.
 */
function makeVideo(file, source, label, sound, size = '640x360', startAt = 0) {
  const seconds = SECONDS - startAt;
  const text = `drawtext=fontfile=${FONT}:fontsize=h/14:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=16:y=h-th-16:`
    + `text='${label}  %{pts\\:hms\\:${startAt}}  frame %{frame_num}'`;
  ffmpeg('-f', 'lavfi', '-i', `${source}=size=${size}:rate=25:duration=${seconds}`,
    ...(sound ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac', '-b:a', '64k'] : []),
    '-vf', text, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '25', '-movflags', '+faststart',
    '-t', String(seconds), join(MEDIA, file));
}

const still = (from, file, at = 0) => ffmpeg('-ss', String(at), '-i', from, '-frames:v', '1', '-q:v', '4', join(MEDIA, file));

// posters of the other lessons: each its own picture, as each lesson looks different
const POSTER_SOURCES = ['gradients', 'mandelbrot', 'smptebars', 'smptehdbars', 'colorspectrum', 'sierpinski', 'testsrc', 'rgbtestsrc'];

/** Makes the media into a folder of this process's, then renames it: fixtures started at once never read half a file. */
function makeMedia() {
  if (existsSync(MEDIA)) return;
  const final = MEDIA;
  MEDIA = `${final}.${process.pid}`;
  mkdirSync(MEDIA, { recursive: true });
  makeVideo('program.mp4', 'testsrc2', 'PROGRAM', true);
  makeVideo('program-mobile.mp4', 'testsrc2', 'MOBILE', true, '384x216');
  // the teacher camera's first picture came 1 s into the lesson, as a camera that connects late
  makeVideo('resource-cam1_teacher.mp4', 'testsrc', 'TEACHER CAM', false, '640x360', TEACHER_OFFSET_MS / 1000);
  still(join(MEDIA, 'program.mp4'), 'poster-0.jpg', 1);
  CHAPTERS.forEach((c, i) => still(join(MEDIA, 'program.mp4'), `chapter-${i}.jpg`, c.atMillis / 1000 + 0.5));
  POSTER_SOURCES.forEach((source, i) => ffmpeg('-f', 'lavfi', '-i', `${source}=size=640x360:rate=25`, '-frames:v', '1',
    '-q:v', '4', join(MEDIA, `poster-${i + 1}.jpg`)));
  try {
    renameSync(MEDIA, final);
  } catch (e) {
    rmSync(MEDIA, { recursive: true, force: true }); // another fixture was first: its media are the same
  }
  MEDIA = final;
}

const CHAPTERS = [
  { atMillis: 0, title: '导入：毕达哥拉斯的故事' },
  { atMillis: 5000, title: '勾股定理的证明' },
  { atMillis: 10000, title: '例题讲解' },
  { atMillis: 16000, title: '课堂小结' },
];

const DAY_MS = 86_400_000;
const dayAfter = (days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

// [id, room, teacher, course, class, days from today, period, title, state, minutes, tags]
const ROWS = [
  [LESSON, '101', '王老师', '数学', '八年级(2)班', -4, 3, '勾股定理', 'finished', null, ['公开课']],
  ['L-102', '101', '王老师', '数学', '八年级(2)班', -3, 2, '勾股定理的逆定理', 'finished', 44, []],
  ['L-103', '203', '李老师', '语文', '七年级(1)班', -3, 1, '春江花月夜赏析', 'finished', 45, ['古诗词']],
  ['L-104', '305', '赵老师', '物理', '九年级(3)班', -2, 4, '牛顿第二定律', 'finished', 43, []],
  ['L-105', '102', '陈老师', '生物', '七年级(2)班', -2, 5, '光合作用', 'partial', 31, []],
  ['L-106', '101', '王老师', '数学', '八年级(1)班', -1, 3, '正弦定理与余弦定理', 'finished', 45, []],
  ['L-107', '204', '孙老师', '英语', '八年级(2)班', -1, 6, 'Unit 3 阅读：The Little Prince', 'finished', 42, []],
  ['L-108', '306', '周老师', '化学', '九年级(1)班', -1, 2, '化学方程式的配平', 'failed', 12, []],
  ['L-109', '101', '王老师', '数学', '八年级(2)班', 0, 1, '二次函数的图像与性质', 'recording', null, []],
  ['L-110', '203', '李老师', '语文', '七年级(1)班', 1, 1, '背影', 'scheduled', null, []],
];

const SHARED = { 'L-103': ['wang'] };
const SCHOOL = '南山实验学校';
const REVIEWS = {
  'L-102': { state: 'pending', reason: null, by: 'wang', at: new Date(Date.now() - 2 * DAY_MS).toISOString() },
  'L-104': { state: 'rejected', reason: '板书拍得不清楚，请调整摄像机后再申请', by: 'shen', at: new Date(Date.now() - DAY_MS).toISOString() },
  'L-106': { state: 'published', reason: null, by: 'shen', at: new Date(Date.now() - 3600_000).toISOString() },
  'L-107': { state: 'pending', reason: null, by: 'sun', at: new Date(Date.now() - 7200_000).toISOString() },
};
const PRIVATE = { state: 'private', reason: null, by: null, at: null };

const lessons = ROWS.map(([id, room, teacher, course, klass, days, period, title, state, minutes, tags], i) => {
  const date = dayAfter(days);
  const base = `/api/lessons/${encodeURIComponent(id)}`;
  const real = id === LESSON;
  const files = state === 'scheduled' ? [] : [
    { name: 'program.mp4', role: 'program', profile: 'recording', source: null },
    { name: 'program-mobile.mp4', role: 'program', profile: 'mobile', source: null },
    { name: 'resource-cam1_teacher.mp4', role: 'resource', profile: null, source: 'cam1/teacher', startOffsetMillis: TEACHER_OFFSET_MS },
    { name: 'lesson.json', role: 'metadata', profile: null, source: null },
  ].map((f) => ({ ...f, sizeBytes: 0, url: `${base}/files/${f.name}`,
    ...(f.name.endsWith('.mp4') ? { hls: `${base}/hls/${f.name.slice(0, -4)}/index.m3u8` } : {}) }));
  const chapters = real ? CHAPTERS.map((c, n) => ({ ...c, thumbnail: `${base}/chapters/${n}/thumbnail.jpg` })) : [];
  return {
    id, school: SCHOOL, room, teacher, course, class: klass, date, period, title, state,
    started: state === 'scheduled' ? null : `${date}T0${period}:00:00+08:00`, ended: null,
    durationMillis: real ? SECONDS * 1000 : minutes && minutes * 60_000,
    sizeBytes: 0, files, chapters, tags, protected: false, published: false, sharedWith: SHARED[id] ?? [],
    review: { ...(REVIEWS[id] ?? PRIVATE) }, poster: `${base}/poster.jpg`,
    posterFile: `poster-${real ? 0 : (i - 1) % POSTER_SOURCES.length + 1}.jpg`,
  };
});

/** The lesson's analysis as org.yike.analysis.lesson answers it: the scripted conversation's figures, worked by hand. */
const analysisOf = (lesson) => ({
  lesson: lesson.id, classroom: lesson.room, durationMillis: 60_000,
  st: { intervalSeconds: 10, curve: 'TTSTSS', samples: 6, teacherSamples: 3, runs: 4, rt: 0.5, ch: 0.5, type: 'DIALOGUE' },
  standUps: { total: 2, perInterval: [0, 0, 1, 0, 1, 0], peakAtMillis: 20_000, peakCount: 1 },
  teacher: { trackedMillis: 60_000, columns: 8, rows: 6, heatMillis: [], zoneShares: { podium: 0.75, board: 0.25 } },
});

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const shown = ({ posterFile, ...lesson }) => lesson;
/**
 * A lesson as a judge is shown it (LessonsApi.blinded): no teacher, school, shares, reviewer or metadata file, a
 * title of course, class, day and period.
 */
const blinded = (lesson) => ({ ...shown(lesson), teacher: null, school: null, sharedWith: [],
  title: `${[lesson.course, lesson.class].filter(Boolean).join(' · ')} · ${lesson.date}${lesson.period ? ` 第${lesson.period}节` : ''}`,
  review: { ...lesson.review, by: null }, files: lesson.files.filter((f) => f.role !== 'metadata') });
/** The lesson as this user is shown it. */
const shownTo = (user) => (user?.role === 'judge' ? blinded : shown);
const ADMINS = ['district-admin', 'school-admin'];
const FACETS = ['room', 'teacher', 'course', 'class', 'state', 'review'];
const FACET_VALUES = 50;

/** The lesson by its id, as the dashboard's sessions name their recordings; undefined when there is none. */
export const lessonById = (id) => lessons.find((l) => l.id === id);

/** Whether the user's scope covers this school: its name, or a region code (the fixture's school is in all). */
const covers = (user) => user.scope === SCHOOL || /^\d{6}$/.test(user.scope ?? '');
const outside = (user) => `${user.name}'s scope (${user.scope}) does not cover this school (${SCHOOL})`;
const published = (lesson) => lesson.review.state === 'published';

/**
 * Whether the user may watch the lesson: anyone of the school but a teacher, who watches their own and those
 * shared with them; beyond the school, what the review published.
 */
const watches = (user, lesson) => (covers(user)
  ? user.role !== 'teacher' || lesson.teacher === user.displayName || lesson.sharedWith.includes(user.name)
  : published(lesson));

/** Each facet's values among the lessons found, most first, a tie by value, as Lucene's sorted-set facets count. */
function facetsOf(found) {
  if (!found.length) return {};
  return Object.fromEntries(FACETS.map((field) => {
    const counts = new Map();
    for (const l of found) {
      const value = field === 'review' ? l.review.state : l[field];
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts].map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return [field, values.slice(0, FACET_VALUES)];
  }));
}

function find(params, user) {
  const q = params.get('q')?.trim();
  if (user.role === 'judge' && (q || params.get('teacher')?.trim())) {
    return { status: 400, body: { error: `judges judge blind: they find lessons by course, class, room, state and days, not by '${q ? 'q' : 'teacher'}'` } };
  }
  const exact = { room: params.get('room'), teacher: params.get('teacher'), course: params.get('course'), class: params.get('class'),
    state: params.get('state'), review: covers(user) ? params.get('review') : 'published' };
  const from = params.get('from');
  const to = params.get('to');
  const page = Number(params.get('page') ?? 0);
  const size = Number(params.get('size') ?? 20);
  if (!(page >= 0 && size >= 1 && size <= 200)) return { status: 400, body: { error: 'page 从 0 起，size 为 1 到 200' } };
  const found = lessons.filter((l) => watches(user, l)
    && Object.entries(exact).every(([k, v]) => !v || (k === 'review' ? l.review.state : l[k]) === v)
    && (!from || l.date >= from) && (!to || l.date <= to)
    && (!q || [l.title, l.course, l.teacher, l.class, ...l.chapters.map((c) => c.title), ...l.tags].some((t) => t.includes(q))))
    .sort((a, b) => b.date.localeCompare(a.date) || b.period - a.period);
  const facets = facetsOf(found);
  if (user.role === 'judge') delete facets.teacher;
  return { status: 200, body: { total: found.length, items: found.slice(page * size, (page + 1) * size).map(shownTo(user)), facets } };
}

const EDITABLE = ['title', 'tags', 'protected', 'chapters', 'sharedWith'];
const isStrings = (v) => Array.isArray(v) && v.every((t) => typeof t === 'string');
const present = (v) => v !== undefined && v !== null;

/** Why the edit cannot be made, as [status, words] in Yike's (LessonsApi, LessonCatalog), or null. */
function editProblem(lesson, body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [400, 'the body must be a JSON object'];
  const unknown = Object.keys(body).find((f) => !EDITABLE.includes(f));
  if (unknown) return [400, `a lesson has no '${unknown}' to change; title, tags, protected, chapters and sharedWith can be`];
  if (present(body.title) && typeof body.title !== 'string') return [400, "'title' must be a string"];
  for (const list of ['tags', 'sharedWith']) if (present(body[list]) && !isStrings(body[list])) return [400, `'${list}' must be a list of strings`];
  for (const name of body.sharedWith ?? []) {
    const user = userNamed(name.trim());
    if (!user) return [400, `there is no user '${name}' to share lesson ${lesson.id} with`];
    if (user.displayName === lesson.teacher && user.role === 'teacher') return [400, `lesson ${lesson.id} is ${user.name}'s own; it is shared with others`];
  }
  if (present(body.protected) && typeof body.protected !== 'boolean') return [400, "'protected' must be true or false"];
  if (present(body.chapters) && !(Array.isArray(body.chapters)
    && body.chapters.every((c) => Number.isInteger(c?.atMillis) && typeof c.title === 'string'))) {
    return [400, 'each of \'chapters\' is {"atMillis": …, "title": "…"}'];
  }
  if (lesson.state === 'scheduled') return [409, `lesson ${lesson.id} is not recorded yet; change it once it has recorded`];
  if (lesson.state === 'recording') return [409, `lesson ${lesson.id} is still recording; change it when it has ended`];
  return null;
}

const cleaned = (list) => [...new Set(list.map((t) => t.trim()).filter(Boolean))];

/**
 * Why the user may not change the lesson by `call` ("PATCH /api/lessons/L-101"), a change its teacher or an
 * admin makes, in the access filter's words; null when they may.
 */
function notTheirs(lesson, user, call) {
  if (!covers(user)) return outside(user);
  if (!['teacher', ...ADMINS].includes(user.role)) return `a ${user.role} may not ${call}`;
  if (user.role === 'teacher' && lesson.teacher !== user.displayName) {
    return `lesson ${lesson.id} is ${lesson.teacher}'s, not ${user.displayName}'s`
      + (lesson.sharedWith.includes(user.name) ? ' (shared with them to watch)' : '');
  }
  return null;
}

/** PATCH /api/lessons/{id}: the lesson changed, as Yike answers it. */
async function edit(req, res, lesson, user) {
  const refused = notTheirs(lesson, user, `PATCH /api/lessons/${lesson.id}`);
  if (refused) return json(res, 403, { error: refused });
  const body = await bodyOf(req);
  const problem = editProblem(lesson, body);
  if (problem) return json(res, problem[0], { error: problem[1] });
  if (present(body.title)) lesson.title = body.title.trim() || `${lesson.course} · ${lesson.class} · ${lesson.teacher} · ${lesson.date} 第${lesson.period}节`;
  if (present(body.tags)) lesson.tags = cleaned(body.tags);
  if (present(body.sharedWith)) lesson.sharedWith = cleaned(body.sharedWith);
  if (present(body.protected)) lesson.protected = body.protected;
  for (const c of body.chapters ?? []) {
    const chapter = lesson.chapters.find((old) => old.atMillis === c.atMillis);
    if (chapter) chapter.title = c.title;
  }
  return json(res, 200, shown(lesson));
}

/** POST /api/lessons/{id}/review-request: its teacher asks for it to be published, as Yike answers it. */
function askReview(res, lesson, user) {
  const refused = notTheirs(lesson, user, `POST /api/lessons/${lesson.id}/review-request`);
  if (refused) return json(res, 403, { error: refused });
  if (lesson.state === 'scheduled') return json(res, 409, { error: `lesson ${lesson.id} is not recorded yet; ask for its review once it records` });
  if (['pending', 'published'].includes(lesson.review.state)) {
    return json(res, 409, { error: `lesson ${lesson.id} is ${lesson.review.state} already` });
  }
  // a lesson recording keeps the request until it ends: its answer is the lesson as it is
  if (lesson.state !== 'recording') lesson.review = { state: 'pending', reason: null, by: user.name, at: new Date().toISOString() };
  return json(res, 200, shown(lesson));
}

/** POST /api/lessons/{id}/review {decision, reason}: a reviewer publishes or rejects, as Yike answers it. */
async function review(req, res, lesson, user) {
  if (!covers(user) || ![...ADMINS, 'reviewer'].includes(user.role)) {
    return json(res, 403, { error: covers(user) ? `a ${user.role} may not POST /api/lessons/${lesson.id}/review` : outside(user) });
  }
  const body = await bodyOf(req);
  if (!['publish', 'reject'].includes(body?.decision)) {
    return json(res, 400, { error: "'decision' is publish or reject (with a 'reason' for the teacher)" });
  }
  if (lesson.review.state !== 'pending') {
    return json(res, 409, { error: `lesson ${lesson.id} is not waiting for review (it is ${lesson.review.state})` });
  }
  const publish = body.decision === 'publish';
  if (!publish && !String(body.reason ?? '').trim()) return json(res, 400, { error: 'a rejection says why, for the teacher' });
  lesson.review = { state: publish ? 'published' : 'rejected', reason: publish ? null : body.reason.trim(), by: user.name,
    at: new Date().toISOString() };
  return json(res, 200, shown(lesson));
}

// the views counted: view id → lesson id
const views = new Map();
/** How many views each lesson has: {lesson id: count}. */
export function viewCounts() {
  const counts = {};
  for (const lesson of views.values()) counts[lesson] = (counts[lesson] ?? 0) + 1;
  return counts;
}

/** POST /api/lessons/{id}/views {view, playedMillis}: a player played 10 s of the lesson, as LessonsApi counts it. */
async function countView(req, res, lesson) {
  const body = await bodyOf(req);
  if (!String(body?.view ?? '').trim()) return json(res, 400, { error: "'view': the player's own id, the same however often it says so" });
  if (!(Number(body.playedMillis) >= 10000)) return json(res, 400, { error: "a view is a player that played at least 10 s ('playedMillis')" });
  const counted = !views.has(body.view);
  if (counted) views.set(body.view, lesson.id);
  return json(res, counted ? 201 : 200, { counted });
}

/** Sends a file whole or the byte range asked for, as a player seeking needs. */
function sendFile(req, res, file, type, download) {
  const size = statSync(file).size;
  const headers = { 'content-type': type, 'accept-ranges': 'bytes',
    ...(download ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download)}` } : {}) };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range) {
    res.writeHead(200, { ...headers, 'content-length': size });
    return req.method === 'HEAD' ? res.end() : createReadStream(file).pipe(res);
  }
  const start = range[1] ? Number(range[1]) : size - Number(range[2]);
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start > end || start >= size) return res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
  res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
  return req.method === 'HEAD' ? res.end() : createReadStream(file, { start, end }).pipe(res);
}

/** Answers a /api/lessons call for the logged-in user; false for any other path. */
export async function lessonsApi(req, res, path, user) {
  if (path === '/api/lessons') {
    const { status, body } = find(new URL(req.url, 'http://x').searchParams, user);
    json(res, status, body);
    return true;
  }
  const m = path.match(/^\/api\/lessons\/([^/]+)(?:\/(.*))?$/);
  if (!m) return false;
  const lesson = lessons.find((l) => l.id === m[1]);
  if (!lesson) {
    json(res, 404, { error: `没有课程 ${m[1]}` });
    return true;
  }
  const rest = m[2] ?? '';
  if (!rest && req.method === 'PATCH') {
    await edit(req, res, lesson, user);
    return true;
  }
  if (rest === 'review-request' && req.method === 'POST') {
    askReview(res, lesson, user);
    return true;
  }
  if (rest === 'review' && req.method === 'POST') {
    await review(req, res, lesson, user);
    return true;
  }
  if (!watches(user, lesson)) {
    json(res, 403, { error: covers(user) ? `lesson ${lesson.id} is ${lesson.teacher}'s, not ${user.displayName}'s` : outside(user) });
    return true;
  }
  if (rest === 'views' && req.method === 'POST') {
    await countView(req, res, lesson);
    return true;
  }
  if (rest === 'analysis') {
    if (lesson.id === LESSON) json(res, 200, analysisOf(lesson));
    else json(res, 404, { error: `lesson ${lesson.id} is not analysed` });
    return true;
  }
  const chapter = rest.match(/^chapters\/(\d+)\/thumbnail\.jpg$/);
  const file = rest.match(/^files\/([^/]+)$/);
  if (!rest) json(res, 200, shownTo(user)(lesson));
  else if (rest === 'poster.jpg' && lesson.state !== 'scheduled') sendFile(req, res, join(MEDIA, lesson.posterFile), 'image/jpeg');
  else if (chapter && lesson.chapters[chapter[1]]) sendFile(req, res, join(MEDIA, `chapter-${chapter[1]}.jpg`), 'image/jpeg');
  else if (file && lesson.files.some((f) => f.name === file[1] && f.name.endsWith('.mp4'))) {
    const download = new URL(req.url, 'http://x').searchParams.has('download')
      ? (file[1] === 'program.mp4' ? `${lesson.title}.mp4` : `${lesson.title} - ${file[1]}`) : null;
    sendFile(req, res, join(MEDIA, file[1]), 'video/mp4', download);
  } else json(res, 404, { error: `课程 ${lesson.id} 没有 ${rest}` });
  return true;
}

makeMedia();
