// The devices as the console lists them (GET /api/devices); no DOM here, so node --test checks it.
import { labelsOf } from './labels.js';

/** A device's state (state + reason, as openHAB's things) in words, with its tag colour. */
export const DEVICE_STATES = {
  ONLINE: { label: '在线', tag: 'success' },
  CONNECTING: { label: '连接中', tag: 'warning' },
  OFFLINE: { label: '离线', tag: 'danger' },
  ERROR: { label: '配置错误', tag: 'danger' },
};
export const { label: deviceStateLabel, tag: deviceStateTag } = labelsOf(DEVICE_STATES);

/** What a source shows or hears (org.yike.api.device.Role). */
const SOURCE_ROLES = {
  TEACHER_CLOSEUP: '教师特写',
  TEACHER_WIDE: '教师全景',
  STUDENT_CLOSEUP: '学生特写',
  STUDENT_WIDE: '学生全景',
  COURSEWARE: '课件',
  BLACKBOARD: '板书',
  MICROPHONE: '拾音',
};
export const sourceRoleLabel = (role) => SOURCE_ROLES[role] ?? String(role ?? '');

/** Figures older than this were not measured again: the source stopped delivering, or nobody reads it. */
export const STALE_MS = 30_000;

/**
 * A source's figures in words: "25 fps · 4,012 kbit/s", "25 fps · 未压缩" (bitsPerSecond 0: raw
 * pictures or sound, whose rate says nothing), "48 kbit/s" for sound (0 fps), '—' when not measured;
 * stale when measured more than STALE_MS before now.
 */
export function figuresLabel(figures, now = Date.now()) {
  if (!figures) return { text: '—', stale: false };
  const parts = [];
  const fps = Number(figures.framesPerSecond);
  if (fps > 0) parts.push(`${fps >= 10 ? Math.round(fps) : fps.toFixed(1)} fps`);
  const bits = Number(figures.bitsPerSecond);
  parts.push(bits > 0 ? `${Math.round(bits / 1000).toLocaleString('en-US')} kbit/s` : '未压缩');
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
  if (error.status === 409) return `${device.name || device.id} 是驱动自带的默认设备，不能删除（${error.message}）`;
  if (error.status === 404) return `${device.name || device.id} 已不存在（${error.message}）`;
  return `无法删除 ${device.name || device.id}：${error.message}`;
}
