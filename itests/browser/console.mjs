// node console.mjs <base url> <bells.csv> <calendar.csv> <lessons.csv>
//      [--camera-url rtsp://127.0.0.1:8554/cam] [--name console-cam] [--classroom 101] [--week YYYY-MM-DD] [--screenshots dir]
// Walks the console of a running Yike (issue 17) as a school's admin would, through the pages only, and
// prints one JSON line per step (each also has "t", the time in ms). YIKE_USER and YIKE_PASSWORD must be set:
// an administrator (district-admin or school-admin), logged in through the login form.
//   {"step":"console","role","link"}     logged in: the user's role and whether the bar offers 管理 (link true)
//   {"step":"devices","devices":[...]}   /console/devices as listed: {id, name, driver, classroom, state (ONLINE…),
//                                        stateText, reason, sources: [{role, key, uri, figures}]}
//   {"step":"form","driver","fields":[...]}  the rtsp driver's generated form: {id, label, kind (text, password,
//                                        number, select, switch, list), mustGive, value}
//   {"step":"refused","error"}           添加 with every field but the stream address (url): the error at the form
//   {"step":"added","device":{...},"seconds"}  添加 again with --camera-url: the new row of the table (as in
//                                        "devices") and how long until it was listed
//   {"step":"imported","file","words"}   bells.csv, then calendar.csv, imported as picked: the success line
//   {"step":"rejected","file":"lessons","broken","rows":[{row, text, reason}]}  lessons.csv with the period of
//                                        its first data row (row 2, the header is 1) made 'x': the bad rows shown
//   {"step":"imported","file":"lessons","words"}  lessons.csv as given
//   {"step":"week","week","label","sessions":[...]}  the week's grid (--week, default this week): each session
//                                        {id, room, date, period (the row's label), course, who, state, stateText}
// Any step that fails prints {"step", "error"} and the script exits 1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openPage, options, print, until } from './browser.mjs';

const { positional: [base, bellsFile, calendarFile, lessonsFile], ...opt } = options({
  'camera-url': 'rtsp://127.0.0.1:8554/console-cam', name: 'console-cam', classroom: '101', week: '', screenshots: '',
});
if (!lessonsFile || !process.env.YIKE_USER || !process.env.YIKE_PASSWORD) {
  console.error('usage: YIKE_USER=… YIKE_PASSWORD=… node console.mjs <base url> <bells.csv> <calendar.csv> <lessons.csv>'
    + ' [--camera-url url] [--name name] [--classroom room] [--week YYYY-MM-DD] [--screenshots dir]');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
const url = (path) => new URL(path, base).href;
const shot = (name) => opt.screenshots && page.screenshot({ path: join(opt.screenshots, name), fullPage: true });
let step = 'console';

/** The devices table as a person reads it. */
const devices = () => page.getByTestId('devices-table').locator('tbody tr').evaluateAll((rows) => rows.map((tr) => {
  const cells = tr.querySelectorAll('td');
  const [id, driver] = cells[1].querySelector('.minor').textContent.split('·').map((s) => s.trim());
  return {
    id,
    name: cells[1].querySelector('.name').textContent.trim(),
    driver,
    classroom: cells[2].textContent.trim(),
    state: cells[0].querySelector('[data-state]')?.dataset.state ?? null,
    stateText: cells[0].querySelector('[data-state]')?.textContent.trim() ?? null,
    reason: cells[0].querySelector('.reason')?.textContent.trim() ?? '',
    sources: [...cells[3].querySelectorAll('li')].map((li) => ({
      role: li.querySelector('.role').textContent.trim(),
      key: li.querySelector('.key').textContent.trim(),
      uri: li.querySelector('.uri').textContent.trim(),
      figures: li.querySelector('.figures').textContent.trim(),
    })),
  };
}));

/** Picks files in part's tab: the bad rows, the success line or the error it shows once the server answers. */
async function imported(part, files) {
  const tab = page.locator(`[data-testid=import-${part}]`).locator('xpath=..');
  await page.getByRole('tab', { name: { bells: '作息时间', calendar: '校历', lessons: '课程表' }[part] }).click();
  await page.getByTestId(`csv-file-${part}`).setInputFiles(files);
  const outcome = await until(async () => {
    if (await tab.getByTestId('import-rejected').isVisible()) {
      const rows = await tab.getByTestId('bad-rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
        const [row, text, reason] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
        return { row: Number(/\d+/.exec(row)?.[0] ?? 0), text, reason };
      }));
      return rows.length ? { rows } : null;
    }
    if (await tab.getByTestId('import-ok').isVisible()) return { words: (await tab.getByTestId('import-ok').locator('.el-alert__title').innerText()).trim() };
    const failed = tab.getByTestId('import-error');
    return await failed.isVisible() ? { error: (await failed.innerText()).trim() } : null;
  }, 30000, 100);
  if (!outcome) throw new Error(`${part}: no answer shown within 30 s`);
  return outcome;
}

/** lessons.csv with the period of its first data row made 'x', and that row's number. */
function broken(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const column = header.indexOf('period');
  const at = lines.findIndex((l, i) => i > 0 && l.trim() && !l.includes('"'));
  if (column < 0 || at < 0) throw new Error('lessons.csv needs a period column and an unquoted data row');
  const cells = lines[at].split(',');
  cells[column] = 'x';
  lines[at] = cells.join(',');
  // rows are numbered as records: empty lines before it do not count
  return { csv: lines.join('\n'), row: lines.slice(0, at + 1).filter((l) => l.trim()).length };
}

try {
  await openPage(page, url('/'));
  const link = page.getByTestId('console-link');
  const role = await page.getByTestId('current-user').locator('.el-tag').innerText();
  print({ step, role, link: await link.isVisible() });
  await link.click();
  await page.waitForURL('**/console/devices');

  step = 'devices';
  await until(async () => (await page.getByTestId('devices-count').count()) > 0, 15000);
  print({ step, devices: await devices() });

  step = 'form';
  await page.getByTestId('add-device').click();
  const dialog = page.getByRole('dialog', { name: '添加设备' });
  await dialog.locator('[data-testid=device-driver] .el-select__wrapper').click();
  await page.getByRole('option', { name: /（rtsp）$/ }).click();
  await dialog.locator('[data-field=url]').waitFor();
  const fields = await dialog.locator('[data-field]').evaluateAll((items) => items.map((item) => {
    const input = item.querySelector('input, textarea');
    const kind = item.querySelector('.el-select') ? 'select' : item.querySelector('.el-switch') ? 'switch'
      : item.querySelector('.el-input-number') ? 'number' : item.querySelector('textarea') ? 'list'
        : input?.type === 'password' ? 'password' : 'text';
    return { id: item.dataset.field, label: item.querySelector('.el-form-item__label').textContent.trim(), kind,
      mustGive: item.classList.contains('is-required'), value: kind === 'select' ? item.querySelector('.el-select__selected-item:not(.is-hidden):not(.is-transparent)')?.textContent.trim() ?? '' : input?.value ?? '' };
  }));
  print({ step, driver: 'rtsp', fields });

  step = 'refused';
  const field = (id) => dialog.locator(`[data-field=${id}]`);
  await field('name').locator('input').fill(opt.name);
  await field('classroom').locator('input').fill(opt.classroom);
  await field('role').locator('.el-select__wrapper').click();
  const roles = await field('role').locator('input').getAttribute('aria-controls');
  await page.locator(`[id="${roles}"] [role=option]`).first().click();
  await dialog.getByTestId('device-save').click();
  await dialog.getByTestId('device-error').waitFor({ timeout: 15000 });
  print({ step, error: (await dialog.getByTestId('device-error').innerText()).trim() });

  step = 'added';
  await field('url').locator('input').fill(opt['camera-url']);
  const clicked = Date.now();
  await dialog.getByTestId('device-save').click();
  await dialog.waitFor({ state: 'hidden', timeout: 15000 }).catch(() => {});
  if (await dialog.isVisible()) throw new Error(`not added: ${await dialog.getByTestId('device-error').innerText().catch(() => '?')}`);
  const device = await until(async () => (await devices()).find((d) => d.name === opt.name), 15000);
  if (!device) throw new Error(`${opt.name} is not listed within 15 s`);
  print({ step, device, seconds: (Date.now() - clicked) / 1000 });
  await shot('console-devices.png');

  step = 'imported';
  await page.getByRole('link', { name: '课表', exact: true }).click();
  await page.waitForURL('**/console/timetable');
  for (const [part, file] of [['bells', bellsFile], ['calendar', calendarFile]]) {
    print({ step, file: part, ...await imported(part, file) });
  }

  step = 'rejected';
  const bad = broken(readFileSync(lessonsFile, 'utf8'));
  print({ step, file: 'lessons', broken: bad.row,
    ...await imported('lessons', { name: 'lessons.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.csv) }) });

  step = 'imported';
  print({ step, file: 'lessons', ...await imported('lessons', lessonsFile) });

  step = 'week';
  if (opt.week) await page.goto(url(`/console/timetable?week=${encodeURIComponent(opt.week)}`));
  const grid = page.getByTestId('week-grid');
  await until(async () => await grid.isVisible() || await page.getByTestId('week-empty').isVisible(), 15000);
  const sessions = await grid.isVisible() ? await grid.evaluate((table) => {
    const dates = [...table.querySelectorAll('thead th[data-date]')].map((th) => th.dataset.date);
    return [...table.querySelectorAll('tbody tr')].flatMap((tr) => [...tr.querySelectorAll('td')].flatMap((td, i) =>
      [...td.querySelectorAll('article')].map((a) => {
        const tag = a.querySelector('.el-tag');
        return { id: a.dataset.session, room: a.querySelector('.room-name').textContent.trim(), date: dates[i],
          period: tr.querySelector('th').firstChild.textContent.trim(), course: a.querySelector('.course').textContent.trim(),
          who: a.querySelector('.who').textContent.trim(), state: tag?.dataset.state ?? null, stateText: tag?.textContent.trim() ?? null };
      })));
  }) : [];
  print({ step, week: new URL(page.url()).searchParams.get('week'), label: await page.getByTestId('week-label').innerText(), sessions });
  await shot('console-timetable.png');
} catch (e) {
  print({ step, error: e.message });
  process.exitCode = 1;
} finally {
  await browser.close();
}
