// Publishing as fixture-server.mjs answers it, as Yike's /api/publish does (docs/api.md, docs/publishing.md),
// for the console's publishing page:
//   GET /api/publish/types                 ftp (the FTP connector's Metatype, in Chinese when Accept-Language asks
//                                          for zh) and rtmp
//   GET, POST /api/publish/targets         POST {type, name, config} checked as Yike checks it: an unknown type 404,
//                                          no name, a setting the connector lacks, a required one missing or of the
//                                          wrong type 400 in words; 201 the target without its password ("secretsSet")
//   DELETE /api/publish/targets/{name}     the target, its rules with it
//   GET, POST, DELETE /api/publish/rules   {room, target}
//   POST /api/publish/newest {room, target}  202 {job, state}: the room's newest lesson (rooms 101 to 104 have one)
//                                          sent in about 5 s: QUEUED, UPLOADING, PROGRESS about every 0.7 s, DONE,
//                                          each an event on /api/events (fixture-events.mjs)
//   GET /api/publish/jobs, DELETE /api/publish/jobs/{id} (cancels: CANCELLED)
// Only admins (403 otherwise). Starts with a live (rtmp) target pushing room 101.
import { emit } from './fixture-events.mjs';

// [id, name, type, required, default, options [[value, label]], description]
const FTP = [
  ['name', '名称', 'string', true, undefined, null, '目标在接口和规则中的名字。'],
  ['url', '地址', 'string', true, undefined, null, 'ftp://主机:21/文件夹（隐式 TLS 用 ftps://主机:990/文件夹）；地址中不写用户和密码。'],
  ['user', '用户', 'string', true, 'anonymous', null, '服务器上的账号。'],
  ['password', '密码', 'password', false, undefined, null, '加密保存，从不列出或写入日志。'],
  ['tls', 'TLS', 'string', true, 'none', [['none', '无（普通 FTP）'], ['explicit', '显式（AUTH TLS）'], ['implicit', '隐式']],
    '无、显式（普通端口上 AUTH TLS）或隐式（一开始即 TLS，端口 990）。'],
  ['passive', '被动模式', 'boolean', true, true, null, '由客户端建立数据连接（可穿过 NAT 和防火墙）。'],
  ['timeoutSeconds', '超时（秒）', 'integer', true, 30, null, '连接或应答超过此时间，本次尝试失败并稍后重试。'],
  ['pattern', '文件名模式', 'string', true, '{room}/{date}/{title}.{ext}', null, '每个文件的位置：{room} {date} {time} {title} {course} {teacher} {class} {period} {school} {stream} {id} {ext}；课程没有的字段省略。'],
  ['files', '文件', 'string', true, 'program', [['program', '录制档和元数据'], ['all', '所有档和元数据'], ['resources', '所有档、资源文件和元数据']]],
];
const RTMP = [
  ['name', '名称', 'string', true],
  ['url', '推流地址', 'string', true, undefined, null, 'rtmp://主机/应用/流名'],
  ['room', '教室', 'string', true, undefined, null, '推送哪间教室的直播。'],
];
const TYPES = {
  ftp: { name: 'FTP / FTPS 发布目标', description: '课程发布到的 FTP 服务器上的文件夹。', attributes: FTP },
  rtmp: { name: 'RTMP 直播', description: '上课时把教室的画面推送到直播服务器。', attributes: RTMP },
};
const LESSON_ROOMS = ['101', '102', '103', '104'];
const TOTAL = 188_743_680; // 180 MB
const STEP_MS = 700;

const targets = [{ name: 'live-101', type: 'rtmp', config: { url: 'rtmp://live.example.edu.cn/app/101', room: '101' }, secretsSet: [],
  status: 'pushing: rtmp://live.example.edu.cn/app/101 (room 101)' }];
let rules = [];
const jobs = [];
let made = 0;

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

function attribute([id, name, type, required, def, options, description]) {
  const a = { id, name, description: description ?? '', type, required };
  if (def !== undefined) a.default = def;
  if (options) a.options = options.map(([value, label]) => ({ value, label }));
  return a;
}

/** The config typed as the connector's Metatype says, or the reason in Yike's words. */
function checked(type, name, config) {
  const byId = new Map(TYPES[type].attributes.map((a) => [a[0], a]));
  const values = { name };
  for (const [key, v] of Object.entries(config ?? {})) {
    const a = byId.get(key);
    if (!a || key === 'name') return { error: `connector ${type} has no setting '${key}'; it has ${[...byId.keys()].join(', ')}` };
    const [, , kind, , , options] = a;
    const text = String(v);
    if (kind === 'integer' && !/^-?\d+$/.test(text)) return { error: `'${key}' '${v}' must be of type integer` };
    if (kind === 'boolean' && typeof v !== 'boolean') return { error: `'${key}' '${v}' must be of type boolean` };
    if (options && !options.some(([o]) => o === text)) return { error: `'${key}' '${v}' is refused: not one of the options (${options.map(([o]) => o).join(', ')})` };
    values[key] = v;
  }
  const missing = TYPES[type].attributes.filter(([id, , , required, def]) => required && def === undefined && (values[id] === undefined || values[id] === '')).map(([id]) => id);
  if (missing.length) return { error: `missing ${missing.join(', ')}` };
  if (type === 'ftp' && !/^ftps?:\/\/[^/@]+(:\d+)?(\/|$)/.test(values.url)) return { error: `'url' ${values.url} must be ftp://host:21/folder` };
  return { values };
}

function putTarget(body) {
  if (!body?.type) return [400, { error: "'type' is missing" }];
  if (!TYPES[body.type]) return [404, { error: `no connector '${body.type}'; connectors: ${Object.keys(TYPES).join(', ')}` }];
  if (!body.name?.trim()) return [400, { error: "'name' is missing" }];
  const { values, error } = checked(body.type, body.name.trim(), body.config);
  if (error) return [400, { error }];
  const { name, password, ...config } = values;
  const target = { name, type: body.type, config, secretsSet: password ? ['password'] : [], status: null };
  const at = targets.findIndex((t) => t.name === name);
  if (at >= 0) targets[at] = target;
  else targets.push(target);
  return [201, target];
}

const shown = (j) => ({ ...j, percent: j.total > 0 ? Math.min(100, Math.floor((j.bytesSent * 100) / j.total)) : (j.state === 'done' ? 100 : 0) });

function tell(job) {
  job.updated = new Date().toISOString();
  const s = shown(job);
  emit(`org/yike/publish/${job.state === 'uploading' && job.bytesSent > 0 ? 'PROGRESS' : job.state.toUpperCase()}`, {
    job: s.id, target: s.target, recording: s.recording, state: s.state.toUpperCase(), bytesSent: s.bytesSent, total: s.total,
    percent: s.percent, ...(s.error ? { error: s.error } : {}) });
}

/** Sends the job in steps of about a sixth, each step a progress event, then done. */
function send(job) {
  setTimeout(() => {
    if (job.state !== 'queued') return;
    Object.assign(job, { state: 'uploading', total: TOTAL, attempts: 1 });
    tell(job);
    const timer = setInterval(() => {
      if (job.state !== 'uploading') return clearInterval(timer);
      job.bytesSent = Math.min(TOTAL, job.bytesSent + Math.round(TOTAL * (0.14 + Math.random() * 0.06)));
      if (job.bytesSent < TOTAL) return tell(job);
      clearInterval(timer);
      job.state = 'done';
      tell(job);
    }, STEP_MS);
  }, 500);
}

function newest(body) {
  if (!body?.room) return [400, { error: "'room' is missing" }];
  if (!body.target) return [400, { error: "'target' is missing" }];
  if (!targets.some((t) => t.name === body.target)) return [404, { error: `no target '${body.target}'; targets: ${targets.map((t) => t.name).join(', ')}` }];
  if (!LESSON_ROOMS.includes(body.room)) return [404, { error: `room ${body.room} has no finished lesson` }];
  const now = new Date().toISOString();
  const job = { id: `job-${++made}`, recording: `2025-09-01-${body.room}-3`, room: body.room, target: body.target, state: 'queued',
    bytesSent: 0, total: 0, attempts: 0, error: null, created: now, updated: now };
  jobs.push(job);
  tell(job);
  send(job);
  return [202, { job: job.id, state: 'QUEUED' }];
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

/** Answers a /api/publish call for the logged-in user; false for any other path. */
export async function publishApi(req, res, path, user) {
  if (!/^\/api\/publish(\/|$)/.test(path)) return false;
  if (!['district-admin', 'school-admin'].includes(user.role)) {
    json(res, 403, { error: 'only administrators manage publishing' });
    return true;
  }
  const call = `${req.method} ${path}`;
  const target = path.match(/^\/api\/publish\/targets\/([^/]+)$/);
  const job = path.match(/^\/api\/publish\/jobs\/([^/]+)$/);
  const body = ['POST', 'DELETE'].includes(req.method) ? await bodyOf(req) : undefined;
  if (call === 'GET /api/publish/types') {
    json(res, 200, Object.entries(TYPES).map(([type, t]) => ({ type, factoryPid: `org.yike.connector.${type}`,
      configuration: { name: t.name, description: t.description, attributes: t.attributes.map(attribute) } })));
  } else if (call === 'GET /api/publish/targets') json(res, 200, targets);
  else if (call === 'POST /api/publish/targets') json(res, ...putTarget(body));
  else if (target && req.method === 'DELETE') {
    const at = targets.findIndex((t) => t.name === target[1]);
    if (at < 0) json(res, 404, { error: `no target '${target[1]}'` });
    else {
      rules = rules.filter((r) => r.target !== target[1]);
      json(res, 200, targets.splice(at, 1)[0]);
    }
  } else if (call === 'GET /api/publish/rules') json(res, 200, rules);
  else if (call === 'POST /api/publish/rules' || call === 'DELETE /api/publish/rules') {
    if (!body?.room || !body?.target) json(res, 400, { error: `'${body?.room ? 'target' : 'room'}' is missing` });
    else if (!targets.some((t) => t.name === body.target)) json(res, 404, { error: `no target '${body.target}'` });
    else if (req.method === 'POST') {
      if (!rules.some((r) => r.room === body.room && r.target === body.target)) rules.push({ room: body.room, target: body.target });
      json(res, 201, { room: body.room, target: body.target });
    } else {
      rules = rules.filter((r) => !(r.room === body.room && r.target === body.target));
      json(res, 200, { room: body.room, target: body.target });
    }
  } else if (call === 'POST /api/publish/newest') json(res, ...newest(body));
  else if (call === 'GET /api/publish/jobs') json(res, 200, jobs.map(shown));
  else if (job && req.method === 'GET') {
    const j = jobs.find((x) => x.id === job[1]);
    json(res, j ? 200 : 404, j ? shown(j) : { error: `no publishing job ${job[1]}` });
  } else if (job && req.method === 'DELETE') {
    const j = jobs.find((x) => x.id === job[1]);
    if (!j) json(res, 404, { error: `no publishing job ${job[1]}` });
    else {
      if (!['done', 'failed', 'cancelled'].includes(j.state)) {
        j.state = 'cancelled';
        tell(j);
      }
      json(res, 200, shown(j));
    }
  } else json(res, 405, { error: `${req.method} ${path} is not allowed` });
  return true;
}
