import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, badRows, clockOf, csvRecords, decodeCsv, importedWords, isDay, mondayOf, scheduleGrid, weekDays, weekLabel }
  from '../src/timetable.js';

const LESSONS = '\uFEFFroom,weekday,period,weeks,course,teacher,class,record\r\n101,1,1,all,语文,王老师,高一(1)班,yes\r\n\r\n'
  + '101,1,x,all,数学,李老师,高一(1)班,\r\n"102",2,3,"1-8,10-16",物理,"张老师\n(代)",高一(2)班,no\r\n101,9,2,odd,化学,赵老师,,\r\n';

test('rows are numbered as the server numbers them: the header 1, empty lines not counted, quoted line breaks kept', () => {
  const records = csvRecords(LESSONS);
  assert.deepEqual(records.map((r) => r.number), [1, 2, 3, 4, 5]);
  assert.equal(records[2].text, '101,1,x,all,数学,李老师,高一(1)班,');
  assert.equal(records[3].text, '"102",2,3,"1-8,10-16",物理,"张老师\n(代)",高一(2)班,no');
  assert.deepEqual(csvRecords('a,b'), [{ number: 1, text: 'a,b' }]);
});

test('every bad row with its text, in row order; row 0 is not of this file', () => {
  const rows = badRows(LESSONS, [
    { row: 5, reason: "weekday '9' is not a number from 1 to 7" },
    { row: 3, reason: "period 'x' is not a number from 1 to 99" },
    { row: 0, reason: 'calendar row 4: workday outside the term' },
    { row: 40, reason: 'beyond the file' },
  ]);
  assert.deepEqual(rows.map((r) => [r.row, r.text]), [[0, null], [3, '101,1,x,all,数学,李老师,高一(1)班,'], [5, '101,9,2,odd,化学,赵老师,,'], [40, null]]);
  assert.match(rows[1].reason, /period 'x'/);
});

test('a file in GBK is read as Excel wrote it; UTF-8 loses its BOM', () => {
  assert.equal(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), 'a');
  assert.equal(decodeCsv(new Uint8Array([0xd3, 0xef, 0xce, 0xc4])), '语文');
  assert.equal(decodeCsv(new TextEncoder().encode('数学,1')), '数学,1');
});

test('what an import kept, in words', () => {
  assert.equal(importedWords({ what: 'lessons', rows: 9, sessions: 120, added: 118, changed: 2, removed: 0 }),
    '课程表：9 行，共 120 节课（新增 118，变更 2，删除 0）');
});

test('weeks run Monday to Sunday, across months and years', () => {
  assert.equal(mondayOf('2025-09-07'), '2025-09-01');
  assert.equal(mondayOf('2025-09-01'), '2025-09-01');
  assert.equal(mondayOf('2026-01-01'), '2025-12-29');
  assert.equal(addDays('2025-12-29', 7), '2026-01-05');
  const days = weekDays('2025-12-29');
  assert.deepEqual(days.map((d) => d.label), ['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
  assert.deepEqual([days[0].short, days[6].short, days[6].date], ['12月29日', '1月4日', '2026-01-04']);
  assert.equal(weekLabel('2025-12-29'), '2025年12月29日 – 2026年1月4日');
  assert.equal(weekLabel('2025-09-01'), '2025年9月1日 – 9月7日');
  assert.ok(isDay('2024-02-29') && !isDay('2025-02-29') && !isDay('2025-9-1'));
});

const session = (room, date, period, course, extra = {}) => ({
  id: `${date}-${room}-${period}`, room, date, period, label: `第${period}节`, course, teacher: '王老师', class: '高一(1)班',
  start: `${date}T0${7 + period}:00:00+08:00`, end: `${date}T0${7 + period}:45:00+08:00`, record: true, state: 'scheduled', ...extra,
});

test('the grid: periods by days, sessions by room; events last; a room filter', () => {
  const days = weekDays('2025-09-01');
  const sessions = [
    session('102', '2025-09-01', 2, '数学'), session('101', '2025-09-01', 2, '语文', { state: 'finished' }),
    session('101', '2025-09-03', 1, '物理'), session('101', '2025-09-08', 1, '下周的课'),
    { ...session('报告厅', '2025-09-05', 0, 'Opencast 讲座'), label: 'Opencast agent-1', start: '2025-09-05T14:00:00+08:00' },
  ];
  const grid = scheduleGrid(sessions, days);
  assert.deepEqual(grid.rows.map((r) => [r.label, r.time]), [['第1节', '08:00–08:45'], ['第2节', '09:00–09:45'], ['其他', '']]);
  assert.deepEqual(grid.rows[1].cells[0].map((s) => s.room), ['101', '102']);
  assert.deepEqual(grid.rows[0].cells[2].map((s) => s.course), ['物理']);
  assert.equal(grid.rows[2].cells[4][0].course, 'Opencast 讲座');
  assert.equal(grid.count, 4, 'next week\'s session is not in this week');
  assert.deepEqual(grid.rooms, ['101', '102', '报告厅']);
  const one = scheduleGrid(sessions, days, '102');
  assert.deepEqual(one.rows.map((r) => r.label), ['第2节']);
  assert.equal(one.count, 1);
  assert.deepEqual(one.rooms, grid.rooms, 'the filter still offers every room');
  assert.equal(clockOf('2025-09-01T08:10:30+08:00'), '08:10');
});
