import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../src/locales/en.js';
import zhCN from '../src/locales/zh-CN.js';
import { i18n, pickLanguage, setLanguage, t } from '../src/i18n.js';

/** Every message of a locale by its full key ("users.add"). */
function flat(messages, prefix = '') {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object'
    ? flat(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]));
}

test('English has exactly the keys of Chinese, and no message is empty', () => {
  const zh = flat(zhCN);
  const english = flat(en);
  assert.deepEqual(english.map(([key]) => key).sort(), zh.map(([key]) => key).sort());
  for (const [key, message] of [...zh, ...english]) {
    assert.equal(typeof message, 'string', key);
    assert.notEqual(message.trim(), '', key);
  }
});

test('every message compiles in both languages (a stray {, @ or | would not)', () => {
  for (const code of ['zh-CN', 'en']) {
    setLanguage(code);
    for (const [key] of flat(zhCN)) assert.notEqual(t(key, {}), key, `${code}: ${key}`);
  }
  setLanguage('zh-CN');
});

test('every message key the pages name is in the messages', () => {
  // a quoted 'area.word' whose area is one of the messages' (t('users.add'), meta: { title: 'title.users' }); not a
  // file's name ('timetable.csv')
  const areas = new Set(Object.keys(zhCN));
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const files = readdirSync(src, { recursive: true }).filter((f) => /\.(js|vue)$/.test(f) && !f.startsWith('locales'));
  const keys = new Set(flat(zhCN).map(([key]) => key));
  let named = 0;
  for (const file of files) {
    for (const [, key] of readFileSync(join(src, file), 'utf8').matchAll(/'([a-z][A-Za-z]*\.[A-Za-z.-]+)'/g)) {
      if (!areas.has(key.split('.')[0]) || /\.csv$/.test(key)) continue;
      named++;
      assert.ok(keys.has(key), `${file} names ${key}, which no message has`);
    }
  }
  assert.ok(named > 200, `only ${named} keys found: the pattern no longer matches how the pages name them`);
});

test('the language: the one picked here, else the browser\'s first (zh… Chinese, anything else English)', () => {
  assert.equal(pickLanguage('en', ['zh-CN']), 'en');
  assert.equal(pickLanguage('zh-CN', ['en-US']), 'zh-CN');
  assert.equal(pickLanguage(null, ['zh-TW', 'en']), 'zh-CN');
  assert.equal(pickLanguage(null, ['zh']), 'zh-CN');
  assert.equal(pickLanguage(null, ['en-GB', 'zh-CN']), 'en');
  assert.equal(pickLanguage(null, ['de-DE']), 'en');
  assert.equal(pickLanguage('fr', []), 'zh-CN', 'nothing known: the first language');
});

test('a switch changes the words at once, and English counts one and many', () => {
  assert.equal(i18n.global.locale.value, 'zh-CN');
  assert.equal(t('users.count', { n: 1 }, 1), '共 1 个');
  setLanguage('en');
  assert.equal(t('bar.logout'), 'Log out');
  assert.equal(t('users.count', { n: 1 }, 1), '1 account');
  assert.equal(t('users.count', { n: 7 }, 7), '7 accounts');
  setLanguage('zh-CN');
  assert.equal(t('bar.logout'), '退出登录');
});

test('the helpers word states, roles, places, times and sizes in the language shown', async () => {
  const { roleLabel, ROLES, scopeLabel } = await import('../src/users.js');
  const { deviceStateLabel, figuresLabel, sourceRoleLabel } = await import('../src/devices.js');
  const { lessonLine, roomStateLabel, floorLabel } = await import('../src/rooms.js');
  const { weekDays, weekLabel, importedWords, TIMETABLE_FILES } = await import('../src/timetable.js');
  const { waitWords } = await import('../src/session.js');
  const { alertOf, diskLevel } = await import('../src/system.js');
  const { jobStateLabel, targetStatus } = await import('../src/publishing.js');
  const { moduleStateLabel } = await import('../src/modules.js');
  const { whenLabel } = await import('../src/lessons.js');
  setLanguage('en');
  try {
    assert.deepEqual(ROLES.map((r) => r.label), ['District admin', 'School admin', 'Teacher', 'Inspector', 'Judge', 'Viewer',
      'Reviewer']);
    assert.equal(roleLabel('auditor'), 'auditor', 'a role the pages do not know: as sent, in either language');
    assert.equal(scopeLabel('440305'), 'Region 440305');
    assert.equal(deviceStateLabel('ERROR'), 'Misconfigured');
    assert.equal(sourceRoleLabel('TEACHER_CLOSEUP'), 'Teacher close-up');
    assert.equal(figuresLabel({ framesPerSecond: 25, bitsPerSecond: 0 }).text, '25 fps · uncompressed');
    assert.equal(roomStateLabel('faulty'), 'Device offline');
    assert.equal(floorLabel('3'), 'Floor 3');
    assert.equal(lessonLine({ course: 'Maths', teacher: 'Ms Wang', period: 3 }), 'Maths · Ms Wang · Period 3');
    assert.equal(whenLabel({ date: '2025-09-01', period: 3 }), '2025-09-01 Mon Period 3');
    assert.deepEqual(weekDays('2025-12-29').map((d) => `${d.label} ${d.short}`).slice(0, 4), ['Mon Dec 29', 'Tue Dec 30', 'Wed Dec 31', 'Thu Jan 1']);
    assert.equal(weekLabel('2025-09-01'), 'Sep 1 – Sep 7, 2025');
    assert.equal(weekLabel('2025-12-29'), 'Dec 29, 2025 – Jan 4, 2026');
    assert.equal(TIMETABLE_FILES[2].label, 'Timetable');
    assert.equal(importedWords({ what: 'lessons', rows: 9, sessions: 120, added: 118, changed: 2, removed: 0 }),
      'Timetable: 9 rows, 120 lessons (118 added, 2 changed, 0 removed)');
    assert.deepEqual([45, 150, 3900].map(waitWords), ['45 s', '2 min 30 s', '1 h 5 min']);
    assert.equal(diskLevel({ freeBytes: 300 * 1024 ** 3, totalBytes: 1000 * 1024 ** 3, minFreeBytes: 0 }).text, '300 GB free of 1000 GB');
    const lost = alertOf('org/yike/recording/SOURCE_STATE', { classroom: '203', sources: ['cam/a', 'cam/b'], reason: 'no frames' });
    assert.deepEqual([lost.title, lost.text], ['Room 203: Source lost', 'cam/a, cam/b: no frames']);
    assert.equal(jobStateLabel('uploading'), 'Sending');
    assert.equal(targetStatus('pushing: rtmp://x').label, 'Pushing');
    assert.equal(moduleStateLabel('INSTALLED'), 'Unresolved');
  } finally {
    setLanguage('zh-CN');
  }
  assert.equal(roleLabel('teacher'), '教师', 'back in Chinese: the same lookups answer in Chinese');
});

test('the lessons\', the player\'s, the sharing\'s and the directing desk\'s helpers in English', async () => {
  const { facetGroups, setFilters, stateLabel } = await import('../src/lessons.js');
  const { personLabel, sharedWords, shareProblem } = await import('../src/sharing.js');
  const { cutProblem, layoutLabel, LAYOUTS } = await import('../src/directing.js');
  const { playerStreams, sourceLabel } = await import('../src/playback.js');
  const users = [{ name: 'li', displayName: '李老师', role: 'teacher' }];
  setLanguage('en');
  try {
    const groups = facetGroups({ course: [{ value: '数学', count: 4 }], state: [{ value: 'partial', count: 1 }] }, {});
    assert.deepEqual(groups.map((g) => [g.label, g.values[0].label]), [['Subject', '数学'], ['State', 'Partly recorded']]);
    assert.deepEqual(setFilters({ q: '定理', room: '101', state: 'failed' }).map((f) => f.label),
      ['Words: 定理', 'Room: 101', `State: ${stateLabel('failed')}`]);
    assert.equal(shareProblem({ state: 'recording' }), 'Can be shared once the recording ends');
    assert.equal(personLabel('li', users), '李老师 (li)');
    assert.equal(sharedWords({ sharedWith: ['li', 'ghost'] }, users), '李老师 (li), ghost');
    assert.deepEqual(LAYOUTS.map((l) => l.label).slice(0, 3), ['Full screen', 'PiP · top left', 'PiP · top right']);
    assert.equal(layoutLabel('QUAD'), 'Quad');
    assert.equal(cutProblem('QUAD', ['a']), 'Quad needs 4 sources, 1 picked');
    assert.equal(cutProblem('FULL', []), 'Full screen needs 1 source, 0 picked');
    assert.equal(sourceLabel('cam1/student_wide'), 'Student wide');
    assert.equal(sourceLabel('cam1/constructor'), 'cam1/constructor', 'not a role: the name as it is');
    const streams = playerStreams({ files: [{ name: 'program.mp4', role: 'program' }] });
    assert.equal(streams[0].label, 'Program');
  } finally {
    setLanguage('zh-CN');
  }
  assert.equal(layoutLabel('QUAD'), '四分屏', 'back in Chinese');
});

test('the review\'s and the dashboard\'s helpers in English', async () => {
  const { facetGroups, setFilters } = await import('../src/lessons.js');
  const { askedWords, askProblem, reasonProblem, refusalWords, REVIEW_STATES } = await import('../src/review.js');
  const { bars, behindLabel, figureCards, validSlices } = await import('../src/dashboard.js');
  const figures = { planned: 6, recorded: 5, rate: 5 / 6, valid: 2, validFraction: 0.8, invalid: { failed: 1, partial: 1, tooShort: 1 },
    rooms: 2, faultyRooms: 1, behind: { missed: ['f'] } };
  setLanguage('en');
  try {
    assert.deepEqual(REVIEW_STATES.map((s) => s.label), ['Private', 'Pending', 'Published', 'Rejected']);
    assert.deepEqual(facetGroups({ review: [{ value: 'pending', count: 2 }] }, {}).map((g) => [g.label, g.values[0].label]),
      [['Review', 'Pending']]);
    assert.deepEqual(setFilters({ review: 'rejected' }).map((f) => f.label), ['Review: Rejected']);
    assert.equal(askProblem({ state: 'scheduled' }), 'Can be asked for once it is recorded');
    assert.equal(askedWords({ state: 'recording', review: { state: 'private' } }), 'Asked to publish: reviewed once the recording ends');
    assert.equal(reasonProblem(' '), 'Give a reason: the teacher reads it');
    assert.equal(refusalWords('review.publishRefused', { status: 409, message: 'decided' }), 'Could not publish: decided');
    assert.equal(refusalWords('review.askRefused', new TypeError('Failed to fetch')), 'Cannot reach Yike (Failed to fetch)');
    const cards = figureCards(figures);
    assert.deepEqual(cards.map((c) => c.label), ['Recording rate', 'Planned', 'Recorded', 'Valid', 'Invalid', 'Faulty rooms', 'Views', 'Evaluation mean']);
    assert.deepEqual([cards[0].note, cards[3].note, cards[5].note], ['1 not recorded', 'Whole, and at least 80% of the period',
      '50% of all rooms']);
    assert.deepEqual(cards[4].parts.map((p) => p.label), ['Failed', 'Partial', 'Too short']);
    assert.deepEqual(validSlices(figures).map((s) => s.name), ['Valid', 'Failed', 'Partial', 'Too short']);
    assert.equal(bars({ ' ': 1 })[0].name, 'Not given');
    assert.equal(behindLabel('faultyRooms'), 'Rooms with a device offline');
  } finally {
    setLanguage('zh-CN');
  }
  assert.equal(behindLabel('missed'), '未录制的课节', 'back in Chinese');
});
