// The pages' side of the login against fixture-server.mjs, which answers as Yike does (fixture-login.mjs):
// a logged-out visitor gets the login form and, once in, the page asked for; refusals in words; the
// CSRF token on what changes something; the users page. With YIKE_SCREENSHOTS=<folder> it also takes
// the screenshots docs/pages.md shows (login, users, wall). Needs the pages built and ffmpeg.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, screenshot, until } from '../browser.mjs';
import { ADMIN, fixtureAndBrowser } from '../fixture-start.mjs';

const session = fixtureAndBrowser();
const BASE = session.base;
const SHOTS = process.env.YIKE_SCREENSHOTS;
let page;

before(async () => {
  page = await session.start();
});

const path = () => { const u = new URL(page.url()); return u.pathname + u.search; };
const loginError = () => page.getByTestId('login-error').innerText();
const shot = (name) => screenshot(page, name);

/** Calls the API from inside the page, as its scripts would; csrf: send the yike_csrf cookie's value. */
const callApi = (url, method, body, csrf) => page.evaluate(async ([u, m, b, c]) => {
  const token = document.cookie.match(/(?:^|; )yike_csrf=([^;]*)/)?.[1];
  const headers = { 'Content-Type': 'application/json', ...(c && token ? { 'X-CSRF-Token': decodeURIComponent(token) } : {}) };
  const res = await fetch(u, { method: m, headers, body: b && JSON.stringify(b) });
  return { status: res.status, body: await res.text() };
}, [url, method, body, csrf]);

test('a logged-out visitor of any page gets the login form, remembering the page', async () => {
  await page.goto(`${BASE}/`);
  await page.getByLabel('用户名').waitFor();
  assert.equal(path(), '/login');
  await page.goto(`${BASE}/room/101?stream=main`);
  await page.getByLabel('密码').waitFor();
  const asked = new URL(page.url());
  assert.equal(asked.pathname, '/login');
  assert.equal(asked.searchParams.get('next'), '/room/101?stream=main');
  assert.equal(await page.title(), '登录 · 一课');
  const api = await callApi('/api/live', 'GET');
  assert.equal(api.status, 401, 'the API refuses a logged-out browser');
  await shot('login.png');
});

test('a wrong password is refused in words; too many lock the name out and say how long', async () => {
  await page.getByLabel('用户名').fill(ADMIN.name);
  await page.getByLabel('密码').fill('wrong');
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('login-error').waitFor();
  assert.match(await loginError(), /用户名或密码不正确/);
  assert.match(path(), /^\/login\?next=/);

  for (let i = 0; i < 6; i++) {
    await page.getByLabel('用户名').fill('nobody');
    await page.getByLabel('密码').fill(`guess${i}`);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await until(async () => !(await page.getByTestId('login-submit').getAttribute('class')).includes('is-loading'), 5000, 50);
  }
  assert.match(await loginError(), /锁定/);
  const button = page.getByTestId('login-submit');
  assert.ok(await button.isDisabled(), 'the button waits out the lock');
  assert.match(await button.innerText(), /^(1 分钟|\d+ 秒)后可重试$/);
});

test('logging in lands on the page asked for, the bar names the user and role', async () => {
  const clicked = await login(page, BASE, ADMIN.name, ADMIN.password, '/room/101?stream=main');
  assert.ok(clicked > 0);
  assert.equal(path(), '/room/101?stream=main');
  assert.equal(await page.locator('h1').innerText(), '101');
  assert.match(await page.getByTestId('current-user').innerText(), /系统管理员\s*区县管理员/);
  const live = await until(() => page.evaluate(() => document.querySelector('[data-testid=player-state]')?.dataset.state === 'live'), 15000);
  assert.ok(live, 'the room plays after login (the socket carries the session cookie)');
});

test('a change without the X-CSRF-Token header is refused 403; with it, it reaches the API', async () => {
  const without = await callApi('/api/users', 'POST', { name: 'x' }, false);
  assert.equal(without.status, 403);
  assert.match(JSON.parse(without.body).error, /CSRF/);
  const withToken = await callApi('/api/users', 'POST', { name: 'x' }, true);
  assert.equal(withToken.status, 400, withToken.body);
  assert.equal((await callApi('/api/live', 'GET')).status, 200, 'reading needs no token');
});

test('the users page adds, changes and deletes a user, and says why it cannot', async () => {
  await page.getByTestId('users-link').click();
  await page.waitForURL('**/users');
  await page.getByTestId('users-table').getByText('系统管理员').waitFor();

  // as a person picks: a click on the select's box, then on the option
  const pick = async (dialog, label, option) => {
    await dialog.locator('.el-form-item', { hasText: label }).locator('.el-select__wrapper').click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const add = async (name, displayName, role, scope) => {
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog', { name: '添加用户' });
    await dialog.getByLabel('用户名').fill(name);
    await dialog.getByLabel('姓名').fill(displayName);
    await dialog.getByLabel('初始密码').fill('chalk-42');
    await pick(dialog, '角色', role);
    await dialog.getByLabel('范围').fill(scope);
    await dialog.getByRole('button', { name: '添加' }).click();
    return dialog;
  };
  const row = (name) => page.getByTestId('users-table').locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${name}$`) }) });

  let dialog = await add('li', '李老师', '教师', '南山实验学校');
  await dialog.waitFor({ state: 'hidden' });
  await row('li').waitFor();
  assert.match(await row('li').innerText(), /李老师\s+教师\s+南山实验学校\s+正常/);

  dialog = await add('li', '另一位李老师', '评委', '440305');
  await dialog.getByTestId('user-error').waitFor();
  assert.match(await dialog.getByTestId('user-error').innerText(), /li 已被使用/);
  await dialog.getByRole('button', { name: '取消' }).click();

  await row('li').getByRole('button', { name: '修改' }).click();
  dialog = page.getByRole('dialog', { name: '修改用户 li' });
  await pick(dialog, '角色', '巡课员');
  await dialog.getByLabel('范围').fill('440305');
  await dialog.getByRole('button', { name: '保存' }).click();
  await until(async () => /巡课员\s+行政区划 440305/.test(await row('li').innerText()), 5000);
  assert.match(await row('li').innerText(), /巡课员\s+行政区划 440305/);

  await row('li').getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除用户' }).getByRole('button', { name: '删除' }).click();
  await row('li').waitFor({ state: 'detached' });
  assert.ok(await row('admin').getByRole('button', { name: '删除' }).isDisabled(), 'an admin cannot delete themself');
});

test('a user who is not an admin gets no users link and the server\'s 403 in words on the page', async () => {
  assert.equal((await callApi('/api/users', 'POST',
    { name: 'wang', displayName: '王老师', password: 'pw-wang-1', role: 'teacher', scope: '南山实验学校' }, true)).status, 201);
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await login(page, BASE, 'wang', 'pw-wang-1', '/users');
  await page.getByTestId('users-forbidden').waitFor();
  assert.match(await page.getByTestId('users-forbidden').innerText(), /没有管理用户的权限[\s\S]*只有区县管理员和学校管理员可以管理用户/);
  assert.equal(await page.getByTestId('users-link').count(), 0);
  assert.match(await page.getByTestId('current-user').innerText(), /王老师\s*教师/);
});

test('a session that ends while a room plays leads to the login page and back', async () => {
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await login(page, BASE, ADMIN.name, ADMIN.password, '/room/102');
  await session.browser.context.clearCookies();
  // the room page asks for its room every 5 s while it plays: that 401 sends it to the login page
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/room/102', { timeout: 10000 });
  await login(page, BASE, ADMIN.name, ADMIN.password, new URL(page.url()).searchParams.get('next'));
  assert.equal(path(), '/room/102');
});

test('screenshots: the wall after login and the users page', { skip: !SHOTS }, async () => {
  for (const [name, displayName, role, scope] of [
    ['chen.sz', '陈主任', 'district-admin', '440305'],
    ['zhou', '周校长', 'school-admin', '南山实验学校'],
    ['li.hua', '李华', 'teacher', '南山实验学校'],
    ['zhao.min', '赵敏', 'teacher', '南山实验学校'],
    ['sun.xc', '孙巡课', 'inspector', '南山实验学校'],
    ['he.pw', '何评委', 'judge', '440305'],
    ['guest', '家长开放日', 'viewer', '南山实验学校'],
  ]) {
    assert.equal((await callApi('/api/users', 'POST', { name, displayName, password: 'chalk-and-board', role, scope }, true)).status, 201);
  }
  await page.goto(`${BASE}/users`);
  await page.getByTestId('users-table').getByText('家长开放日').waitFor();
  await shot('users.png');
  await page.goto(`${BASE}/`);
  await until(() => page.evaluate(() => [...document.querySelectorAll('.tile video')].filter((v) => v.__frames > 10).length >= 4), 20000);
  await shot('wall.png');
});
