// The console's timetable: the three CSV files and what an import answers, the weeks, and the week's
// sessions as a grid of periods by days; no DOM here, so node --test checks it.
import { language, t } from './i18n.js';
import { worded } from './labels.js';
import { stateLabel, stateTag } from './lessons.js';

/** The three files (docs/timetable.md), in the order a school imports them; label and an example row in words. */
export const TIMETABLE_FILES = worded('timetableFile', [
  { part: 'bells', file: 'bells.csv', columns: 'profile,period,label,start,end' },
  { part: 'calendar', file: 'calendar.csv', columns: 'date,kind,follows_date,bell_profile,note' },
  { part: 'lessons', file: 'timetable.csv', columns: 'room,weekday,period,weeks,course,teacher,class,record' },
], 'part');
/** A file's example row, in the language shown (a Chinese school's rows in Chinese). */
export const exampleOf = (part) => t(`timetableExample.${part}`);
export const fileOf = (part) => TIMETABLE_FILES.find((f) => f.part === part);

/**
 * A file's text as the server reads it: UTF-8 (a BOM dropped), else GBK as Excel saves it on a
 * Chinese Windows. Only for showing its rows: the file itself is sent as it is.
 */
export function decodeCsv(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/**
 * The records of a CSV text numbered as the server numbers rows (Commons CSV: the header is 1, empty
 * lines are not counted; a quoted cell may hold line breaks): [{number, text}].
 */
export function csvRecords(text) {
  const records = [];
  let start = 0;
  let quoted = false;
  const s = String(text ?? '').replace(/^\uFEFF/, '');
  const end = (at) => {
    const line = s.slice(start, at).replace(/\r$/, '');
    if (line !== '') records.push({ number: records.length + 1, text: line });
    start = at + 1;
  };
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') quoted = !quoted;
    else if (s[i] === '\n' && !quoted) end(i);
  }
  if (start < s.length) end(s.length);
  return records;
}

/**
 * A refused import's rows ({"errors": [{row, reason}]}) with each row's text from the file, in row
 * order; row 0 is not a row of this file (another file's row that no longer fits): text null.
 */
export function badRows(text, errors) {
  const records = csvRecords(text);
  return [...(errors ?? [])].sort((a, b) => a.row - b.row)
    .map((e) => ({ row: e.row, reason: e.reason, text: e.row > 0 ? records[e.row - 1]?.text ?? null : null }));
}

/** "课程表：9 行，共 120 节课（新增 120，变更 0，删除 0）". */
export function importedWords(imported) {
  const { rows, sessions, added, changed, removed } = imported;
  return t('timetable.imported', { what: fileOf(imported.what)?.label ?? imported.what, rows, sessions, added, changed, removed });
}

const DAY_MS = 86_400_000;
const asDate = (iso) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date) => date.toISOString().slice(0, 10);

/** Today in the browser's own time, as YYYY-MM-DD. */
export function today(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether text is a real day YYYY-MM-DD (not 2025-02-30). */
export const isDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(String(text ?? '')) && isoOf(asDate(text)) === text;

export const addDays = (iso, days) => isoOf(new Date(asDate(iso).getTime() + days * DAY_MS));

/** The Monday of the week a day is in (weeks run Monday to Sunday, as the timetable's). */
export function mondayOf(iso) {
  const weekday = (asDate(iso).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

// a day's parts in the language shown (its month "9月", "Sep"; its weekday "周一", "Mon")
const part = (date, options) => new Intl.DateTimeFormat(language(), { ...options, timeZone: 'UTC' }).format(date);
const monthDay = (date) => t('date.monthDay', { month: part(date, { month: 'short' }), day: date.getUTCDate() });

/** The seven days of the week from monday: {date, weekday: 1-7, label: "周一" (Mon), short: "9月1日" (Sep 1)}. */
export function weekDays(monday) {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    const d = asDate(date);
    return { date, weekday: i + 1, label: part(d, { weekday: 'short' }), short: monthDay(d) };
  });
}

/** "2025年9月1日 – 9月7日" (Sep 1 – Sep 7, 2025), with each day's year where the week spans two. */
export function weekLabel(monday) {
  const from = asDate(monday);
  const to = asDate(addDays(monday, 6));
  const [fromYear, toYear] = [from.getUTCFullYear(), to.getUTCFullYear()];
  return fromYear === toYear
    ? t('date.week', { from: monthDay(from), to: monthDay(to), year: fromYear })
    : t('date.weekAcrossYears', { from: monthDay(from), fromYear, to: monthDay(to), toYear });
}

/** "08:00" of an ISO-8601 time with offset, as the school's clock reads it (the offset it was given in). */
export const clockOf = (iso) => (/T(\d{2}:\d{2})/.exec(String(iso ?? '')) ?? [])[1] ?? '';

/** A session's state as its tag: scheduled, recording, finished, partial or failed. */
export const sessionTag = (session) => ({ label: stateLabel(session.state), type: stateTag(session.state) });

/**
 * The week's sessions as a grid: rows the periods (by number; a platform's event, period 0, in a
 * last row 其他, other), columns the days; each cell the sessions of that period and day, by room. Only
 * room's sessions when room is given. rooms: every room of the week, for the filter.
 */
export function scheduleGrid(sessions, days, room = '') {
  const all = sessions ?? [];
  const byRoom = (a, b) => String(a.room).localeCompare(String(b.room), 'zh-CN', { numeric: true });
  const rooms = [...new Set(all.map((s) => s.room))].sort((a, b) => byRoom({ room: a }, { room: b }));
  const column = new Map(days.map((d, i) => [d.date, i]));
  const rows = new Map();
  for (const s of all) {
    if (room && s.room !== room) continue;
    const at = column.get(s.date);
    if (at === undefined) continue;
    const period = s.period > 0 ? s.period : 0;
    if (!rows.has(period)) {
      rows.set(period, { period, label: period ? s.label || t('timetable.period', { period }) : t('timetable.other'), time: period ? `${clockOf(s.start)}–${clockOf(s.end)}` : '',
        cells: days.map(() => []) });
    }
    rows.get(period).cells[at].push(s);
  }
  const ordered = [...rows.values()].sort((a, b) => (a.period || 1e9) - (b.period || 1e9));
  for (const row of ordered) for (const cell of row.cells) cell.sort((a, b) => String(a.start).localeCompare(String(b.start)) || byRoom(a, b));
  return { rooms, rows: ordered, count: ordered.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.length, 0), 0) };
}
