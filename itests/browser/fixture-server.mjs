// node fixture-server.mjs <pages dir> <port> <rooms.json>
// For developing and checking the pages alone, not a test of Yike: serves the built pages, /api/live
// from rooms.json, and each stream as WebSocket-FLV, paced in real time from a clip ffmpeg makes
// once (a moving test picture with a tone, a key frame each second). Each viewer starts at a key
// frame after the FLV header and the codec configurations, as Yike's live delivery does.
// Behind a login as Yike's (fixture-login.mjs): user admin, password secret. The lesson catalog and its
// files: fixture-lessons.mjs. The console's devices and drivers: fixture-devices.mjs; its timetable
// and schedule: fixture-timetable.mjs; publishing: fixture-publish.mjs; modules: fixture-modules.mjs; the
// status, recordings and cuts: fixture-system.mjs; the event stream /api/events: fixture-events.mjs; the
// dashboard: fixture-dashboard.mjs; the contests: fixture-selection.mjs; rubrics and evaluations: fixture-evaluation.mjs.
//   POST /_fixture/rooms/{room}?state=idle|live|faulty  sets a room's state; idle closes its sockets 1000 "ended"
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer } from 'ws';
import { door, sessionOf } from './fixture-login.mjs';
import { lessonsApi } from './fixture-lessons.mjs';
import { devicesApi } from './fixture-devices.mjs';
import { timetableApi } from './fixture-timetable.mjs';
import { eventsApi, eventsControl } from './fixture-events.mjs';
import { publishApi } from './fixture-publish.mjs';
import { modulesApi } from './fixture-modules.mjs';
import { systemApi, systemControl } from './fixture-system.mjs';
import { dashboardApi, dashboardControl } from './fixture-dashboard.mjs';
import { selectionApi } from './fixture-selection.mjs';
import { evaluationApi } from './fixture-evaluation.mjs';

const [pagesDir, port, roomsFile] = process.argv.slice(2);
const rooms = JSON.parse(readFileSync(roomsFile, 'utf8'));

const CLIP = join(tmpdir(), 'yike-fixture-clip-v1.flv');
if (!existsSync(CLIP)) {
  // made under a name of its own, then renamed: fixtures started at once never read half a clip
  const making = `${CLIP}.${process.pid}.flv`;
  execFileSync('ffmpeg', ['-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=10',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=10',
    '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-g', '25', '-keyint_min', '25',
    '-c:a', 'aac', '-b:a', '64k', '-f', 'flv', making]);
  renameSync(making, CLIP);
}

/** The clip as FLV tags: the header, the script and codec-configuration tags, then the media tags. */
function readClip(bytes) {
  const header = bytes.subarray(0, 13); // FLV header + PreviousTagSize0
  const config = [];
  const media = [];
  for (let at = 13; at + 11 <= bytes.length;) {
    const type = bytes[at];
    const size = bytes.readUIntBE(at + 1, 3);
    const ts = (bytes[at + 7] << 24) | bytes.readUIntBE(at + 4, 3);
    const tag = bytes.subarray(at, at + 11 + size + 4);
    const isConfig = type === 18 || (type === 9 && bytes[at + 12] === 0) || (type === 8 && bytes[at + 12] === 0);
    const key = type === 9 && (bytes[at + 11] >> 4) === 1;
    (isConfig ? config : media).push({ type, ts, key, tag });
    at += 11 + size + 4;
  }
  return { header, config, media, duration: media.at(-1).ts + 40 };
}
const clip = readClip(readFileSync(CLIP));

function withTimestamp(tag, ts) {
  const copy = Buffer.from(tag);
  copy.writeUIntBE(ts & 0xffffff, 4, 3);
  copy[7] = (ts >>> 24) & 0xff;
  return copy;
}

/** Sends the clip over and over to one socket, each tag when its time comes. */
function stream(socket) {
  socket.send(Buffer.concat([clip.header, ...clip.config.map((c) => c.tag)]));
  const start = Date.now();
  let i = 0;
  let loop = 0;
  const timer = setInterval(() => {
    const now = Date.now() - start;
    const parts = [];
    for (;;) {
      const tag = clip.media[i];
      const ts = tag.ts + loop * clip.duration;
      if (ts > now) break;
      parts.push(withTimestamp(tag.tag, ts));
      if (++i === clip.media.length) {
        i = 0;
        loop++;
      }
    }
    if (parts.length && socket.readyState === socket.OPEN) socket.send(Buffer.concat(parts));
  }, 20);
  socket.on('close', () => clearInterval(timer));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const findRoom = (name) => rooms.find((r) => r.room === name);

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const control = path.match(/^\/_fixture\/rooms\/([^/]+)$/);
  if (control && req.method === 'POST') {
    const room = findRoom(control[1]);
    if (!room) return json(res, 404, { error: 'no such room' });
    room.state = new URL(req.url, 'http://x').searchParams.get('state');
    if (room.state === 'idle') {
      for (const client of sockets.clients) if (client.room === room.room) client.close(1000, 'ended');
    }
    return json(res, 200, room);
  }
  if (await eventsControl(req, res, path) || systemControl(req, res, path) || dashboardControl(req, res, path)) return;
  if (path.startsWith('/api/') && await door(req, res, path)) return;
  if (eventsApi(req, res, path)) return;
  if (path.startsWith('/api/lessons') && await lessonsApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await devicesApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await timetableApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await publishApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await modulesApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await systemApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await selectionApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && await evaluationApi(req, res, path, sessionOf(req).user)) return;
  if (path.startsWith('/api/') && dashboardApi(req, res, path, sessionOf(req).user, rooms)) return;
  if (path === '/api/live') return json(res, 200, rooms);
  const one = path.match(/^\/api\/live\/([^/]+)$/);
  if (one) return findRoom(one[1]) ? json(res, 200, findRoom(one[1])) : json(res, 404, { error: 'no such room' });
  const file = normalize(join(pagesDir, path));
  const target = file.startsWith(normalize(pagesDir)) && extname(path) && existsSync(file) ? file : join(pagesDir, 'index.html');
  if (extname(path) && target !== file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(readFileSync(target));
});

const sockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  const m = decodeURIComponent(new URL(req.url, 'http://x').pathname).match(/^\/live\/([^/]+)\/([^/]+)$/);
  const room = m && findRoom(m[1]);
  if (!sessionOf(req)) {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }
  if (!room || room.state === 'idle' || !room.streams.some((s) => s.name === m[2])) {
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    return;
  }
  sockets.handleUpgrade(req, socket, head, (ws) => {
    ws.room = room.room;
    stream(ws);
  });
});

server.listen(Number(port), '127.0.0.1', () => console.log(`fixture at http://127.0.0.1:${port}/`));
