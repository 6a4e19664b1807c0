// What the pages make of /api/live's room objects; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';

// /api/live's streams: {name, origin: "program" | "camera", video: {codec, width, height}, audio?: {...}}
const isCamera = (s) => String(s.origin).toLowerCase() === 'camera';
const pixels = (s) => (s.video?.width > 0 && s.video?.height > 0 ? s.video.width * s.video.height : Infinity);
const cameraFirst = (s) => (isCamera(s) ? 0 : 1);

/** The stream a wall tile pulls: the fewest pixels (a camera's sub-stream or the mobile profile), a camera's on a tie. */
export function lowestStream(room) {
  const streams = room?.streams ?? [];
  return [...streams].sort((a, b) => pixels(a) - pixels(b) || cameraFirst(a) - cameraFirst(b))[0] ?? null;
}

/** The stream a room page opens with: the largest program profile, else the largest stream. */
export function mainStream(room) {
  const streams = room?.streams ?? [];
  const program = streams.filter((s) => !isCamera(s));
  const size = (s) => (pixels(s) === Infinity ? 0 : pixels(s));
  return [...(program.length ? program : streams)].sort((a, b) => size(b) - size(a))[0] ?? null;
}

const byName = new Intl.Collator('zh-CN', { numeric: true });
const missing = (v) => v === undefined || v === null || v === '';

/**
 * Rooms by building, then floor, each sorted by name (numbers in names in numeric order);
 * rooms without a building or floor come last in their own group.
 */
export function groupByPlace(rooms) {
  const buildings = new Map();
  for (const room of rooms ?? []) {
    const building = missing(room.building) ? '' : String(room.building);
    const floor = missing(room.floor) ? '' : String(room.floor);
    if (!buildings.has(building)) buildings.set(building, new Map());
    const floors = buildings.get(building);
    if (!floors.has(floor)) floors.set(floor, []);
    floors.get(floor).push(room);
  }
  const lastIfEmpty = (a, b) => (a === '') - (b === '') || byName.compare(a, b);
  return [...buildings.keys()].sort(lastIfEmpty).map((building) => {
    const floors = buildings.get(building);
    return {
      building,
      floors: [...floors.keys()].sort(lastIfEmpty).map((floor) => ({
        floor,
        rooms: floors.get(floor).sort((a, b) => byName.compare(a.room, b.room)),
      })),
    };
  });
}

export function buildingLabel(building) {
  return building === '' ? t('place.noBuilding') : building;
}

export function floorLabel(floor) {
  if (floor === '') return t('place.noFloor');
  return /^-?\d+$/.test(floor) ? t('place.floor', { floor }) : floor;
}

export function periodLabel(period) {
  if (missing(period)) return '';
  return /^\d+(-\d+)?$/.test(String(period)) ? t('place.period', { period }) : String(period);
}

/** "高等数学 · 王老师 · 第 3 节", leaving out what the timetable does not say. */
export function lessonLine(lesson) {
  if (!lesson) return '';
  return [lesson.course ?? lesson.title, lesson.teacher, periodLabel(lesson.period)].filter((p) => !missing(p)).join(' · ');
}

export function streamLabel(stream) {
  const size = stream.video?.width && stream.video?.height ? ` ${stream.video.width}×${stream.video.height}` : '';
  return `${t(isCamera(stream) ? 'stream.camera' : 'stream.program')} ${stream.name}${size}`;
}

/** The badge's words and colour for a room's state and a player's state. */
export const { label: roomStateLabel, tag: roomStateTag } = labelsOf(worded('roomState', {
  live: { tag: 'success' },
  idle: { tag: 'info' },
  faulty: { tag: 'danger' },
  connecting: { tag: 'warning' },
  reconnecting: { tag: 'warning' },
}));
