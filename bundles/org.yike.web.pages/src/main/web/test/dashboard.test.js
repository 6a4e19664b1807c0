import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bars, canSeeDashboard, figureCards, invalidTotal, isLessons, isRooms, lastDays, lessonRows, placeChoices, roomsOf, percent, rangeFromRoute, sessionDay, sessionRows, validSlices, viewedBars,
} from '../src/dashboard.js';

// a fortnight as DashboardTest scripts one: 6 planned, 5 recorded, 2 valid, one invalid of each kind
const figures = {
  from: '2026-09-07', to: '2026-09-13', planned: 6, recorded: 5, rate: 5 / 6, valid: 2,
  invalid: { failed: 1, partial: 1, tooShort: 1 }, validFraction: 0.8, rooms: 2, faultyRooms: 1, diskLow: false,
  courses: { 数学: 2, 语文: 3 }, grades: { 初二: 5 },
  behind: { planned: ['a', 'b', 'c', 'd', 'e', 'f'], recorded: ['a', 'b', 'c', 'd', 'e'], missed: ['f'], valid: ['a', 'e'],
    failed: ['d'], partial: ['c'], tooShort: ['b'], faultyRooms: ['102'] },
};

test('admins and inspectors see the dashboard', () => {
  assert.deepEqual(['district-admin', 'school-admin', 'inspector', 'teacher', 'viewer', 'reviewer', 'judge']
    .map((role) => canSeeDashboard({ role })), [true, true, true, false, false, false, false]);
  assert.equal(canSeeDashboard(null), false);
});

test('rates as percents: one decimal where there is one', () => {
  assert.deepEqual([5 / 6, 1, 0, 0.5, 0.8, 0.12345].map(percent), ['83.3%', '100%', '0%', '50%', '80%', '12.3%']);
  assert.equal(percent(undefined), '—');
  assert.equal(percent('x'), '—');
});

test('the last 30 days, today\'s included, unless the address holds a whole range', () => {
  const today = new Date(2026, 2, 5, 15, 0);
  assert.deepEqual(lastDays(30, today), ['2026-02-04', '2026-03-05']);
  assert.deepEqual(lastDays(1, today), ['2026-03-05', '2026-03-05']);
  assert.deepEqual(rangeFromRoute({}, today), ['2026-02-04', '2026-03-05']);
  assert.deepEqual(rangeFromRoute({ from: '2026-09-01', to: '2026-09-30' }, today), ['2026-09-01', '2026-09-30']);
  assert.deepEqual(rangeFromRoute({ from: '2026-09-30', to: '2026-09-01' }, today), ['2026-02-04', '2026-03-05'], 'backwards');
  assert.deepEqual(rangeFromRoute({ from: '2026-9-1', to: '2026-09-30' }, today), ['2026-02-04', '2026-03-05']);
});

test('the cards: each figure in words with what lies behind it; the invalid ones by why', () => {
  const cards = figureCards(figures);
  assert.deepEqual(cards.map((c) => [c.label, c.value, c.behind]), [
    ['开课率', '83.3%', 'missed'], ['应录课节', 6, 'planned'], ['已录课节', 5, 'recorded'], ['有效课节', 2, 'valid'],
    ['无效课节', 3, null], ['设备故障教室', '1 / 2', 'faultyRooms'], ['浏览量', 0, 'viewed'], ['评课均分', '—', 'evaluated']]);
  assert.equal(cards[0].note, '未录制 1 节');
  assert.equal(cards[3].note, '完整且不短于课时的 80%');
  assert.equal(cards[5].note, '占全部教室的 50%');
  assert.deepEqual(cards[4].parts, [{ label: '录制失败', value: 1, behind: 'failed' }, { label: '部分录制', value: 1, behind: 'partial' },
    { label: '时长不足', value: 1, behind: 'tooShort' }]);
  const none = figureCards({ planned: 0, recorded: 0, rate: 0, valid: 0, invalid: {}, validFraction: 0.8, rooms: 0, faultyRooms: 0,
    behind: {} });
  assert.deepEqual(none.map((c) => c.value), ['0%', 0, 0, 0, 0, '0 / 0', 0, '—']);
  assert.equal(none[5].note, '占全部教室的 0%', 'no rooms: no division by zero');
  assert.equal(none[7].note, '这段时间还没有提交的评课');
  assert.equal(invalidTotal({ invalid: { failed: 2, other: 7 } }), 2, 'only the kinds Figures names');
  assert.equal(isRooms('faultyRooms'), true);
  assert.equal(isRooms('missed'), false);
});

test('views and evaluations: their cards, the most viewed as bars, the lessons behind them', () => {
  const f = { views: 9, evaluations: 2, evaluationMean: 81.25, behind: { viewed: ['L2', 'L1', 'gone'], evaluated: ['L1'] },
    mostViewed: [{ lesson: 'L2', title: '勾股定理', views: 5 }, { lesson: 'L1', title: '朗读课文', views: 3 }, { lesson: 'gone', title: 'gone', views: 1 }] };
  const [views, mean] = figureCards(f).slice(-2);
  assert.deepEqual([views.value, views.note, views.behind], [9, '3 节课被观看，播放满 10 秒计一次', 'viewed']);
  assert.deepEqual([mean.value, mean.note, mean.behind], ['81.3', '2 份已提交的评课，满分 100', 'evaluated']);
  assert.deepEqual(viewedBars(f).map((b) => [b.name, b.value, b.lesson]), [['gone', 1, 'gone'], ['朗读课文', 3, 'L1'], ['勾股定理', 5, 'L2']],
    'the most viewed on top of the horizontal bars');
  const found = new Map([['L1', { id: 'L1', title: '朗读课文', date: '2026-09-07', teacher: '李明', class: '初二(3)班' }],
    ['L2', { id: 'L2', title: '勾股定理', date: '2026-09-08', teacher: '王芳' }]]);
  assert.deepEqual(lessonRows(f.behind.viewed, found, f.mostViewed), [
    { id: 'L2', title: '勾股定理', known: true, date: '2026-09-08', who: '王芳', views: 5 },
    { id: 'L1', title: '朗读课文', known: true, date: '2026-09-07', who: '李明 · 初二(3)班', views: 3 },
    { id: 'gone', title: 'gone', known: false, date: '', who: '', views: 1 }]);
  assert.equal(isLessons('viewed'), true);
  assert.equal(isLessons('evaluated'), true);
  assert.equal(isLessons('valid'), false);
});

test('the pie: valid against each kind of invalid, none with nothing recorded; bars most first', () => {
  assert.deepEqual(validSlices(figures).map((s) => [s.name, s.value, s.behind]),
    [['有效', 2, 'valid'], ['录制失败', 1, 'failed'], ['部分录制', 1, 'partial'], ['时长不足', 1, 'tooShort']]);
  assert.deepEqual(validSlices({ valid: 0, invalid: { failed: 0 } }), []);
  assert.deepEqual(bars(figures.courses), [{ name: '语文', value: 3 }, { name: '数学', value: 2 }]);
  assert.deepEqual(bars({ 初二: 2, 初一: 2, '': 1, 高三: 4 }).map((b) => b.name), ['高三', '初二', '初一', '未填写']);
  assert.deepEqual(bars(undefined), []);
});

test('what lies behind: sessions as the schedule knows them, the recorded ones linked, by day and start', () => {
  const schedule = [
    { id: '20260908-bbbbbbbbbbbb', room: '101', date: '2026-09-08', label: '第1节', start: '2026-09-08T08:00:00+08:00',
      course: '数学', teacher: '王芳', class: '初二(3)班' },
    { id: '20260907-aaaaaaaaaaaa', room: '102', date: '2026-09-07', label: '第2节', start: '2026-09-07T09:00:00+08:00',
      course: '语文', teacher: null, class: '初二(3)班' },
  ];
  const rows = sessionRows(['20260908-bbbbbbbbbbbb', '20260909-cccccccccccc', '20260907-aaaaaaaaaaaa'], schedule,
    ['20260908-bbbbbbbbbbbb']);
  assert.deepEqual(rows.map((r) => [r.id, r.date, r.label, r.room, r.course, r.who, r.known, r.recorded]), [
    ['20260907-aaaaaaaaaaaa', '2026-09-07', '第2节', '102', '语文', '初二(3)班', true, false],
    ['20260908-bbbbbbbbbbbb', '2026-09-08', '第1节', '101', '数学', '王芳 · 初二(3)班', true, true],
    ['20260909-cccccccccccc', '2026-09-09', '', '', '', '', false, false]]);
  assert.equal(sessionDay('20260907-aaaaaaaaaaaa'), '2026-09-07');
  assert.equal(sessionDay('an-opencast-uid'), '', 'a platform\'s event: no day in its id');
  assert.deepEqual(sessionRows(undefined, null, null), []);
});

test('the places the figures narrow to: each building (in pinyin order) whole, then its rooms; a choice as its rooms', () => {
  const rooms = [{ room: '102', building: '教学楼A', floor: 1 }, { room: '101', building: '教学楼A', floor: 1 },
    { room: '201', building: '实验楼', floor: 2 }, { room: '501' }];
  assert.deepEqual(placeChoices(rooms).map((g) => [g.label, g.options.map((o) => `${o.value} ${o.label}`)]), [
    ['教学楼A', ['building:教学楼A 教学楼A（整栋）', 'room:101 101 教室', 'room:102 102 教室']],
    ['实验楼', ['building:实验楼 实验楼（整栋）', 'room:201 201 教室']],
    ['未设楼宇', ['building: 未设楼宇（整栋）', 'room:501 501 教室']]]);
  assert.deepEqual(roomsOf('building:教学楼A', rooms), ['102', '101']);
  assert.deepEqual(roomsOf('building:', rooms), ['501'], 'the rooms without a building');
  assert.deepEqual(roomsOf('room:201', rooms), ['201']);
  assert.deepEqual(roomsOf('', rooms), []);
  assert.deepEqual(roomsOf(undefined, rooms), []);
});
