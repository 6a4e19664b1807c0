// What the lessons page makes of /api/lessons: filters to and from the address, durations, states;
// no DOM here, so node --test checks it.
import { language, t } from './i18n.js';
import { labelsOf, worded } from './labels.js';
import { reviewLabel } from './review.js';
import { periodLabel } from './rooms.js';

/** The filters GET /api/lessons takes, besides page and size (dates YYYY-MM-DD). */
export const FILTERS = ['q', 'room', 'teacher', 'course', 'class', 'from', 'to', 'state', 'review'];
export const PAGE_SIZE = 12;

const blank = (v) => v === undefined || v === null || String(v).trim() === '';

/**
 * The query string for GET /api/lessons: the filters that are set, trimmed, and the page (the page's
 * own count is from 1, the API's from 0). "?q=%E5%AE%9A%E7%90%86&page=0&size=12".
 */
export function lessonsQuery(filters, page = 1, size = PAGE_SIZE) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (!blank(filters[name])) params.set(name, String(filters[name]).trim());
  params.set('page', String(Math.max(0, page - 1)));
  params.set('size', String(size));
  return `?${params}`;
}

/** The filters and page (from 1) a page address (its route query) holds; what it lacks is ''. */
export function filtersFromRoute(query) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, blank(query?.[name]) ? '' : String(query[name])]));
  const page = Number.parseInt(query?.page, 10);
  return { filters, page: page > 0 ? page : 1 };
}

/** The route query for filters and a page: only what is set, the first page left out. */
export function routeQuery(filters, page) {
  const query = {};
  for (const name of FILTERS) if (!blank(filters[name])) query[name] = String(filters[name]).trim();
  if (page > 1) query.page = String(page);
  return query;
}

/** "45:12", "1:02:03", "0:09": a lesson's length; '' while it is unknown (recording, scheduled). */
export function durationLabel(millis) {
  if (typeof millis !== 'number' || !Number.isFinite(millis) || millis < 0) return '';
  const s = Math.floor(millis / 1000);
  const two = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** "2025-09-01 周一 第 3 节": the lesson's day and period. */
export function whenLabel(lesson) {
  if (blank(lesson?.date)) return '';
  const day = new Date(`${lesson.date}T00:00:00`);
  const weekday = Number.isNaN(day.getTime()) ? '' : ` ${day.toLocaleDateString(language(), { weekday: 'short' })}`;
  const period = periodLabel(lesson.period);
  return `${lesson.date}${weekday}${period ? ` ${period}` : ''}`;
}

/** The catalog's states, as the state filter offers them and the cards show them. */
export const LESSON_STATES = worded('lessonState', [
  { state: 'finished', tag: 'success' },
  { state: 'recording', tag: 'danger' },
  { state: 'scheduled', tag: 'info' },
  { state: 'partial', tag: 'warning' },
  { state: 'failed', tag: 'danger' },
], 'state');
export const { label: stateLabel, tag: stateTag } = labelsOf(LESSON_STATES, 'state');

/** Whether a lesson has pictures to show: a scheduled one has none yet. */
export const hasMedia = (lesson) => lesson?.state !== 'scheduled';

/** What the catalog counts the lessons found by (GET /api/lessons's facets), each the filter a click sets. */
export const FACET_FIELDS = ['room', 'teacher', 'course', 'class', 'state', 'review'];

/** A filter's name in words ("教室"), as a field's placeholder, a facet's heading and a set filter's tag say it. */
export const filterLabel = (name) => t(`lessons.field.${name}`);

/** A filter's or facet's value in words: the states and the review's states as the page names them. */
const valueLabel = (field, value) => {
  if (field === 'state') return stateLabel(value);
  return field === 'review' ? reviewLabel(value) : String(value).trim();
};

/**
 * The facets as the page lists them: each field with values (the server leaves them out when nothing is
 * found), each value in words with its count, the server's order (most first), and whether it is the
 * filter set now.
 */
export function facetGroups(facets, filters) {
  return FACET_FIELDS.map((field) => ({
    field,
    label: filterLabel(field),
    values: (facets?.[field] ?? []).map(({ value, count }) => ({
      value, count, label: valueLabel(field, value), active: filters[field] === value,
    })),
  })).filter((group) => group.values.length);
}

/** The filters after a click on a facet's value: that value, or none when it is the one set already. */
export const pickFacet = (filters, field, value) => ({ ...filters, [field]: filters[field] === value ? '' : value });

/** The filters set, in words for the tags that clear them one by one: [{name: 'room', label: '教室：101'}]. */
export function setFilters(filters) {
  return FILTERS.filter((name) => !blank(filters[name])).map((name) => ({
    name,
    label: t('lessons.filterSet', {
      field: filterLabel(name), value: valueLabel(name, filters[name]),
    }),
  }));
}
