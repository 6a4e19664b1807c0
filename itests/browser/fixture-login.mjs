// The login fixture-server.mjs puts in front of its API, as Yike answers it (issue 17), so the pages'
// side of the door is checked alone:
//   POST /api/session {name, password}  200 {user, csrfToken}, cookies yike_session (HttpOnly) and yike_csrf;
//                                        401 wrong name or password; 429 with Retry-After after 5 failures of a name
//   GET /api/session                     200 {user, csrfToken} or 401
//   DELETE /api/session                  204, cookies cleared
//   any other /api/* call                401 without a session; POST, PUT, PATCH, DELETE 403 without X-CSRF-Token
//   /api/users (admins only, else 403)   GET list, POST add (201), PATCH /{name}, DELETE /{name}; 400, 404, 409
// One user to start with: admin / secret, a district admin. Sessions are signed, not stored, so they
// outlive a restart of the fixture as the restart test needs.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = 'yike-fixture-only';
const MAX_FAILURES = 5;
const LOCK_MS = 60_000;
const SHORTEST_PASSWORD = 8; // as Yike's Accounts
const ROLES = ['district-admin', 'school-admin', 'teacher', 'inspector', 'judge', 'viewer', 'reviewer'];
const ADMINS = ['district-admin', 'school-admin'];

const users = new Map([['admin', { name: 'admin', displayName: '系统管理员', role: 'district-admin', scope: '440305', password: 'secret' }]]);
const failures = new Map(); // name -> {count, lockedUntil}

const sign = (text) => createHmac('sha256', SECRET).update(text).digest('base64url');
const sessionToken = (name) => `${Buffer.from(name).toString('base64url')}.${sign(`session:${name}`)}`;
const csrfToken = (session) => sign(`csrf:${session}`);
const same = (a, b) => typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const locked = (name) => (failures.get(name)?.lockedUntil ?? 0) > Date.now();
const shown = ({ name, displayName, role, scope }) => ({ name, displayName, role, scope, locked: locked(name) });

function cookies(req) {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter(([k]) => k));
}

/** The user of that login name, or undefined: whom a lesson can be shared with. */
export const userNamed = (name) => users.get(name);

/** The users with that role: a contest's judges. */
export const usersWithRole = (role) => [...users.values()].filter((u) => u.role === role);

/** The session of a request: {user, token}, or null. */
export function sessionOf(req) {
  const token = cookies(req).yike_session;
  const name = token && Buffer.from(token.split('.')[0], 'base64url').toString();
  return token && users.has(name) && same(token, sessionToken(name)) ? { user: users.get(name), token } : null;
}

const json = (res, status, body, headers = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body));
const refuse = (res, status, error, headers) => json(res, status, { error }, headers);

/** The request's JSON body ({} when empty), or null when it is not JSON. */
export async function bodyOf(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text || '{}');
  } catch {
    return null;
  }
}

function setCookies(token) {
  const age = token ? '' : '; Max-Age=0';
  return { 'set-cookie': [`yike_session=${token}; HttpOnly; SameSite=Strict; Path=/${age}`,
    `yike_csrf=${token && csrfToken(token)}; SameSite=Strict; Path=/${age}`] };
}

function logIn(res, { name, password } = {}) {
  const entry = failures.get(name) ?? { count: 0, lockedUntil: 0 };
  if (locked(name)) {
    const wait = Math.ceil((entry.lockedUntil - Date.now()) / 1000);
    return refuse(res, 429, `登录失败次数过多，账号已暂时锁定，请 ${wait} 秒后再试`, { 'retry-after': String(wait) });
  }
  const user = users.get(name);
  if (!user || user.password !== password) {
    entry.count++;
    if (entry.count >= MAX_FAILURES) Object.assign(entry, { count: 0, lockedUntil: Date.now() + LOCK_MS });
    failures.set(name, entry);
    return refuse(res, 401, `用户名或密码不正确（连续错误 ${MAX_FAILURES} 次将锁定 ${LOCK_MS / 1000} 秒）`);
  }
  failures.delete(name);
  const token = sessionToken(name);
  return json(res, 200, { user: shown(user), csrfToken: csrfToken(token) }, setCookies(token));
}

/** Why a user's fields cannot be taken, or null; partial for a PATCH (only the fields sent). */
function problem(fields, partial) {
  for (const field of ['displayName', 'password', 'role', 'scope']) {
    if (fields[field] === undefined && partial) continue;
    if (typeof fields[field] !== 'string' || !fields[field].trim()) return `${field} 不能为空`;
  }
  if (fields.password !== undefined && fields.password.length < SHORTEST_PASSWORD) return `密码至少 ${SHORTEST_PASSWORD} 位`;
  if (fields.role !== undefined && !ROLES.includes(fields.role)) return `没有角色 ${fields.role}`;
  if (fields.scope !== undefined && /^\d+$/.test(fields.scope) && !/^\d{6}$/.test(fields.scope)) return `范围 ${fields.scope} 不是六位行政区划代码`;
  return null;
}

async function usersApi(req, res, name) {
  if (!name && req.method === 'GET') return json(res, 200, [...users.values()].map(shown));
  const fields = req.method === 'POST' || req.method === 'PATCH' ? await bodyOf(req) : {};
  if (!fields) return refuse(res, 400, '请求不是 JSON');
  if (!name && req.method === 'POST') {
    const why = typeof fields.name === 'string' && /^[A-Za-z0-9._-]+$/.test(fields.name) ? problem(fields, false) : '用户名只能含字母、数字和 . _ -';
    if (why) return refuse(res, 400, why);
    if (users.has(fields.name)) return refuse(res, 409, `用户名 ${fields.name} 已被使用`);
    const { displayName, password, role, scope } = fields;
    users.set(fields.name, { name: fields.name, displayName, password, role, scope });
    return json(res, 201, shown(users.get(fields.name)));
  }
  const user = name && users.get(name);
  if (!user) return refuse(res, 404, `没有用户 ${name}`);
  if (req.method === 'PATCH') {
    const why = problem(fields, true);
    if (why) return refuse(res, 400, why);
    for (const field of ['displayName', 'password', 'role', 'scope']) if (fields[field] !== undefined) user[field] = fields[field];
    return json(res, 200, shown(user));
  }
  if (req.method === 'DELETE') {
    users.delete(name);
    return json(res, 200, shown(user));
  }
  return refuse(res, 405, `${req.method} 不可用`);
}

/**
 * Answers what the login decides for an /api/* request: the session and users calls, and the 401 or 403
 * refusals. Returns true when it answered; false lets the call through to the rest of the fixture.
 */
export async function door(req, res, path) {
  if (path === '/api/session' && req.method === 'POST') {
    const body = await bodyOf(req);
    logIn(res, body ?? {});
    return true;
  }
  const session = sessionOf(req);
  if (path === '/api/session' && req.method === 'DELETE' && !session) {
    json(res, 204, undefined, setCookies(''));
    return true;
  }
  if (!session) {
    refuse(res, 401, '请先登录');
    return true;
  }
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && !same(req.headers['x-csrf-token'], csrfToken(session.token))) {
    refuse(res, 403, '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    return true;
  }
  if (path === '/api/session') {
    if (req.method === 'DELETE') json(res, 204, undefined, setCookies(''));
    else json(res, 200, { user: shown(session.user), csrfToken: csrfToken(session.token) });
    return true;
  }
  const usersPath = path.match(/^\/api\/users(?:\/([^/]+))?$/);
  if (usersPath) {
    if (!ADMINS.includes(session.user.role)) refuse(res, 403, '只有区县管理员和学校管理员可以管理用户');
    else await usersApi(req, res, usersPath[1]);
    return true;
  }
  return false;
}
