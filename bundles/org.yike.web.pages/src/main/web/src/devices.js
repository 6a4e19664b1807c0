// The devices as the console lists them (GET /api/devices); no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';

/** A device's state (state + reason, as openHAB's things) in words, with its tag colour. */
export const DEVICE_STATES = worded('deviceState', {
  ONLINE: { tag: 'success' },
  CONNECTING: { tag: 'warning' },
  OFFLINE: { tag: 'danger' },
  ERROR: { tag: 'danger' },
});
export const { label: deviceStateLabel, tag: deviceStateTag } = labelsOf(DEVICE_STATES);

/** What a source shows or hears (org.yike.api.device.Role). */
const SOURCE_ROLES = new Set(['TEACHER_CLOSEUP', 'TEACHER_WIDE', 'STUDENT_CLOSEUP', 'STUDENT_WIDE', 'COURSEWARE', 'BLACKBOARD',
  'MICROPHONE']);
export const sourceRoleLabel = (role) => (SOURCE_ROLES.has(role) ? t(`sourceRole.${role}`) : String(role ?? ''));

/** Figures older than this were not measured again: the source stopped delivering, or nobody reads it. */
export const STALE_MS = 30_000;

/**
 * A source's figures in words: "25 fps · 4,012 kbit/s", "25 fps · 未压缩" (uncompressed; bitsPerSecond 0: raw
 * pictures or sound, whose rate says nothing), "48 kbit/s" for sound (0 fps), '—' when not measured;
 * stale when measured more than STALE_MS before now.
 */
export function figuresLabel(figures, now = Date.now()) {
  if (!figures) return { text: '—', stale: false };
  const parts = [];
  const fps = Number(figures.framesPerSecond);
  if (fps > 0) parts.push(`${fps >= 10 ? Math.round(fps) : fps.toFixed(1)} fps`);
  const bits = Number(figures.bitsPerSecond);
  parts.push(bits > 0 ? `${Math.round(bits / 1000).toLocaleString('en-US')} kbit/s` : t('devices.uncompressed'));
  const measured = Date.parse(figures.measuredAt);
  return { text: parts.join(' · '), stale: Number.isFinite(measured) && now - measured > STALE_MS };
}

/** Devices in the order a school reads them: by classroom (numeric: 2 before 10), then name. */
export function sortDevices(devices) {
  const by = (a, b) => String(a ?? '').localeCompare(String(b ?? ''), 'zh-CN', { numeric: true });
  return [...(devices ?? [])].sort((a, b) => by(a.classroom, b.classroom) || by(a.name || a.id, b.name || b.id));
}

/** The answer to a refused DELETE in words: 409 is a driver's default device, which cannot go. */
export function deleteRefusal(device, error) {
  const words = { name: device.name || device.id, reason: error.message };
  if (error.status === 409) return t('devices.defaultDevice', words);
  if (error.status === 404) return t('devices.gone', words);
  return t('common.cannotDelete', words);
}
