// Every address the pages use, in one place: the rooms and their streams (the live delivery bundle,
// org.yike.live serves them), the login session, the users and the lesson catalog.
const seg = encodeURIComponent;

export const sessionUrl = () => '/api/session';
export const usersUrl = () => '/api/users';
export const userUrl = (name) => `/api/users/${seg(name)}`;

/** query: lessonsQuery's "?q=…&page=0&size=12". A lesson's files, poster and chapter pictures: the addresses it names. */
export const lessonsUrl = (query = '') => `/api/lessons${query}`;
export const lessonUrl = (id) => `/api/lessons/${seg(id)}`;

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
