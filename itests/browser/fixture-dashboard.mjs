// The dashboard fixture-server.mjs answers, as Yike's /api/dashboard does (docs/api.md, Figures), counted
// the way org.yike.dashboard counts: the sessions of the timetable fixture that are to be recorded and have
// ended within the days asked for, each recorded when the lesson catalog has a lesson of its id (Yike names a
// recording after its session), valid when that lesson is whole and at least 80 % of the session long;
// the rooms of the sessions and of the live rooms, those faulty now; the disk of the system fixture.
//   GET /api/dashboard?from=&to=&rooms=  (default the last 30 days, today's included; rooms: comma-separated, the
//       figures of those alone) {from, to, planned, recorded, rate,
//       valid, invalid {failed, partial, tooShort}, validFraction, rooms, faultyRooms, diskLow, courses, grades,
//       views, mostViewed [{lesson, title, views}], evaluations, evaluationMean (none evaluated here),
//       behind {planned, recorded, missed, valid, failed, partial, tooShort, faultyRooms, viewed, evaluated}};
//       views: those the players counted (fixture-lessons.mjs) and those the fortnight scripted; admins and inspectors
//       (else 403); 400 for a day that does not read, in Yike's words
//   POST /_fixture/fortnight  puts the scripted fortnight into the schedule: a session for each lesson of the
//       catalog fixture that was recorded (L-101 … L-108: five valid, L-101 too short, L-105 partial, L-108
//       failed) and two that were not (203 and 305), and views: L-102 5, L-103 3, L-101 1
import { createHash } from 'node:crypto';
import { lessonById, viewCounts } from './fixture-lessons.mjs';
import { diskLow } from './fixture-system.mjs';
import { addEarlier, scheduled } from './fixture-timetable.mjs';

const VALID_FRACTION = 0.8;
const DAYS = 30;
const DAY_MS = 86_400_000;
const READERS = ['district-admin', 'school-admin', 'inspector'];
const RECORDED = ['L-101', 'L-102', 'L-103', 'L-104', 'L-105', 'L-106', 'L-107', 'L-108'];
// [room, course, teacher, class, days from today, period] of the sessions nobody recorded
const MISSED = [['203', '语文', '李老师', '七年级(1)班', -2, 3], ['305', '物理', '赵老师', '九年级(3)班', -1, 5]];

// the views the fortnight scripted, beside those the players count
const SCRIPTED_VIEWS = { 'L-102': 5, 'L-103': 3, 'L-101': 1 };
let scriptedViews = {};
const MOST_VIEWED = 10;

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** A session of the timetable at a day's period (period 1 from 08:00 to 08:45, one an hour), its id made as Yike makes one. */
function session(id, room, course, teacher, klass, date, period) {
  const at = (minute) => `${date}T${String(7 + period).padStart(2, '0')}:${minute}:00+08:00`;
  return { id: id ?? `${date.replace(/-/g, '')}-${createHash('sha256').update(`${room}\n${date}\n${period}`).digest('hex').slice(0, 12)}`,
    room, date, period, label: `第${period}节`, start: at('00'), end: at('45'), course, teacher, class: klass, record: true, week: 1 };
}

/** The fortnight: the recorded lessons' sessions with what became of them, then the two missed. */
function fortnight() {
  const recorded = RECORDED.map(lessonById).map((l) => ({
    ...session(l.id, l.room, l.course, l.teacher, l.class, l.date, l.period), state: l.state, recording: l.id, recordings: [l.id] }));
  const missed = MISSED.map(([room, course, teacher, klass, days, period]) => ({
    ...session(null, room, course, teacher, klass, isoDay(Date.now() + days * DAY_MS), period), state: 'failed' }));
  return [...recorded, ...missed];
}

/** 初二 of 初二(3)班, 七年级 of 七年级(1)班: the class's name before its number. */
const grade = (klass) => String(klass ?? '').split(/[(（]/)[0].trim();

/** Why a session's recording does not make a valid lesson, or null, as org.yike.dashboard decides. */
function invalidity(s, lesson) {
  if (lesson.state === 'failed') return 'failed';
  if (lesson.state === 'partial') return 'partial';
  return (lesson.durationMillis ?? 0) < VALID_FRACTION * (Date.parse(s.end) - Date.parse(s.start)) ? 'tooShort' : null;
}

const count = (counts, key) => { counts[key ?? ''] = (counts[key ?? ''] ?? 0) + 1; };

/** in(room): whether the figures count that room. */
function figures(from, to, liveRooms, in_) {
  const now = Date.now();
  const rooms = liveRooms.filter((r) => in_(r.room));
  const behind = { planned: [], recorded: [], missed: [], valid: [], failed: [], partial: [], tooShort: [] };
  const courses = {};
  const grades = {};
  const sessions = scheduled().filter((s) => in_(s.room));
  for (const s of sessions) {
    if (!s.record || s.date < from || s.date > to || Date.parse(s.end) > now) continue;
    behind.planned.push(s.id);
    const lesson = lessonById(s.id);
    if (!lesson || lesson.state === 'scheduled') {
      behind.missed.push(s.id);
      continue;
    }
    behind.recorded.push(s.id);
    count(courses, s.course);
    count(grades, grade(s.class));
    behind[invalidity(s, lesson) ?? 'valid'].push(s.id);
  }
  const all = new Set([...sessions.map((s) => s.room), ...rooms.map((r) => r.room)]);
  behind.faultyRooms = rooms.filter((r) => r.state === 'faulty' && all.has(r.room)).map((r) => r.room).sort();
  const planned = behind.planned.length;
  // the span's lessons' views, the most viewed first (a tie by id), as the catalog answers them
  const counted = viewCounts();
  const viewed = [...new Set([...Object.keys(scriptedViews), ...Object.keys(counted)])]
    .map((id) => ({ lesson: lessonById(id), views: (scriptedViews[id] ?? 0) + (counted[id] ?? 0) }))
    .filter(({ lesson }) => lesson && lesson.date >= from && lesson.date <= to && in_(lesson.room))
    .sort((a, b) => b.views - a.views || a.lesson.id.localeCompare(b.lesson.id));
  behind.viewed = viewed.map((v) => v.lesson.id);
  behind.evaluated = [];
  return { from, to, planned, recorded: behind.recorded.length, rate: planned ? behind.recorded.length / planned : 0,
    valid: behind.valid.length, invalid: { failed: behind.failed.length, partial: behind.partial.length, tooShort: behind.tooShort.length },
    validFraction: VALID_FRACTION, rooms: all.size, faultyRooms: behind.faultyRooms.length, diskLow: diskLow(), courses, grades,
    views: viewed.reduce((sum, v) => sum + v.views, 0),
    mostViewed: viewed.slice(0, MOST_VIEWED).map((v) => ({ lesson: v.lesson.id, title: v.lesson.title, views: v.views })),
    evaluations: 0, evaluationMean: 0, behind };
}

/** A day of the query, its default, or a refusal's words as LessonsApi.date says them. */
function day(query, name, fallback) {
  const v = query.get(name);
  if (!v?.trim()) return { day: fallback };
  return /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim()))
    ? { day: v.trim() } : { error: `'${name}' must be a date such as 2025-09-01, not '${v}'` };
}

/** Answers GET /api/dashboard for the logged-in user and the live rooms; false for any other path. */
export function dashboardApi(req, res, path, user, rooms) {
  if (path !== '/api/dashboard') return false;
  if (!READERS.includes(user.role)) json(res, 403, { error: `a ${user.role} may not GET /api/dashboard` });
  else if (req.method !== 'GET') json(res, 404, { error: `no such API: ${req.method} /api/dashboard` });
  else {
    const query = new URL(req.url, 'http://x').searchParams;
    const to = day(query, 'to', isoDay(Date.now()));
    const from = day(query, 'from', to.day && isoDay(Date.parse(to.day) - (DAYS - 1) * DAY_MS));
    const error = to.error ?? from.error;
    if (error) json(res, 400, { error });
    else {
      const only = (query.get('rooms') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
      json(res, 200, figures(from.day, to.day, rooms, (room) => !only.length || only.includes(room)));
    }
  }
  return true;
}

/** POST /_fixture/fortnight; false for any other path. */
export function dashboardControl(req, res, path) {
  if (path !== '/_fixture/fortnight' || req.method !== 'POST') return false;
  const added = fortnight();
  addEarlier(added);
  scriptedViews = SCRIPTED_VIEWS;
  json(res, 200, added);
  return true;
}
