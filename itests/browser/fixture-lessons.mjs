// The lesson catalog fixture-server.mjs answers, as Yike's /api/lessons does (docs/api.md), for the
// lessons page and the player: a term's lessons with Chinese titles, one of them (LESSON) with real MP4s
// of the same 20 s (the program with sound and its mobile profile, a teacher camera; each with its time drawn on it) that
// ffmpeg makes once into the temp folder, its chapters with thumbnails, and a poster for each lesson.
//   GET /api/lessons?q=&room=&teacher=&course=&class=&from=&to=&state=&page=&size=  q: a substring of the
//       title, course, teacher, class, chapter names or tags (Yike segments Chinese; a substring is enough here);
//       a teacher gets their own lessons only
//   GET /api/lessons/{id}, /poster.jpg, /chapters/{n}/thumbnail.jpg, /files/{name} (byte ranges; ?download=1)
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const dayAfter = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

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
    id, school: '南山实验学校', room, teacher, course, class: klass, date, period, title, state,
    started: state === 'scheduled' ? null : `${date}T0${period}:00:00+08:00`, ended: null,
    durationMillis: real ? SECONDS * 1000 : minutes && minutes * 60_000,
    sizeBytes: 0, files, chapters, tags, protected: false, published: false, poster: `${base}/poster.jpg`,
    posterFile: `poster-${real ? 0 : (i - 1) % POSTER_SOURCES.length + 1}.jpg`,
  };
});

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const shown = ({ posterFile, ...lesson }) => lesson;

function find(params, user) {
  const q = params.get('q')?.trim();
  const teacher = user.role === 'teacher' ? user.displayName : params.get('teacher');
  const exact = { room: params.get('room'), teacher, course: params.get('course'), class: params.get('class'), state: params.get('state') };
  const from = params.get('from');
  const to = params.get('to');
  const page = Number(params.get('page') ?? 0);
  const size = Number(params.get('size') ?? 20);
  if (!(page >= 0 && size >= 1 && size <= 200)) return { status: 400, body: { error: 'page 从 0 起，size 为 1 到 200' } };
  const found = lessons.filter((l) => Object.entries(exact).every(([k, v]) => !v || l[k] === v)
    && (!from || l.date >= from) && (!to || l.date <= to)
    && (!q || [l.title, l.course, l.teacher, l.class, ...l.chapters.map((c) => c.title), ...l.tags].some((t) => t.includes(q))))
    .sort((a, b) => b.date.localeCompare(a.date) || b.period - a.period);
  return { status: 200, body: { total: found.length, items: found.slice(page * size, (page + 1) * size).map(shown) } };
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
export function lessonsApi(req, res, path, user) {
  if (path === '/api/lessons') {
    const { status, body } = find(new URL(req.url, 'http://x').searchParams, user);
    json(res, status, body);
    return true;
  }
  const m = path.match(/^\/api\/lessons\/([^/]+)(?:\/(.*))?$/);
  if (!m) return false;
  const lesson = lessons.find((l) => l.id === m[1]);
  if (!lesson || (user.role === 'teacher' && lesson.teacher !== user.displayName)) {
    json(res, 404, { error: `没有课程 ${m[1]}` });
    return true;
  }
  const rest = m[2] ?? '';
  const chapter = rest.match(/^chapters\/(\d+)\/thumbnail\.jpg$/);
  const file = rest.match(/^files\/([^/]+)$/);
  if (!rest) json(res, 200, shown(lesson));
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
