// The runtime's health as the console's system page shows it: the recordings' disk (GET /api/status's
// disk) and the alerts the server's events bring (GET /api/events); no DOM here, so node --test checks it.
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
    text: `可用 ${formatBytes(free)} / 共 ${formatBytes(total)}`,
    minText: `低于 ${formatBytes(min)} 时不再开始录制`,
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
const sources = (d) => [].concat(d.sources ?? []).join('、');

/**
 * An alert event in words: {level (error, warning, success), title, text, at, topic}; null for
 * another topic or data that is not JSON. A source back is good news (reason "back").
 */
export function alertOf(topic, data) {
  const d = parse(data);
  if (!d) return null;
  const room = d.classroom ?? d.room;
  const where = room ? `教室 ${room}：` : '';
  const base = { topic, at: d.at ?? null, room: room ?? null };
  switch (topic) {
    case 'org/yike/recording/DISK_LOW':
      return { ...base, level: 'error', title: `${where}磁盘空间不足`,
        text: `剩余 ${formatBytes(d.freeBytes)}${d.recording ? `，课程 ${d.recording} 已提前结束` : '，新的课程不会开始录制'}：${d.reason ?? ''}` };
    case 'org/yike/recording/FAILED':
      return { ...base, level: 'error', title: `${where}录制失败`, text: `${d.recording ? `课程 ${d.recording}：` : ''}${d.reason ?? '原因不明'}` };
    case 'org/yike/recording/SOURCE_STATE':
      return d.reason === 'back'
        ? { ...base, level: 'success', title: `${where}信号源已恢复`, text: sources(d) }
        : { ...base, level: 'warning', title: `${where}信号源中断`, text: `${sources(d)}：${d.reason ?? ''}` };
    case 'org/yike/schedule/SESSION_FAILED':
      return { ...base, level: 'error', title: `${where}未能按课表录制`, text: `${d.session ? `课次 ${d.session}：` : ''}${d.reason ?? ''}` };
    default:
      return null;
  }
}

/** The alerts with a new one first, at most max. */
export const addAlert = (alerts, alert, max = 100) => [alert, ...(alerts ?? [])].slice(0, max);
