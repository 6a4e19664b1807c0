// The runtime's health as the console's system page shows it: the recordings' disk (GET /api/status's
// disk) and the alerts the server's events bring (GET /api/events); no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { formatBytes } from './units.js';

/** Free space under this many times the minimum (below which no lesson starts) is shown red. */
export const DISK_RED_FACTOR = 2;

/**
 * The disk bar: used percent, free and total in words, and danger when the free space is under
 * DISK_RED_FACTOR × minFreeBytes (lessons will soon be refused); null when the status tells no disk.
 */
export function diskLevel(disk) {
  const free = Number(disk?.freeBytes);
  const total = Number(disk?.totalBytes);
  if (!disk || !Number.isFinite(free) || !Number.isFinite(total) || total <= 0) return null;
  const min = Number(disk.minFreeBytes) || 0;
  const danger = free < min * DISK_RED_FACTOR;
  return {
    usedPercent: Math.min(100, Math.max(0, Math.round(((total - free) / total) * 1000) / 10)),
    text: t('system.diskFree', { free: formatBytes(free), total: formatBytes(total) }),
    minText: t('system.diskMin', { min: formatBytes(min) }),
    danger,
  };
}

export const ALERT_TOPICS = ['org/yike/recording/DISK_LOW', 'org/yike/recording/FAILED', 'org/yike/recording/SOURCE_STATE',
  'org/yike/schedule/SESSION_FAILED'];

const parse = (data) => {
  if (typeof data !== 'string') return data && typeof data === 'object' ? data : null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
};
const sources = (d) => [].concat(d.sources ?? []).join(t('common.listSeparator'));

/**
 * An alert event in words: {level (error, warning, success), title, text, at, topic}; null for
 * another topic or data that is not JSON. A source back is good news (reason "back").
 */
export function alertOf(topic, data) {
  const d = parse(data);
  if (!d) return null;
  const room = d.classroom ?? d.room;
  const titled = (what) => (room ? t('alert.inRoom', { room, what: t(what) }) : t(what));
  const base = { topic, at: d.at ?? null, room: room ?? null };
  const reason = d.reason ?? '';
  switch (topic) {
    case 'org/yike/recording/DISK_LOW': {
      const free = formatBytes(d.freeBytes);
      return { ...base, level: 'error', title: titled('alert.diskLow'),
        text: d.recording ? t('alert.diskLowEnded', { free, recording: d.recording, reason }) : t('alert.diskLowNoNew', { free, reason }) };
    }
    case 'org/yike/recording/FAILED': {
      const why = d.reason ?? t('alert.reasonUnknown');
      return { ...base, level: 'error', title: titled('alert.recordingFailed'),
        text: d.recording ? t('alert.lessonWhy', { recording: d.recording, reason: why }) : why };
    }
    case 'org/yike/recording/SOURCE_STATE':
      return d.reason === 'back'
        ? { ...base, level: 'success', title: titled('alert.sourceBack'), text: sources(d) }
        : { ...base, level: 'warning', title: titled('alert.sourceLost'), text: t('common.because', { what: sources(d), reason }) };
    case 'org/yike/schedule/SESSION_FAILED':
      return { ...base, level: 'error', title: titled('alert.sessionFailed'),
        text: d.session ? t('alert.sessionWhy', { session: d.session, reason }) : reason };
    default:
      return null;
  }
}

/** The alerts with a new one first, at most max. */
export const addAlert = (alerts, alert, max = 100) => [alert, ...(alerts ?? [])].slice(0, max);
