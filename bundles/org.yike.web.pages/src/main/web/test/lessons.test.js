import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  durationLabel, facetGroups, filtersFromRoute, lessonsQuery, pickFacet, routeQuery, setFilters, stateLabel, whenLabel,
} from '../src/lessons.js';

test('the query sends the filters that are set, trimmed, and the page counted from 0', () => {
  const query = lessonsQuery({ q: ' 定理 ', room: '', teacher: '王老师', course: null, class: '八年级(2)班', from: '2025-09-01',
    to: '2025-09-30', state: 'finished', review: 'pending' }, 3, 12);
  const params = new URLSearchParams(query);
  assert.deepEqual([...params], [['q', '定理'], ['teacher', '王老师'], ['class', '八年级(2)班'], ['from', '2025-09-01'],
    ['to', '2025-09-30'], ['state', 'finished'], ['review', 'pending'], ['page', '2'], ['size', '12']]);
  assert.equal(lessonsQuery({}, 1, 20), '?page=0&size=20');
  assert.equal(lessonsQuery({}, 0), '?page=0&size=12', 'no page below the first');
});

test('filters survive a trip through the address; a bad page is the first', () => {
  const filters = { q: '勾股', room: '101', teacher: '', course: '', class: '', from: '', to: '', state: 'partial', review: 'rejected' };
  const query = routeQuery(filters, 4);
  assert.deepEqual(query, { q: '勾股', room: '101', state: 'partial', review: 'rejected', page: '4' });
  assert.deepEqual(filtersFromRoute(query), { filters, page: 4 });
  assert.deepEqual(routeQuery(filters, 1), { q: '勾股', room: '101', state: 'partial', review: 'rejected' });
  assert.equal(filtersFromRoute({ page: 'x' }).page, 1);
  assert.equal(filtersFromRoute({ page: '-2' }).page, 1);
  assert.equal(filtersFromRoute(undefined).filters.q, '');
});

test('durations read as a clock; unknown ones are empty', () => {
  assert.equal(durationLabel(0), '0:00');
  assert.equal(durationLabel(9_999), '0:09');
  assert.equal(durationLabel(45 * 60_000 + 12_000), '45:12');
  assert.equal(durationLabel(3_723_000), '1:02:03');
  assert.equal(durationLabel(null), '');
  assert.equal(durationLabel(-1), '');
  assert.equal(durationLabel(Number.NaN), '');
});

test('a lesson\'s day reads with its weekday and period; states have Chinese names', () => {
  assert.equal(whenLabel({ date: '2025-09-01', period: 3 }), '2025-09-01 周一 第 3 节');
  assert.equal(whenLabel({ date: '2025-09-07', period: null }), '2025-09-07 周日');
  assert.equal(whenLabel({}), '');
  assert.equal(stateLabel('scheduled'), '待录制');
  assert.equal(stateLabel('archived'), 'archived');
});

test('the facets list the fields that have values, in words with counts, the filter set marked', () => {
  const facets = { room: [{ value: '101', count: 4 }, { value: '203', count: 2 }], teacher: [], course: [{ value: '数学', count: 4 }],
    state: [{ value: 'finished', count: 5 }, { value: 'recording', count: 1 }],
    review: [{ value: 'private', count: 4 }, { value: 'pending', count: 2 }] };
  const groups = facetGroups(facets, { room: '101', state: '', review: 'pending' });
  assert.deepEqual(groups.map((g) => g.field), ['room', 'course', 'state', 'review'], 'no teacher values, no class: left out');
  assert.deepEqual(groups[0], { field: 'room', label: '教室', values: [
    { value: '101', count: 4, label: '101', active: true }, { value: '203', count: 2, label: '203', active: false }] });
  assert.deepEqual(groups[2].values.map((v) => [v.label, v.count, v.active]), [['已完成', 5, false], ['录制中', 1, false]]);
  assert.deepEqual(groups[3].values.map((v) => [v.label, v.count, v.active]), [['私有', 4, false], ['待审核', 2, true]]);
  assert.deepEqual(facetGroups({}, {}), [], 'nothing found: no facets');
  assert.deepEqual(facetGroups(undefined, {}), [], 'a server without facets');
});

test('a click on a facet sets its filter, a second click clears it; the filters set read as tags', () => {
  const filters = { q: '定理', room: '', teacher: '', course: '', class: '', from: '2025-09-01', to: '', state: '' };
  const picked = pickFacet(filters, 'room', '101');
  assert.equal(picked.room, '101');
  assert.equal(filters.room, '', 'the filters given stay as they were');
  assert.equal(pickFacet(picked, 'room', '101').room, '');
  assert.equal(pickFacet(picked, 'room', '203').room, '203');
  assert.deepEqual(setFilters({ ...picked, state: 'partial', review: 'published' }), [
    { name: 'q', label: '关键词：定理' }, { name: 'room', label: '教室：101' }, { name: 'from', label: '起始日期：2025-09-01' },
    { name: 'state', label: '状态：部分录制' }, { name: 'review', label: '审核：已发布' }]);
  assert.deepEqual(setFilters({ q: '  ' }), []);
});
