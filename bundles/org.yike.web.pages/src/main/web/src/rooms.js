// What the pages make of /api/live's room objects; no DOM here, so node --test checks it.

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
  return building === '' ? '未设楼宇' : building;
}

export function floorLabel(floor) {
  if (floor === '') return '未设楼层';
  return /^-?\d+$/.test(floor) ? `${floor} 层` : floor;
}

export function periodLabel(period) {
  if (missing(period)) return '';
  return /^\d+(-\d+)?$/.test(String(period)) ? `第 ${period} 节` : String(period);
}

/** "高等数学 · 王老师 · 第 3 节", leaving out what the timetable does not say. */
export function lessonLine(lesson) {
  if (!lesson) return '';
  return [lesson.course ?? lesson.title, lesson.teacher, periodLabel(lesson.period)].filter((p) => !missing(p)).join(' · ');
}

export function streamLabel(stream) {
  const size = stream.video?.width && stream.video?.height ? ` ${stream.video.width}×${stream.video.height}` : '';
  return `${isCamera(stream) ? '摄像机' : '导播'} ${stream.name}${size}`;
}

/** The badge's words for a room's state and a player's state. */
export const STATE_LABELS = {
  live: '直播中',
  idle: '空闲',
  faulty: '设备离线',
  connecting: '连接中',
  reconnecting: '重连中',
};

export const STATE_TAG_TYPES = {
  live: 'success',
  idle: 'info',
  faulty: 'danger',
  connecting: 'warning',
  reconnecting: 'warning',
};
