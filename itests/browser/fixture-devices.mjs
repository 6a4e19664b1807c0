// The devices and drivers fixture-server.mjs answers, as Yike's /api/devices and /api/drivers do
// (docs/api.md), for the console's devices page:
//   GET /api/drivers                       rtsp (url required, username, password of type password,
//                                          transport tcp/udp/auto, timeoutSeconds) and onvif, labelled in
//                                          Chinese when Accept-Language asks for zh, else in English
//   GET /api/drivers/{driver}/discovered   onvif finds one camera; rtsp finds nothing ([])
//   GET /api/devices                       each with state + reason, sources and figures that change a little each call
//   POST /api/devices                      checked against the driver's Metatype as Yike's Forms does: an unknown
//                                          attribute, a missing required one without default, a value of the wrong type
//                                          or not one of the options: 400 in words; 201 the device, CONNECTING, then ONLINE
//   DELETE /api/devices/{id}               409 for a driver's default device (the virtual classroom's)
// Sources as Yike lists them: id (within the device) and key (device/source, what a director's cut names).
// Only admins (403 otherwise).

const ROLE_OPTIONS = [['teacher', '教师特写', 'Teacher close-up'], ['teacher_wide', '教师全景', 'Teacher wide'],
  ['student', '学生特写', 'Student close-up'], ['student_wide', '学生全景', 'Student wide']];

// [id, zh name, en name, type, required, default, options [[value, zh, en]], zh description]
const DEVICE_ATTRIBUTES = [
  ['id', '设备编号', 'Device id', 'string', true, undefined, null, '在本运行时内唯一；在接口和录像中标识该设备。字母、数字、. _ -'],
  ['name', '名称', 'Name', 'string', true],
  ['classroom', '教室', 'Classroom', 'string', true],
  ['role', '拍摄内容', 'Role', 'string', true, undefined, ROLE_OPTIONS, '导播按此选择镜头。'],
];
const DRIVERS = {
  rtsp: {
    name: ['网络摄像机', 'Network camera'],
    description: '通过网络提供画面的摄像机或编码器：RTSP（网络摄像机）、RTMP、SRT 或 HTTP。',
    attributes: [...DEVICE_ATTRIBUTES,
      ['url', '流地址', 'Stream URL', 'string', true, undefined, null,
        'rtsp://、rtsps://、rtmp://、srt://、http:// 或 https://，例如 rtsp://192.168.1.64:554/Streaming/Channels/101。用户名和密码填在各自的字段中。'],
      ['username', '用户名', 'User name', 'string', false, ''],
      ['password', '密码', 'Password', 'password', false],
      ['transport', 'RTSP 传输方式', 'RTSP transport', 'string', true, 'tcp', [['tcp', 'TCP', 'TCP'], ['udp', 'UDP', 'UDP'], ['auto', '自动', 'Automatic']],
        'RTSP 摄像机发送数据包的方式。TCP 可穿过防火墙且不丢包；UDP 延迟更低；自动则先试 UDP。'],
      ['timeoutSeconds', '超时（秒）', 'Timeout (s)', 'integer', true, 5, null, '摄像机无响应多久后视为断开。'],
    ],
  },
  onvif: {
    name: ['ONVIF 摄像机', 'ONVIF camera'],
    description: '支持 ONVIF 的摄像机：按地址连接，云台控制；可在局域网中自动发现。',
    attributes: [...DEVICE_ATTRIBUTES,
      ['address', '地址', 'Address', 'string', true, undefined, null, '摄像机的 IP 地址或主机名，如 192.168.1.64'],
      ['username', '用户名', 'User name', 'string', false, 'admin'],
      ['password', '密码', 'Password', 'password', false],
      ['ptz', '云台控制', 'PTZ', 'boolean', false, true, null, '导播可转动、缩放此摄像机。'],
    ],
  },
  virtual: { name: ['虚拟教室', 'Virtual classroom'], description: '测试用的虚拟教室。', attributes: null },
};

/** A picture role as the configuration names it, and as a source's role (org.yike.api.device.Role). */
const SOURCE_ROLES = { teacher: 'TEACHER_CLOSEUP', teacher_wide: 'TEACHER_WIDE', student: 'STUDENT_CLOSEUP', student_wide: 'STUDENT_WIDE' };

const DISCOVERED = { onvif: [{ id: 'd41d8cd98f00', name: 'Hikvision DS-2DE4A425', configuration: { address: '192.168.1.64', name: 'Hikvision DS-2DE4A425' } }] };

const figures = (fps, kbits) => ({ framesPerSecond: fps, bitsPerSecond: kbits * 1000, measuredAt: new Date().toISOString() });
const devices = [
  { id: 'virtual-101', name: '虚拟教室 101', driver: 'virtual', classroom: '101', state: 'ONLINE', reason: '', default: true,
    sources: [{ id: 'teacher', key: 'virtual-101/teacher', label: '教师', role: 'TEACHER_CLOSEUP', uri: 'virtual://101/teacher', fps: 25, kbits: 0 },
      { id: 'students', key: 'virtual-101/students', label: '学生', role: 'STUDENT_WIDE', uri: 'virtual://101/students', fps: 25, kbits: 0 },
      { id: 'board', key: 'virtual-101/board', label: '板书', role: 'BLACKBOARD', uri: 'virtual://101/board', fps: 25, kbits: 0 },
      { id: 'mic', key: 'virtual-101/mic', label: '讲台话筒', role: 'MICROPHONE', uri: 'virtual://101/mic', fps: 0, kbits: 0 }] },
  { id: 'cam-203-back', name: '203 后墙全景', driver: 'rtsp', classroom: '203', state: 'OFFLINE',
    reason: 'connection refused: 192.168.3.21:554 (重试中，每 30 秒一次)',
    sources: [{ id: 'video', key: 'cam-203-back/video', label: '画面', role: 'STUDENT_WIDE', uri: 'rtsp://admin:***@192.168.3.21:554/Streaming/Channels/101' }] },
];

const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

function attribute([id, zh, en, type, required, def, options, description], chinese) {
  const a = { id, name: chinese ? zh : en, description: description ?? '', type };
  if (def !== undefined && type !== 'password') a.default = def;
  if (options) a.options = options.map(([value, oz, oe]) => ({ value, label: chinese ? oz : oe }));
  a.required = required;
  return a;
}

function driver(id, chinese) {
  const d = DRIVERS[id];
  return {
    id, name: d.name[1], factoryPid: `org.yike.driver.${id}`,
    configuration: d.attributes && { name: d.name[chinese ? 0 : 1], description: d.description, attributes: d.attributes.map((a) => attribute(a, chinese)) },
  };
}

function shown({ default: _default, adopted: _adopted, sources, ...device }) {
  return { ...device, sources: sources.map(({ fps, kbits, ...s }) => ({ ...s,
    ...(fps !== undefined && device.state === 'ONLINE' ? { figures: figures(fps + (fps ? Math.random() - 0.5 : 0), kbits && Math.round(kbits * (0.95 + Math.random() / 10))) } : {}) })) };
}

/** The values typed as the attribute's type, or the reason in Yike's words (Forms.scalar). */
function typed(a, v) {
  const [id, , , type, , , options] = a;
  const what = type === 'password' ? `'${id}'` : `'${id}' '${v}'`;
  if (v === null || typeof v === 'object') return { error: `${what} must be of type ${type}` };
  const text = String(v);
  if (type === 'integer' && !/^-?\d+$/.test(text.trim())) return { error: `${what} must be of type integer` };
  if (type === 'boolean' && !/^(true|false)$/i.test(text.trim())) return { error: `${what} must be of type boolean` };
  if (options && !options.some(([value]) => value === text)) return { error: `${what} is refused: not one of the options (${options.map(([o]) => o).join(', ')})` };
  return { value: type === 'integer' ? Number(text) : type === 'boolean' ? /^true$/i.test(text) : text };
}

function add(body) {
  const d = DRIVERS[body?.driver];
  if (!d?.attributes) return [400, { error: `no driver '${body?.driver}'; drivers: ${Object.keys(DRIVERS).filter((k) => DRIVERS[k].attributes).join(', ')}` }];
  const given = { ...body.config };
  for (const f of ['id', 'name', 'classroom', 'role']) if (body[f] !== undefined) given[f] = body[f];
  const found = body.discovered && DISCOVERED[body.driver]?.find((x) => x.id === body.discovered);
  if (body.discovered && !found) return [404, { error: `driver ${body.driver} does not see '${body.discovered}'` }];
  const values = { ...found?.configuration, ...given };
  if (!values.id && values.name) values.id = `${body.driver}-${String(values.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || devices.length}`;
  const byId = new Map(d.attributes.map((a) => [a[0], a]));
  for (const [key, v] of Object.entries(values)) {
    const a = byId.get(key);
    if (!a) return [400, { error: `driver ${body.driver} has no attribute '${key}'; it has ${[...byId.keys()].join(', ')}` }];
    const t = typed(a, v);
    if (t.error) return [400, { error: t.error }];
    values[key] = t.value;
  }
  const missing = d.attributes.filter(([id, , , , required, def]) => required && def === undefined && (values[id] === undefined || values[id] === '')).map(([id]) => id);
  if (missing.length) return [400, { error: `missing ${missing.join(', ')}` }];
  if (devices.some((x) => x.id === values.id)) return [409, { error: `a device '${values.id}' exists already` }];
  if (found && devices.some((x) => x.adopted === found.id)) return [409, { error: `${found.name} is adopted already` }];
  const device = { id: values.id, name: values.name, driver: body.driver, classroom: values.classroom, state: 'CONNECTING', reason: 'connecting',
    adopted: found?.id, sources: [{ id: 'video', key: `${values.id}/video`, label: '画面', role: SOURCE_ROLES[values.role],
      uri: values.url ? values.url.replace(/\/\/[^@/]*@/, '//***@') : `rtsp://${values.address}/onvif1`, fps: 25, kbits: 4096 }] };
  devices.push(device);
  setTimeout(() => Object.assign(device, { state: 'ONLINE', reason: '' }), 1500);
  return [201, shown(device)];
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

/** The keys (device/source) of a classroom's pictures, as a lesson there records them: what a cut may name. */
export const videoSources = (classroom) => devices.filter((d) => d.classroom === classroom)
  .flatMap((d) => d.sources.filter((s) => s.role !== 'MICROPHONE').map((s) => s.key));

export const deviceCount = () => devices.length;

/** Answers a /api/drivers or /api/devices call for the logged-in user; false for any other path. */
export async function devicesApi(req, res, path, user) {
  if (!/^\/api\/(drivers|devices)(\/|$)/.test(path)) return false;
  if (!['district-admin', 'school-admin'].includes(user.role)) {
    json(res, 403, { error: 'only administrators manage devices' });
    return true;
  }
  const chinese = /^zh\b/i.test(req.headers['accept-language'] ?? '');
  const discovery = path.match(/^\/api\/drivers\/([^/]+)\/discovered$/);
  const one = path.match(/^\/api\/devices\/([^/]+)$/);
  if (path === '/api/drivers') json(res, 200, Object.keys(DRIVERS).map((id) => driver(id, chinese)));
  else if (discovery) {
    if (!DRIVERS[discovery[1]]) json(res, 404, { error: `no driver '${discovery[1]}'` });
    // a probe waits for answers, as WS-Discovery does
    else setTimeout(() => json(res, 200, (DISCOVERED[discovery[1]] ?? []).map((d) => {
      const by = devices.find((x) => x.adopted === d.id);
      return { ...d, adopted: Boolean(by), device: by?.id ?? null };
    })), 600);
  } else if (path === '/api/devices' && req.method === 'GET') json(res, 200, devices.map(shown));
  else if (path === '/api/devices' && req.method === 'POST') {
    const body = await bodyOf(req);
    if (body === undefined) json(res, 400, { error: 'the body is not JSON' });
    else json(res, ...add(body));
  } else if (one && req.method === 'DELETE') {
    const at = devices.findIndex((d) => d.id === one[1]);
    if (at < 0) json(res, 404, { error: `no device '${one[1]}'` });
    else if (devices[at].default) json(res, 409, { error: `'${one[1]}' is the default device of driver ${devices[at].driver}; it cannot be deleted` });
    else json(res, 200, shown(devices.splice(at, 1)[0]));
  } else json(res, 405, { error: `${req.method} ${path} is not allowed` });
  return true;
}
