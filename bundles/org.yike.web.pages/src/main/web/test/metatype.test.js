import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGET_FIELDS, deviceBody, fieldOf, formFields, initialValues, inputKind, targetBody, wireValue } from '../src/metatype.js';

// the rtsp driver's form as GET /api/drivers answers it (Accept-Language zh-CN), cut short
const RTSP = {
  id: 'rtsp',
  name: 'RTSP camera',
  configuration: {
    name: '网络摄像机',
    attributes: [
      { id: 'url', name: '流地址', description: 'rtsp://…', type: 'string', required: true },
      { id: 'id', name: '设备编号', type: 'string', required: true },
      { id: 'name', name: '名称', type: 'string', required: true },
      { id: 'classroom', name: '教室', type: 'string', required: true },
      { id: 'role', name: '拍摄内容', type: 'string', required: true,
        options: [{ value: 'teacher', label: '教师特写' }, { value: 'student', label: '学生特写' }] },
      { id: 'username', name: '用户名', type: 'string', default: '', required: false },
      { id: 'password', name: '密码', type: 'password', required: false },
      { id: 'transport', name: 'RTSP 传输方式', type: 'string', default: 'tcp', required: true,
        options: [{ value: 'tcp', label: 'TCP' }, { value: 'udp', label: 'UDP' }] },
      { id: 'timeoutSeconds', name: '超时（秒）', type: 'integer', default: 5, required: true },
      { id: 'mirror', name: '镜像', type: 'boolean', default: false, required: false },
      { id: 'gain', name: '增益', type: 'double', required: false },
      { id: 'presets', name: '预置位', type: 'string', cardinality: -10, default: ['讲台', '黑板'], required: false },
    ],
  },
};

test('each Metatype type gets its input', () => {
  const kinds = Object.fromEntries(formFields(RTSP).map((f) => [f.id, f.kind]));
  assert.deepEqual(kinds, { id: 'text', name: 'text', classroom: 'text', role: 'select', url: 'text', username: 'text',
    password: 'password', transport: 'select', timeoutSeconds: 'number', mirror: 'switch', gain: 'number', presets: 'list' });
  assert.equal(inputKind({ type: 'long' }), 'number');
  assert.equal(inputKind({ type: 'char' }), 'text');
  assert.equal(inputKind({ type: 'something-new' }), 'text');
});

test('the device\'s own fields come first; required means "must be given": no default, and not the id', () => {
  const fields = formFields(RTSP);
  assert.deepEqual(fields.slice(0, 5).map((f) => f.id), ['id', 'name', 'classroom', 'role', 'url']);
  const must = fields.filter((f) => f.mustGive).map((f) => f.id);
  assert.deepEqual(must, ['name', 'classroom', 'role', 'url'], 'id is made from the name; transport and the timeout have defaults');
  const url = fields.find((f) => f.id === 'url');
  assert.equal(url.label, '流地址');
  assert.equal(url.help, 'rtsp://…');
  assert.deepEqual(fieldOf({ id: 'x', type: 'string' }).label, 'x', 'an attribute without a name shows its id');
});

test('defaults, and a discovered configuration on top, as the inputs hold them', () => {
  const fields = formFields(RTSP);
  const start = initialValues(fields);
  assert.equal(start.transport, 'tcp');
  assert.equal(start.timeoutSeconds, 5);
  assert.equal(start.mirror, false);
  assert.equal(start.gain, null);
  assert.equal(start.presets, '讲台\n黑板');
  assert.equal(start.url, '');
  const adopted = initialValues(fields, { url: 'rtsp://10.0.0.7/main', name: 'IPC-7', timeoutSeconds: '9' });
  assert.equal(adopted.url, 'rtsp://10.0.0.7/main');
  assert.equal(adopted.name, 'IPC-7');
  assert.equal(adopted.timeoutSeconds, 9);
});

test('the body: device fields at the top, the driver\'s in config, typed; empty ones left to the server', () => {
  const fields = formFields(RTSP);
  const values = { ...initialValues(fields), name: ' 前门摄像机 ', classroom: '301', role: 'teacher',
    url: 'rtsp://10.0.0.7/main', password: ' p w ', gain: 1.5, presets: '讲台\n\n 窗边 \n' };
  assert.deepEqual(deviceBody('rtsp', fields, values), {
    driver: 'rtsp', name: '前门摄像机', classroom: '301', role: 'teacher',
    config: { url: 'rtsp://10.0.0.7/main', password: ' p w ', transport: 'tcp', timeoutSeconds: 5, mirror: false, gain: 1.5,
      presets: ['讲台', '窗边'] },
  });
  const missing = deviceBody('rtsp', fields, { ...values, url: '  ', timeoutSeconds: null }, 'a1b2');
  assert.equal('url' in missing.config, false, 'blank: not sent, so the server names it missing');
  assert.equal('timeoutSeconds' in missing.config, false);
  assert.equal(missing.discovered, 'a1b2');
});

test('a list of numbers is sent as numbers; one that is not a number as typed, for the server to refuse', () => {
  const ports = fieldOf({ id: 'ports', type: 'integer', cardinality: 5 });
  assert.deepEqual(wireValue(ports, '554\n8554'), [554, 8554]);
  assert.deepEqual(wireValue(ports, '554\nx'), [554, 'x']);
  assert.equal(wireValue(ports, ''), undefined);
  assert.equal(wireValue(fieldOf({ id: 'on', type: 'boolean' }), undefined), false);
});

test('a publishing target: its name at the top of the body, the connector\'s settings in config', () => {
  const ftp = { configuration: { attributes: [
    { id: 'url', name: '地址', type: 'string', required: true },
    { id: 'name', name: '名称', type: 'string', required: true },
    { id: 'password', name: '密码', type: 'password', required: false },
    { id: 'passive', name: '被动模式', type: 'boolean', required: true, default: true },
    { id: 'timeoutSeconds', name: '超时（秒）', type: 'integer', required: true, default: 30 },
  ] } };
  const fields = formFields(ftp, TARGET_FIELDS);
  assert.deepEqual(fields.map((f) => [f.id, f.top]), [['name', true], ['url', false], ['password', false], ['passive', false], ['timeoutSeconds', false]]);
  const values = { ...initialValues(fields), name: ' 区教育局 ', url: 'ftp://10.1.1.9:21/录播' };
  assert.deepEqual(targetBody('ftp', fields, values), { type: 'ftp', name: '区教育局',
    config: { url: 'ftp://10.1.1.9:21/录播', passive: true, timeoutSeconds: 30 } });
});
