// The timetable fixture-server.mjs answers, as Yike's /api/timetable and /api/schedule do
// (docs/timetable.md), for the console's timetable page. It starts with bells (夏季, periods 1 to 8) and a
// term around today; no lessons until some are imported.
//   PUT /api/timetable/bells|calendar|lessons (text/csv)  each file whole or not at all: the header must name
//       the required columns; every row is read (rows numbered as a spreadsheet shows them, the header 1, empty
//       lines not counted) and every bad one named in Yike's words: a cell that does not read (a period that is
//       not a number, a time that is not HH:MM, a weekday outside 1-7, weeks that do not read, record neither yes
//       nor no), a period no bell profile has, two lessons of a room at one time. 422 {"errors": [{row, reason}]},
//       else 200 {"imported": {what, rows, sessions, added, changed, removed}}
//   GET /api/schedule?from=&to=&room=  the sessions the three files make: finished once over (failed in room 201,
//       whose devices are offline), recording while on, scheduled before; and those of earlier weeks a test adds
//       (the dashboard's fortnight, fixture-dashboard.mjs), with what became of them
// Only admins may import (403 otherwise).
import { createHash } from 'node:crypto';

const REQUIRED = {
  bells: ['profile', 'period', 'label', 'start', 'end'],
  calendar: ['date', 'kind'],
  lessons: ['room', 'weekday', 'period', 'weeks', 'course'],
};
const KINDS = ['term_start', 'term_end', 'holiday', 'workday', 'norecord', 'bells'];
const OFFSET = '+08:00';
const DAY_MS = 86_400_000;

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const weekdayOf = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7 + 1;
const mondayNow = () => { const t = isoDay(Date.now() + 8 * 3600_000); return Date.parse(`${t}T00:00:00Z`) - (weekdayOf(t) - 1) * DAY_MS; };

/** The rows of a CSV text: [{number, cells: {column: value}}], or a header error. */
function read(text, part) {
  const records = [];
  let cells = [''];
  let quoted = false;
  const flush = () => {
    if (cells.length > 1 || cells[0] !== '') records.push(cells.map((c) => c.trim()));
    cells = [''];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') { cells[cells.length - 1] += '"'; i++; } else quoted = !quoted;
    } else if (c === ',' && !quoted) cells.push('');
    else if (c === '\n' && !quoted) flush();
    else if (c !== '\r' || quoted) cells[cells.length - 1] += c;
  }
  flush();
  if (!records.length) return { errors: [{ row: 1, reason: 'the file is empty' }] };
  const header = records[0].map((h) => h.toLowerCase());
  const missing = REQUIRED[part].filter((c) => !header.includes(c)).sort();
  if (missing.length) return { errors: [{ row: 1, reason: `the header lacks ${missing.join(', ')} (it reads: ${header.join(',')})` }] };
  return {
    rows: records.slice(1).map((r, i) => ({ number: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])) }))
      .filter((r) => Object.values(r.cells).some(Boolean)),
  };
}

// a cell that does not read throws its reason, as Yike's Cells does
function required(r, column) {
  if (!r.cells[column]) throw new Error(`${column} is empty`);
  return r.cells[column];
}
function number(r, column, least, most) {
  const v = required(r, column);
  if (!/^\d+$/.test(v) || Number(v) < least || Number(v) > most) throw new Error(`${column} '${v}' is not a number from ${least} to ${most}`);
  return Number(v);
}
function time(r, column) {
  const v = required(r, column);
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`${column} '${v}' is not a time such as 08:00`);
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}
function date(r, column) {
  const v = required(r, column);
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
  const iso = m && `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (!iso || Number.isNaN(Date.parse(iso)) || isoDay(Date.parse(iso)) !== iso) throw new Error(`${column} '${v}' is not a date such as 2025-09-01`);
  return iso;
}
function yesNo(r, column) {
  const v = (r.cells[column] ?? '').toLowerCase();
  if (!v || ['yes', 'y', 'true', '1', '是'].includes(v)) return true;
  if (['no', 'n', 'false', '0', '否'].includes(v)) return false;
  throw new Error(`${column} '${r.cells[column]}' is neither yes nor no`);
}
/** "all", "odd", "even", "1-8,10-16", "1-16周", "1-15周(单)", "2-16周(双)": the set of teaching weeks. */
function weeks(r) {
  const v = required(r, 'weeks');
  if (v === 'all') return () => true;
  if (v === 'odd') return (w) => w % 2 === 1;
  if (v === 'even') return (w) => w % 2 === 0;
  const m = /^([\d,\s-]+)周?(?:\((单|双)\))?$/.exec(v);
  const ranges = m?.[1].split(',').map((p) => p.trim().split('-').map(Number));
  if (!ranges || ranges.some((p) => p.length > 2 || p.some((n) => !Number.isInteger(n) || n < 1) || p[0] > (p[1] ?? p[0]))) {
    throw new Error(`weeks '${v}' is not all, odd, even or weeks such as 1-8,10-16`);
  }
  return (w) => ranges.some(([a, b = a]) => w >= a && w <= b) && (!m[2] || w % 2 === (m[2] === '单' ? 1 : 0));
}

const PARSE = {
  bells: (r) => ({ row: r.number, profile: required(r, 'profile'), period: number(r, 'period', 1, 99), label: r.cells.label || `第${r.cells.period}节`,
    start: time(r, 'start'), end: time(r, 'end') }),
  calendar: (r) => {
    const kind = required(r, 'kind');
    if (!KINDS.includes(kind)) throw new Error(`kind '${kind}' is not one of ${KINDS.join(', ')}`);
    return { row: r.number, date: date(r, 'date'), kind, profile: r.cells.bell_profile };
  },
  lessons: (r) => ({ row: r.number, room: required(r, 'room'), weekday: number(r, 'weekday', 1, 7), period: number(r, 'period', 1, 99),
    weeks: weeks(r), course: required(r, 'course'), teacher: r.cells.teacher, class: r.cells.class, record: yesNo(r, 'record') }),
};

const monday = mondayNow();
const files = {
  bells: [[1, '08:00', '08:45'], [2, '08:55', '09:40'], [3, '10:00', '10:45'], [4, '10:55', '11:40'],
    [5, '14:00', '14:45'], [6, '14:55', '15:40'], [7, '16:00', '16:45'], [8, '16:55', '17:40']]
    .map(([period, start, end]) => ({ profile: '夏季', period, label: `第${period}节`, start, end })),
  calendar: [{ date: isoDay(monday - 21 * DAY_MS), kind: 'term_start', profile: '夏季' }, { date: isoDay(monday + 18 * 7 * DAY_MS), kind: 'term_end' }],
  lessons: [],
};

/** The problems of the parts taken together (a period no bell profile has, a conflict), as RowErrors of part. */
function crossCheck(part, parts) {
  const errors = [];
  const term = parts.calendar.find((c) => c.kind === 'term_start');
  if (part === 'calendar' && !term) errors.push({ row: parts.calendar.length + 2, reason: 'no term_start row' });
  if (part === 'calendar' && !parts.calendar.some((c) => c.kind === 'term_end')) errors.push({ row: parts.calendar.length + 2, reason: 'no term_end row' });
  const periods = new Set(parts.bells.filter((b) => b.profile === term?.profile).map((b) => b.period));
  if (part === 'lessons') {
    for (const l of parts.lessons) if (!periods.has(l.period)) errors.push({ row: l.row, reason: `period ${l.period} is in no bell profile` });
    for (let i = 0; i < parts.lessons.length; i++) {
      for (let j = i + 1; j < parts.lessons.length; j++) {
        const [a, b] = [parts.lessons[i], parts.lessons[j]];
        if (a.room === b.room && a.weekday === b.weekday && a.period === b.period && Array.from({ length: 30 }, (_, w) => w + 1).some((w) => a.weeks(w) && b.weeks(w))) {
          const reason = `room ${a.room} has two lessons on weekday ${a.weekday} period ${a.period} (rows ${a.row} and ${b.row})`;
          errors.push({ row: a.row, reason }, { row: b.row, reason });
        }
      }
    }
  }
  return errors;
}

/** Every session of the term the parts make: {id, room, date, period, label, start, end, course, teacher, class, record, week}. */
function sessionsOf(parts) {
  const start = parts.calendar.find((c) => c.kind === 'term_start');
  const end = parts.calendar.find((c) => c.kind === 'term_end');
  if (!start || !end) return [];
  const holidays = new Set(parts.calendar.filter((c) => c.kind === 'holiday').map((c) => c.date));
  const bells = new Map(parts.bells.filter((b) => b.profile === start.profile).map((b) => [b.period, b]));
  const first = Date.parse(`${start.date}T00:00:00Z`) - (weekdayOf(start.date) - 1) * DAY_MS;
  const sessions = [];
  for (let day = Date.parse(`${start.date}T00:00:00Z`); day <= Date.parse(`${end.date}T00:00:00Z`); day += DAY_MS) {
    const d = isoDay(day);
    if (holidays.has(d)) continue;
    const week = Math.floor((day - first) / (7 * DAY_MS)) + 1;
    for (const l of parts.lessons) {
      const bell = bells.get(l.period);
      if (l.weekday !== weekdayOf(d) || !l.weeks(week) || !bell) continue;
      const id = `${d.replace(/-/g, '')}-${createHash('sha256').update(`${l.room}|${d}|${l.period}`).digest('hex').slice(0, 12)}`;
      sessions.push({ id, room: l.room, date: d, period: l.period, label: bell.label, start: `${d}T${bell.start}:00${OFFSET}`,
        end: `${d}T${bell.end}:00${OFFSET}`, course: l.course, teacher: l.teacher || null, class: l.class || null, record: l.record, week });
    }
  }
  return sessions;
}

let sessions = sessionsOf(files);
// sessions of weeks the files no longer make, each with its own state and recording: the dashboard's fortnight
const earlier = [];

/** Adds sessions of earlier weeks, as they were recorded or not ({state, recording} on each). */
export const addEarlier = (more) => earlier.push(...more);

/** Every session the schedule knows: the earlier weeks', then the files'. */
export const scheduled = () => [...earlier, ...sessions];

function importFile(part, text) {
  const file = read(text.replace(/^\uFEFF/, ''), part);
  if (file.errors) return [422, { errors: file.errors }];
  const errors = [];
  const parsed = [];
  for (const r of file.rows) {
    try {
      parsed.push(PARSE[part](r));
    } catch (e) {
      errors.push({ row: r.number, reason: e.message });
    }
  }
  const parts = { ...files, [part]: parsed };
  errors.push(...crossCheck(part, parts));
  if (errors.length) return [422, { errors: errors.sort((a, b) => a.row - b.row) }];
  const made = sessionsOf(parts);
  const before = new Map(sessions.map((s) => [s.id, JSON.stringify(s)]));
  const now = new Set(made.map((s) => s.id));
  const added = made.filter((s) => !before.has(s.id)).length;
  const changed = made.filter((s) => before.has(s.id) && before.get(s.id) !== JSON.stringify(s)).length;
  Object.assign(files, { [part]: parsed });
  const removed = sessions.filter((s) => !now.has(s.id)).length;
  sessions = made;
  return [200, { imported: { what: part, rows: parsed.length, sessions: made.length, added, changed, removed } }];
}

function stateOf(s, now) {
  if (!s.record || now < Date.parse(s.start)) return 'scheduled';
  if (now < Date.parse(s.end)) return 'recording';
  return s.room === '201' ? 'failed' : 'finished';
}

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Answers a /api/timetable or /api/schedule call for the logged-in user; false for any other path. */
export async function timetableApi(req, res, path, user) {
  const put = path.match(/^\/api\/timetable\/(bells|calendar|lessons)$/);
  if (path === '/api/schedule' && req.method === 'GET') {
    const q = new URL(req.url, 'http://x').searchParams;
    const from = q.get('from') || isoDay(Date.now());
    const to = q.get('to') || from;
    const now = Date.now();
    json(res, 200, scheduled().filter((s) => s.date >= from && s.date <= to && (!q.get('room') || s.room === q.get('room')))
      .map((s) => ({ state: stateOf(s, now), recording: null, recordings: [], ...s })));
    return true;
  }
  if (!put) return false;
  if (!['district-admin', 'school-admin'].includes(user.role)) json(res, 403, { error: 'only administrators import the timetable' });
  else if (req.method !== 'PUT') json(res, 405, { error: `${req.method} ${path} is not allowed` });
  else if (!/^(text\/csv|text\/plain|application\/octet-stream)/.test(req.headers['content-type'] ?? 'text/csv')) {
    json(res, 415, { error: `send the file as text/csv, not ${req.headers['content-type']}` });
  } else {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    json(res, ...importFile(put[1], Buffer.concat(chunks).toString('utf8')));
  }
  return true;
}
