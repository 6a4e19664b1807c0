// Who is logged in, logging in and out, and the one fetch every API call of the pages goes through:
// it sends the CSRF token with what changes something and turns a 401 into the login page.
import { shallowRef } from 'vue';
import { loginPath, sessionUrl } from './endpoints.js';
import { t } from './i18n.js';

/** The script-readable cookie the server sets at login; changing requests send it back as a header. */
export const CSRF_COOKIE = 'yike_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const needsCsrf = (method) => CHANGING.has(String(method ?? 'GET').toUpperCase());

export function readCookie(cookies, name) {
  for (const pair of String(cookies ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return null;
}

const SAME_SITE = 'http://same.invalid';

/**
 * Where to go after login: next when it is a path of this site (not the login page itself), else the
 * wall. Never another origin: "//evil.example", "https://evil.example" or "/\evil.example" answer "/".
 */
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  let url;
  try {
    url = new URL(next, SAME_SITE);
  } catch {
    return '/';
  }
  if (url.origin !== SAME_SITE || url.pathname === loginPath()) return '/';
  return url.pathname + url.search + url.hash;
}

/** The login page that comes back to path (a route's fullPath) afterwards. */
export function loginTarget(path) {
  const next = safeNext(path);
  return next === '/' ? loginPath() : `${loginPath()}?next=${encodeURIComponent(next)}`;
}

/** "45 秒", "5 分钟", "2 分 30 秒", "1 小时 5 分钟" (45 s, 5 min, 2 min 30 s, 1 h 5 min): how long a locked-out login waits. */
export function waitWords(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return t('duration.s', { s });
  if (s < 3600) return s % 60 ? t('duration.ms', { m: Math.floor(s / 60), s: s % 60 }) : t('duration.m', { m: s / 60 });
  const m = Math.ceil((s % 3600) / 60);
  return m ? t('duration.hm', { h: Math.floor(s / 3600), m }) : t('duration.h', { h: s / 3600 });
}

/**
 * An API answer other than 2xx: message is the server's own words ({"error": "…"}) where it sent some;
 * body the whole JSON answer (a refused timetable's {"errors": [{row, reason}]}), or null.
 */
export class ApiError extends Error {
  constructor(url, status, body, retryAfter) {
    super(body?.error || `${url}: HTTP ${status}`);
    Object.assign(this, { url, status, body, retryAfter });
  }
}

async function apiError(url, res) {
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's page): the status says it
  }
  const retryAfter = Number(res.headers.get('Retry-After'));
  return new ApiError(url, res.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** The user logged in ({name, displayName, role, scope}); null when logged out, undefined until asked. */
export const user = shallowRef(undefined);

let expired = () => {};
/** What to do when the server says the session is gone (the app's router goes to the login page). */
export function onExpired(handler) {
  expired = handler;
}

/**
 * fetch for the API: JSON in and out, or a body as it is with its type (a CSV file: type 'text/csv');
 * the CSRF header on POST, PUT, PATCH and DELETE; throws ApiError for an answer other than 2xx. A 401
 * logs the page out, unless anonymous (login and asking who is logged in, where 401 is an answer, not
 * an expired session). headers: more of them, such as Accept-Language.
 */
export async function request(url, { method = 'GET', body, type, headers: more = {}, anonymous = false } = {}) {
  const headers = { ...more };
  if (body !== undefined) headers['Content-Type'] = type ?? 'application/json';
  if (needsCsrf(method)) {
    const token = readCookie(globalThis.document?.cookie, CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  const sent = body === undefined || type ? body : JSON.stringify(body);
  const res = await fetch(url, { method, headers, cache: 'no-store', body: sent });
  if (!res.ok) {
    const error = await apiError(url, res);
    if (res.status === 401 && !anonymous) {
      user.value = null;
      expired();
    }
    throw error;
  }
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Asks the server who is logged in; sets user (null when nobody). */
export async function loadSession() {
  try {
    user.value = (await request(sessionUrl(), { anonymous: true })).user;
  } catch (e) {
    if (e.status !== 401) throw e;
    user.value = null;
  }
  return user.value;
}

/** Throws ApiError: 401 wrong name or password, 429 locked out for retryAfter seconds. */
export async function login(name, password) {
  user.value = (await request(sessionUrl(), { method: 'POST', body: { name, password }, anonymous: true })).user;
  return user.value;
}

export async function logout() {
  try {
    await request(sessionUrl(), { method: 'DELETE', anonymous: true });
  } catch (e) {
    if (e.status !== 401) throw e;
  }
  user.value = null;
}
