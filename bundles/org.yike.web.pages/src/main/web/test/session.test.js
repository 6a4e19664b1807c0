import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSession, login, loginTarget, needsCsrf, onExpired, readCookie, request, safeNext, user, waitWords }
  from '../src/session.js';

/** Stands in for the browser: the cookies it holds, and fetch answering from answers(url, init). */
function browser(cookie, answers) {
  const calls = [];
  globalThis.document = { cookie };
  globalThis.fetch = async (url, init) => {
    calls.push({ url, ...init });
    const [status, body, headers] = answers(url, init);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  return calls;
}

test('the CSRF header goes with POST, PUT, PATCH and DELETE only, with the cookie\'s value', async () => {
  const calls = browser('theme=dark; yike_csrf=t%2Bk1; other=x', () => [200, {}]);
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'delete', 'HEAD']) await request('/api/x', { method });
  assert.deepEqual(calls.map((c) => c.headers['X-CSRF-Token'] ?? null), [null, 't+k1', 't+k1', 't+k1', 't+k1', 't+k1', null]);
  assert.equal(needsCsrf(undefined), false);
  assert.equal(readCookie('a=1; yike_csrf2=no', 'yike_csrf'), null);
});

test('a body goes as JSON; 204 and empty answers are null', async () => {
  const calls = browser('', (url) => (url === '/api/gone' ? [204] : [201, { name: 'li' }]));
  assert.deepEqual(await request('/api/users', { method: 'POST', body: { name: 'li' } }), { name: 'li' });
  assert.equal(calls[0].body, '{"name":"li"}');
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(await request('/api/gone', { method: 'DELETE' }), null);
});

test('a 401 logs the page out and calls the expired handler once; the error is thrown', async () => {
  let expired = 0;
  onExpired(() => expired++);
  user.value = { name: 'admin' };
  browser('', () => [401, { error: '请先登录' }]);
  await assert.rejects(request('/api/live'), { status: 401, message: '请先登录' });
  assert.equal(user.value, null);
  assert.equal(expired, 1);
});

test('login and "who is logged in" take 401 as an answer, not as an expired session', async () => {
  let expired = 0;
  onExpired(() => expired++);
  browser('', () => [401, { error: '用户名或密码不正确' }]);
  await assert.rejects(login('admin', 'wrong'), { status: 401, message: '用户名或密码不正确' });
  assert.equal(await loadSession(), null);
  assert.equal(expired, 0);
  const me = { name: 'admin', displayName: '管理员', role: 'district-admin', scope: '440305' };
  const calls = browser('', () => [200, { user: me, csrfToken: 'c' }]);
  assert.deepEqual(await login('admin', 'secret'), me);
  assert.equal(calls[0].headers['X-CSRF-Token'], undefined, 'login needs no CSRF token');
  assert.deepEqual(user.value, me);
});

test('403 and 429 carry the server\'s words; 429 its Retry-After; a page that is not JSON says its status', async () => {
  browser('', () => [403, { error: '只有管理员可以管理用户' }]);
  await assert.rejects(request('/api/users'), { status: 403, message: '只有管理员可以管理用户' });
  browser('', () => [429, { error: '登录失败次数过多' }, { 'Retry-After': '90' }]);
  await assert.rejects(login('a', 'b'), { status: 429, retryAfter: 90 });
  globalThis.fetch = async () => new Response('<html>Bad Gateway</html>', { status: 502 });
  await assert.rejects(request('/api/live'), { status: 502, message: '/api/live: HTTP 502' });
});

test('after login only a path of this site, never another origin or the login page', () => {
  assert.equal(safeNext('/room/101?stream=main'), '/room/101?stream=main');
  assert.equal(safeNext('/users#x'), '/users#x');
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example',
    'javascript:alert(1)', 'room/101', '', undefined, ['/a', '/b'], '/login?next=/users']) {
    assert.equal(safeNext(bad), '/', JSON.stringify(bad));
  }
});

test('the login page remembers where the visitor was', () => {
  assert.equal(loginTarget('/room/101?sound=1'), '/login?next=%2Froom%2F101%3Fsound%3D1');
  assert.equal(loginTarget('/'), '/login');
  assert.equal(loginTarget('//evil.example'), '/login');
});

test('a lock-out says how long to wait in words', () => {
  assert.equal(waitWords(45), '45 秒');
  assert.equal(waitWords(0.2), '1 秒');
  assert.equal(waitWords(300), '5 分钟');
  assert.equal(waitWords(150), '2 分 30 秒');
  assert.equal(waitWords(3900), '1 小时 5 分钟');
  assert.equal(waitWords(7200), '2 小时');
});

test('a file goes as it is with its type; a 422\'s whole answer stays on the error', async () => {
  const errors = [{ row: 3, reason: "period 'x' is not a number from 1 to 99" }];
  const calls = browser('yike_csrf=k', () => [422, { errors }]);
  const csv = 'room,weekday\n101,1\n';
  await assert.rejects(request('/api/timetable/lessons', { method: 'PUT', body: csv, type: 'text/csv' }),
    (e) => e.status === 422 && e.body.errors[0].row === 3 && e.message === '/api/timetable/lessons: HTTP 422');
  assert.equal(calls[0].body, csv);
  assert.equal(calls[0].headers['Content-Type'], 'text/csv');
  assert.equal(calls[0].headers['X-CSRF-Token'], 'k');
  const asked = browser('', () => [200, []]);
  await request('/api/drivers', { headers: { 'Accept-Language': 'zh-CN' } });
  assert.equal(asked[0].headers['Accept-Language'], 'zh-CN');
});
