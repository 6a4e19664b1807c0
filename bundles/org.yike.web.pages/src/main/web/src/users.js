// Users and roles as the pages show them; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';

/** The roles by their wire names, most powerful first, with their names in the pages' language. */
export const ROLES = worded('role', [
  { role: 'district-admin', tag: 'danger' },
  { role: 'school-admin', tag: 'warning' },
  { role: 'teacher', tag: 'primary' },
  { role: 'inspector', tag: 'success' },
  { role: 'judge', tag: 'info' },
  { role: 'viewer', tag: 'info' },
  { role: 'reviewer', tag: 'warning' },
], 'role');
/** A role's name and tag colour; a role this page does not know yet shows as the server names it. */
export const { label: roleLabel, tag: roleTag } = labelsOf(ROLES, 'role');

const ADMINS = new Set(['district-admin', 'school-admin']);
/** Whether the users page is offered (the server answers 403 to anyone else anyway). */
export const canManageUsers = (user) => ADMINS.has(user?.role);

/** The roles an admin may give: a school's admin cannot make district admins. */
export function assignableRoles(user) {
  if (user?.role === 'district-admin') return ROLES;
  if (user?.role === 'school-admin') return ROLES.filter((r) => r.role !== 'district-admin');
  return [];
}

/** A scope is a six-digit GB/T 2260 region code (440305) or a school's name. */
export const isRegionCode = (scope) => /^\d{6}$/.test(String(scope ?? ''));

export function scopeLabel(scope) {
  if (scope === undefined || scope === null || scope === '') return '—';
  return isRegionCode(scope) ? t('users.region', { code: scope }) : String(scope);
}

/** Why a scope cannot be sent, or null: all digits must be a full six-digit code. */
export function scopeProblem(scope) {
  const s = String(scope ?? '').trim();
  if (!s) return t('users.scopeMissing');
  if (/^\d+$/.test(s) && !isRegionCode(s)) return t('users.scopeDigits');
  return null;
}

/** The PATCH body for an edit: the fields that changed, and the password only when a new one is typed. */
export function userChanges(original, form) {
  const changes = {};
  for (const field of ['displayName', 'role', 'scope']) {
    const value = String(form[field] ?? '').trim();
    if (value !== String(original[field] ?? '')) changes[field] = value;
  }
  if (form.password) changes.password = form.password;
  return changes;
}
