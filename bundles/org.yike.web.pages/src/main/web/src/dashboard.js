// The dashboard (数据看板): GET /api/dashboard's figures as cards, the charts' data and what lies behind each
// figure (the answer's `behind`: session ids or rooms) as rows; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { worded } from './labels.js';
import { buildingLabel, groupByPlace } from './rooms.js';
import { canManageUsers } from './users.js';

/** Whether the dashboard is offered: admins and inspectors (the server answers 403 to anyone else). */
export const canSeeDashboard = (user) => user?.role === 'inspector' || canManageUsers(user);

const two = (n) => String(n).padStart(2, '0');
/** "2026-09-07": a day in the browser's time. */
const isoDay = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

/** [from, to]: the last `days` days, today's included, as the server counts when asked for no days. */
export function lastDays(days, today = new Date()) {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return [isoDay(from), isoDay(today)];
}
const DEFAULT_DAYS = 30;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The days a page address holds (?from=&to=), or the last 30 when it holds no whole range. */
export function rangeFromRoute(query, today = new Date()) {
  const { from, to } = query ?? {};
  return DAY.test(from ?? '') && DAY.test(to ?? '') && from <= to ? [from, to] : lastDays(DEFAULT_DAYS, today);
}

/**
 * Where the figures may be narrowed to, from the rooms (GET /api/live: room, building): by building, each
 * with 整栋 (the building's rooms) then its rooms. A choice is 'building:<name>' or 'room:<name>'.
 */
export function placeChoices(rooms) {
  return groupByPlace(rooms).map(({ building, floors }) => ({
    label: buildingLabel(building),
    options: [{ value: `building:${building}`, label: t('dashboard.wholeBuilding', { building: buildingLabel(building) }) },
      ...floors.flatMap((f) => f.rooms).map((r) => ({ value: `room:${r.room}`, label: t('lessons.room', { room: r.room }) }))],
  }));
}

/** The rooms a choice of placeChoices stands for; [] (the whole school) for none. */
export function roomsOf(choice, rooms) {
  const at = String(choice ?? '').indexOf(':');
  const [kind, name] = at < 0 ? ['', ''] : [choice.slice(0, at), choice.slice(at + 1)];
  if (kind === 'room') return [name];
  if (kind === 'building') return (rooms ?? []).filter((r) => String(r.building ?? '') === name).map((r) => r.room);
  return [];
}

/** "83.3%", "100%", "0%": a rate (0 to 1) with one decimal where it has one; '—' when it is not a number. */
export function percent(rate) {
  const n = Number(rate);
  if (rate === null || rate === undefined || !Number.isFinite(n)) return '—';
  return `${Number((n * 100).toFixed(1))}%`;
}

/** Why a recording is invalid, as Figures names it, in words, with the colour the charts give it. */
export const INVALID = worded('invalidWhy', [
  { why: 'failed', color: '#c0392b' },
  { why: 'partial', color: '#9a5800' },
  { why: 'tooShort', color: '#d9a441' },
], 'why');
const VALID_COLOR = '#2b7a0b';

/**
 * What a list of `behind` is (planned, recorded, missed, valid, failed, partial, tooShort, faultyRooms), as
 * the drawer's title says it; rooms are rooms, the others sessions.
 */
export const behindLabel = (behind) => t(`dashboard.behind.${behind}`);
export const isRooms = (behind) => behind === 'faultyRooms';
/** The figures behind which are lessons (their ids), not sessions. */
export const isLessons = (behind) => behind === 'viewed' || behind === 'evaluated';

const count = (n) => Number(n) || 0;
export const invalidTotal = (f) => INVALID.reduce((sum, { why }) => sum + count(f?.invalid?.[why]), 0);

/**
 * The cards atop the page: {key, label, value, note, behind}, each opening what is behind it (behind: a
 * key of the answer's `behind`); the invalid card with its parts by why, each opening its own.
 */
export function figureCards(f) {
  const missed = f.behind?.missed?.length ?? count(f.planned) - count(f.recorded);
  const card = (key, value, behind, note) => ({ key, label: t(`dashboard.figure.${key}`), value, note, behind });
  return [
    card('rate', percent(f.rate), 'missed', t('dashboard.missed', { n: missed })),
    card('planned', count(f.planned), 'planned', t('dashboard.plannedNote')),
    card('recorded', count(f.recorded), 'recorded', t('dashboard.recordedNote')),
    card('valid', count(f.valid), 'valid', t('dashboard.validNote', { percent: percent(f.validFraction) })),
    { ...card('invalid', invalidTotal(f), null),
      parts: INVALID.map(({ why, label }) => ({ label, value: count(f.invalid?.[why]), behind: why })) },
    card('faultyRooms', `${count(f.faultyRooms)} / ${count(f.rooms)}`, 'faultyRooms',
      t('dashboard.faultyNote', { percent: percent(f.rooms ? f.faultyRooms / f.rooms : 0) })),
    card('views', count(f.views), 'viewed', t('dashboard.viewsNote', { n: f.behind?.viewed?.length ?? 0 })),
    card('evaluationMean', count(f.evaluations) ? Number(f.evaluationMean).toFixed(1) : '—', 'evaluated',
      count(f.evaluations) ? t('dashboard.evaluationsNote', { n: count(f.evaluations) }) : t('dashboard.noEvaluations')),
  ];
}

/** The most viewed lessons as bars, the most viewed on top: {name: its title, value: its views, lesson: its id}. */
export const viewedBars = (f) => (f?.mostViewed ?? []).map((v) => ({ name: v.title, value: count(v.views), lesson: v.lesson })).reverse();

/**
 * The drawer's rows for lesson ids, as GET /api/lessons/{id} answered them (found: id → lesson; a lesson not
 * found, deleted since, by its id alone), each with its views where mostViewed names them.
 */
export function lessonRows(ids, found, mostViewed) {
  const views = new Map((mostViewed ?? []).map((v) => [v.lesson, v.views]));
  return (ids ?? []).map((id) => {
    const l = found?.get(id);
    return { id, title: l?.title ?? id, known: Boolean(l), date: l?.date ?? '',
      who: [l?.teacher, l?.class].filter(Boolean).join(' · '), views: views.get(id) ?? null };
  });
}

/** The pie of recorded sessions: valid against invalid by why, each slice opening its sessions; [] with none recorded. */
export function validSlices(f) {
  const slices = [{ name: t('dashboard.validSlice'), value: count(f.valid), behind: 'valid', itemStyle: { color: VALID_COLOR } },
    ...INVALID.map(({ why, label, color }) => ({ name: label, value: count(f.invalid?.[why]), behind: why, itemStyle: { color } }))];
  return slices.some((s) => s.value) ? slices : [];
}

const byName = new Intl.Collator('zh-CN', { numeric: true });
/** {name: count} as bars, most first, a tie by name; a blank name (a session without one) as 未填写 (dashboard.unnamed). */
export const bars = (counts) => Object.entries(counts ?? {})
  .map(([name, value]) => ({ name: name.trim() || t('dashboard.unnamed'), value: count(value) }))
  .sort((a, b) => b.value - a.value || byName.compare(a.name, b.name));

/** "2026-09-07" of a timetable session's id ("20260907-…"), or ''. */
export function sessionDay(id) {
  const m = /^(\d{4})(\d{2})(\d{2})-/.exec(String(id ?? ''));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/**
 * The drawer's rows for session ids: each with what the schedule (GET /api/schedule's sessions) says of it,
 * where it knows it, and recorded (a recording's id is its session's, so the lesson is /lessons/{id}); by
 * day, then start, then room.
 */
export function sessionRows(ids, schedule, recorded) {
  const known = new Map((schedule ?? []).map((s) => [s.id, s]));
  const made = new Set(recorded ?? []);
  return (ids ?? []).map((id) => {
    const s = known.get(id);
    return {
      id,
      date: s?.date ?? sessionDay(id),
      label: s?.label ?? '',
      start: s?.start ?? '',
      room: s?.room ?? '',
      course: s?.course ?? '',
      who: [s?.teacher, s?.class].filter(Boolean).join(' · '),
      known: Boolean(s),
      recorded: made.has(id),
    };
  }).sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || byName.compare(a.room, b.room));
}
