// Every address the pages use, in one place: the rooms and their streams (the live delivery bundle,
// org.yike.live serves them), the login session, the users, the lesson catalog, the devices and drivers
// and the timetable.
const seg = encodeURIComponent;

export const sessionUrl = () => '/api/session';
export const usersUrl = () => '/api/users';
export const userUrl = (name) => `/api/users/${seg(name)}`;

/** query: lessonsQuery's "?q=…&page=0&size=12". A lesson's files, poster and chapter pictures: the addresses it names. */
export const lessonsUrl = (query = '') => `/api/lessons${query}`;
export const lessonUrl = (id) => `/api/lessons/${seg(id)}`;

export const devicesUrl = () => '/api/devices';
export const deviceUrl = (id) => `/api/devices/${seg(id)}`;
export const driversUrl = () => '/api/drivers';
/** What the driver finds on the network within timeout seconds. */
export const discoveredUrl = (driver, timeout = 3) => `/api/drivers/${seg(driver)}/discovered?timeout=${timeout}`;

/** part: bells, calendar or lessons (PUT, text/csv). */
export const timetableUrl = (part) => `/api/timetable/${seg(part)}`;
/** The sessions from one day to another (YYYY-MM-DD), all rooms unless room. */
export function scheduleUrl(from, to, room) {
  const params = new URLSearchParams({ from, to });
  if (room) params.set('room', room);
  return `/api/schedule?${params}`;
}

export const roomsUrl = () => '/api/live';
export const roomUrl = (room) => `/api/live/${seg(room)}`;

function wsBase() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** WebSocket-FLV: one binary FLV message stream; closes 1000 "ended" at the lesson's end, 1008 when behind. */
export const flvSocketUrl = (room, stream) => `${wsBase()}/live/${seg(room)}/${seg(stream)}`;
export const hlsUrl = (room, stream) => `/live/${seg(room)}/${seg(stream)}/index.m3u8`;

/** The page's own routes. */
export const wallPath = () => '/';
export const roomPath = (room) => `/room/${seg(room)}`;
export const loginPath = () => '/login';
export const usersPath = () => '/users';
export const lessonsPath = () => '/lessons';
export const lessonPath = (id) => `/lessons/${seg(id)}`;
export const consoleDevicesPath = () => '/console/devices';
export const consoleTimetablePath = () => '/console/timetable';
