// The runtime's status, its recordings and the operator's cuts as fixture-server.mjs answers them, as
// Yike's /api/status, /api/recordings and /api/classrooms do (docs/api.md), for the console's system
// and directing pages:
//   GET /api/status                         classrooms, devices, the lessons recording, the recordings' disk
//                                           {freeBytes, totalBytes, minFreeBytes}
//   GET /api/recordings                     room 101 recording, 102 finished
//   POST /api/classrooms/{room}/cut         {layout, sources, framing, cause} checked as Yike checks it: an unknown room
//                                           404, a room not recording 409, no such layout, no sources, fewer than the
//                                           layout shows, a framing not {preset} or a crop inside the picture, a source
//                                           the room does not record 400, in Yike's words
//   POST /api/classrooms/{room}/resume      409 when the room is not recording
//   GET /api/classrooms/{room}/presets      {key: [preset]} of the recording room's cameras that can turn (room 101's
//                                           teacher and students cameras); 409 when the room is not recording
//   GET /_fixture/cuts                      the cuts taken, oldest first, {room, body} (what the tests check)
//   POST /_fixture/disk?free=bytes          sets the free space
//   PUT /_fixture/presets {key: [preset]}   sets which cameras can turn and their presets
// Only admins cut and resume (403 otherwise).
import { deviceCount, videoSources } from './fixture-devices.mjs';

const GB = 1024 ** 3;
const CLASSROOMS = ['101', '102', '103', '104', '201', '202', '203'];
const LAYOUTS = { FULL: 1, PIP_TOP_LEFT: 2, PIP_TOP_RIGHT: 2, PIP_BOTTOM_LEFT: 2, PIP_BOTTOM_RIGHT: 2, SIDE_BY_SIDE: 2, QUAD: 4 };
const started = new Date(Date.now() - 12 * 60_000).toISOString();
const recordings = [
  { id: '2025-09-01-101-4', classroom: '101', title: '高等数学 · 高一(1)班 · 王老师 第4节', state: 'RECORDING', started, ended: null,
    files: [], error: null, partial: false, lesson: null },
  { id: '2025-09-01-102-3', classroom: '102', title: '大学英语 · 高一(2)班 · 孙老师 第3节', state: 'FINISHED',
    started: new Date(Date.now() - 100 * 60_000).toISOString(), ended: new Date(Date.now() - 55 * 60_000).toISOString(),
    files: [], error: null, partial: false, lesson: null },
];
const disk = { freeBytes: 412 * GB, totalBytes: 1000 * GB, minFreeBytes: 20 * GB };
/** Whether the recordings' disk is below what the recorder keeps free (the dashboard's diskLow). */
export const diskLow = () => disk.freeBytes < disk.minFreeBytes;
const cuts = [];
// a VISCA camera's presets are numbers, an ONVIF camera's the names it was given
let ptz = { 'virtual-101/teacher': ['1', '2', '3'], 'virtual-101/students': ['讲台', '黑板', '全景'] };
const FRAMING = ['preset', 'x', 'y', 'width', 'height'];
const booted = Date.now();

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const recordingIn = (room) => recordings.find((r) => r.classroom === room && r.state === 'RECORDING');

/** Why a shot's framing cannot be read (Jackson into org.yike.api.director.Framing), or null. */
function framingProblem(framing) {
  if (framing === undefined) return null;
  if (!framing || typeof framing !== 'object' || Array.isArray(framing)) return "'framing' must be an object of source keys";
  for (const f of Object.values(framing)) {
    if (!f || typeof f !== 'object' || Array.isArray(f)) return "each of 'framing' is {\"preset\"} or a crop {x, y, width, height}";
    const unknown = Object.keys(f).find((k) => !FRAMING.includes(k));
    if (unknown) return `Unrecognized field "${unknown}" (class org.yike.api.director.Framing), not marked as ignorable`;
    const { preset, x = 0, y = 0, width = 0, height = 0 } = f;
    if ((preset === undefined || preset === null) && (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1.000001 || y + height > 1.000001)) {
      return `a crop must lie inside the picture: ${x},${y} ${width}x${height}`;
    }
  }
  return null;
}

function cut(room, body) {
  if (!CLASSROOMS.includes(room)) return [404, { error: `no classroom '${room}'; classrooms: ${CLASSROOMS.join(', ')}` }];
  const layout = body?.layout ?? 'FULL';
  if (!LAYOUTS[layout]) return [400, { error: `no layout '${layout}'; layouts: [${Object.keys(LAYOUTS).join(', ')}]` }];
  if (!Array.isArray(body?.sources) || !body.sources.length) return [400, { error: "'sources' must list source keys" }];
  if (body.sources.length < LAYOUTS[layout]) return [400, { error: `${layout} needs ${LAYOUTS[layout]} sources, got [${body.sources.join(', ')}]` }];
  const framing = framingProblem(body.framing);
  if (framing) return [400, { error: framing }];
  if (!recordingIn(room)) return [409, { error: `classroom ${room} is not recording` }];
  const known = videoSources(room);
  const missing = body.sources.slice(0, LAYOUTS[layout]).filter((k) => !known.includes(k));
  if (missing.length) return [400, { error: `classroom ${room} records no ${missing.join(', ')}; its sources: ${known.join(', ')}` }];
  cuts.push({ room, body });
  return [200, { classroom: room, layout, sources: body.sources, cause: body.cause ?? 'operator' }];
}

async function bodyOf(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The fixture's own doors: the cuts taken, the free space. */
export function systemControl(req, res, path) {
  if (path === '/_fixture/cuts' && req.method === 'GET') json(res, 200, cuts);
  else if (path === '/_fixture/presets' && req.method === 'PUT') {
    bodyOf(req).then((presets) => {
      ptz = presets ?? {};
      json(res, 200, ptz);
    });
  }
  else if (path === '/_fixture/disk' && req.method === 'POST') {
    disk.freeBytes = Number(new URL(req.url, 'http://x').searchParams.get('free'));
    json(res, 200, disk);
  } else return false;
  return true;
}

/** Answers /api/status, /api/recordings and /api/classrooms/{room}/cut|resume|presets; false for any other path. */
export async function systemApi(req, res, path, user) {
  const classroom = path.match(/^\/api\/classrooms\/([^/]+)\/(cut|resume)$/);
  const presets = path.match(/^\/api\/classrooms\/([^/]+)\/presets$/);
  if (path === '/api/status' && req.method === 'GET') {
    json(res, 200, { runtime: 'yike', uptimeSeconds: Math.round((Date.now() - booted) / 1000) + 86_400, dataFolder: '/var/lib/yike',
      classrooms: CLASSROOMS, devices: deviceCount(), recording: recordings.filter((r) => r.state === 'RECORDING').map((r) => r.id), disk });
  } else if (path === '/api/recordings' && req.method === 'GET') json(res, 200, recordings);
  else if (presets && req.method === 'GET') {
    if (!['district-admin', 'school-admin'].includes(user.role)) json(res, 403, { error: 'only administrators direct' });
    else if (!recordingIn(presets[1])) json(res, 409, { error: `classroom ${presets[1]} is not recording` });
    else json(res, 200, Object.fromEntries(videoSources(presets[1]).filter((key) => ptz[key]).map((key) => [key, ptz[key]])));
  }
  else if (classroom && req.method === 'POST') {
    if (!['district-admin', 'school-admin'].includes(user.role)) json(res, 403, { error: 'only administrators direct' });
    else if (classroom[2] === 'cut') {
      const body = await bodyOf(req);
      json(res, ...(body === undefined ? [400, { error: 'the body is not JSON' }] : cut(classroom[1], body)));
    } else if (!recordingIn(classroom[1])) json(res, 409, { error: `classroom ${classroom[1]} is not recording` });
    else json(res, 200, { classroom: classroom[1], resumed: true });
  } else return false;
  return true;
}
