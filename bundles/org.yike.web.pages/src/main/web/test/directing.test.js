import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS, cutBody, cutProblem, layoutSources, presetCameras, presetCut, recordingRooms, roomSources } from '../src/directing.js';

test('every layout of org.yike.api.director.Layout with its number of sources', () => {
  assert.deepEqual(LAYOUTS.map((l) => [l.id, l.sources]), [['FULL', 1], ['PIP_TOP_LEFT', 2], ['PIP_TOP_RIGHT', 2],
    ['PIP_BOTTOM_LEFT', 2], ['PIP_BOTTOM_RIGHT', 2], ['SIDE_BY_SIDE', 2], ['QUAD', 4]]);
  assert.equal(layoutSources('QUAD'), 4);
});

test('the rooms recording now, once each, in numeric order', () => {
  assert.deepEqual(recordingRooms([{ classroom: '203', state: 'RECORDING' }, { classroom: '101', state: 'FINISHED' },
    { classroom: '21', state: 'RECORDING' }, { classroom: '203', state: 'RECORDING' }]), ['21', '203']);
});

test('a room\'s pictures by key, microphones left out', () => {
  const devices = [
    { id: 'virtual-101', name: '虚拟教室 101', classroom: '101', state: 'ONLINE', sources: [
      { id: 'teacher', key: 'virtual-101/teacher', label: '教师', role: 'TEACHER_CLOSEUP' },
      { id: 'mic', key: 'virtual-101/mic', label: '讲台话筒', role: 'MICROPHONE' }] },
    { id: 'cam-203', classroom: '203', state: 'OFFLINE', sources: [{ id: 'video', key: 'cam-203/video', role: 'STUDENT_WIDE' }] },
  ];
  assert.deepEqual(roomSources(devices, '101'), [{ key: 'virtual-101/teacher', label: '虚拟教室 101 · 教师', role: 'TEACHER_CLOSEUP', online: true }]);
  assert.deepEqual(roomSources(devices, '203').map((s) => [s.label, s.online]), [['cam-203 · video', false]]);
});

test('a cut: enough sources for the layout, the first ones in the order picked', () => {
  assert.equal(cutProblem('PIP_TOP_RIGHT', ['a']), '画中画 · 右上需要 2 个信号源，已选 1 个');
  assert.equal(cutProblem('FULL', ['a']), null);
  assert.deepEqual(cutBody('PIP_TOP_RIGHT', ['b', 'a', 'c']), { layout: 'PIP_TOP_RIGHT', sources: ['b', 'a'], cause: '导播台' });
  assert.deepEqual(cutBody('FULL', ['c', 'a']).sources, ['c']);
});

test('the cameras that can turn, named as the sources, in the server\'s order; none without presets', () => {
  const sources = [{ key: 'virtual-101/teacher', label: '虚拟教室 101 · 教师' }, { key: 'virtual-101/students', label: '虚拟教室 101 · 学生' }];
  const presets = { 'virtual-101/students': ['讲台', '黑板'], 'cam-9/video': ['1'], 'virtual-101/teacher': [] };
  assert.deepEqual(presetCameras(presets, sources), [
    { key: 'virtual-101/students', label: '虚拟教室 101 · 学生', presets: ['讲台', '黑板'] },
    { key: 'cam-9/video', label: 'cam-9/video', presets: ['1'] }]);
  assert.deepEqual(presetCameras({}, sources), []);
  assert.deepEqual(presetCameras(null, null), []);
});

test('a preset\'s cut: that camera full screen, framed at the preset', () => {
  assert.deepEqual(presetCut('virtual-101/teacher', '2'), { layout: 'FULL', sources: ['virtual-101/teacher'],
    framing: { 'virtual-101/teacher': { preset: '2', width: 1, height: 1 } }, cause: '导播台' });
});
