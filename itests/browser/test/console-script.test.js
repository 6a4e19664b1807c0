// console.mjs, the walk a Java itest runs against the product jar, run here against fixture-server.mjs: its
// lines say what it saw at each step. Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, fixturePort, startFixture } from '../fixture-start.mjs';

const PORT = fixturePort();
const dir = mkdtempSync(join(tmpdir(), 'yike-console-'));
let fixture;

before(async () => { fixture = await startFixture(PORT); });
after(() => {
  fixture?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const day = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('console.mjs walks the console and prints one line a step', async () => {
  const files = {
    bells: 'profile,period,label,start,end\n夏季,1,第1节,08:00,08:45\n夏季,2,第2节,08:55,09:40\n夏季,3,第3节,10:00,10:45\n',
    calendar: `date,kind,follows_date,bell_profile,note\n${day(-30)},term_start,,夏季,开学\n${day(120)},term_end,,,期末\n`,
    lessons: 'room,weekday,period,weeks,course,teacher,class,record\n\n101,1,1,all,语文,王老师,高一(1)班,yes\n102,3,2,all,数学,李老师,高一(2)班,\n',
  };
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, `${name}.csv`), text);
    return join(dir, `${name}.csv`);
  });
  const out = await new Promise((resolve, reject) => execFile('node',
    [fileURLToPath(new URL('../console.mjs', import.meta.url)), `http://127.0.0.1:${PORT}`, ...paths, '--name', '讲台摄像机', '--week', day(7)],
    { env: { ...process.env, YIKE_USER: ADMIN.name, YIKE_PASSWORD: ADMIN.password }, timeout: 120000 },
    (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout))));
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.step), ['console', 'devices', 'form', 'refused', 'added', 'imported', 'imported', 'rejected', 'imported', 'week']);
  const [start, listed, form, refused, added, bells, calendar, rejected, lessons, week] = lines;
  assert.deepEqual([start.role, start.link], ['区县管理员', true]);
  assert.ok(listed.devices.some((d) => d.id === 'virtual-101' && d.state === 'ONLINE'), JSON.stringify(listed));
  const url = form.fields.find((f) => f.id === 'url');
  assert.deepEqual([url.label, url.kind, url.mustGive], ['流地址', 'text', true]);
  assert.equal(form.fields.find((f) => f.id === 'password').kind, 'password');
  assert.deepEqual(form.fields.find((f) => f.id === 'transport'), { id: 'transport', label: 'RTSP 传输方式', kind: 'select', mustGive: false, value: 'TCP' });
  assert.match(refused.error, /missing url/);
  assert.equal(added.device.name, '讲台摄像机');
  assert.equal(added.device.classroom, '101');
  assert.match(added.device.sources[0].uri, /^rtsp:\/\/127\.0\.0\.1:8554\/console-cam$/);
  assert.match(bells.words, /作息时间：3 行/);
  assert.match(calendar.words, /校历：2 行/);
  assert.equal(rejected.broken, 2, 'the empty line after the header is not a row');
  assert.deepEqual(rejected.rows.map((r) => [r.row, r.text]), [[2, '101,1,x,all,语文,王老师,高一(1)班,yes']]);
  assert.match(rejected.rows[0].reason, /period 'x' is not a number/);
  assert.match(lessons.words, /课程表：2 行/);
  assert.equal(week.sessions.length, 2, JSON.stringify(week));
  assert.deepEqual(week.sessions.map((s) => [s.room, s.period, s.course, s.state]), [['101', '第1节', '语文', 'scheduled'], ['102', '第2节', '数学', 'scheduled']]);
});
