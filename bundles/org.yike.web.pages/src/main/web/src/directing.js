// The directing desk: the rooms recording now, their sources and the layouts an operator cuts to
// (org.yike.api.director.Layout); no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';

/** Each layout, its name in words and how many sources it shows (the first is the main picture). */
export const LAYOUTS = worded('layout', [
  { id: 'FULL', sources: 1 },
  { id: 'PIP_TOP_LEFT', sources: 2 },
  { id: 'PIP_TOP_RIGHT', sources: 2 },
  { id: 'PIP_BOTTOM_LEFT', sources: 2 },
  { id: 'PIP_BOTTOM_RIGHT', sources: 2 },
  { id: 'SIDE_BY_SIDE', sources: 2 },
  { id: 'QUAD', sources: 4 },
], 'id');
export const layoutSources = (id) => LAYOUTS.find((l) => l.id === id)?.sources ?? 1;
export const { label: layoutLabel } = labelsOf(LAYOUTS, 'id');
/**
 * What the server is told caused the cut: the timeline's chapters name it. Kept in Chinese whatever the
 * language shown: it is written into the lesson, which everyone reads.
 */
export const CUT_CAUSE = '导播台';

/** The rooms with a lesson recording now (GET /api/recordings, state RECORDING), in numeric order. */
export function recordingRooms(recordings) {
  const rooms = new Set((recordings ?? []).filter((r) => r.state === 'RECORDING' && r.classroom).map((r) => r.classroom));
  return [...rooms].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
}

/** The pictures of a room (GET /api/devices: its devices' sources but the microphones): key (device/source), label, role, online. */
export function roomSources(devices, room) {
  return (devices ?? []).filter((d) => d.classroom === room).flatMap((d) => (d.sources ?? [])
    .filter((s) => s.role !== 'MICROPHONE')
    .map((s) => ({ key: s.key, label: `${d.name || d.id} · ${s.label || s.id}`, role: s.role, online: d.state === 'ONLINE' })));
}

/** Why this cut cannot be sent yet, in words; null when it can. */
export function cutProblem(layout, picked) {
  const need = layoutSources(layout);
  if (picked.length < need) return t('directing.needs', { layout: layoutLabel(layout), need, picked: picked.length }, need);
  return null;
}

/** The body of POST /api/classrooms/{room}/cut: the layout's first sources in the order picked. */
export const cutBody = (layout, picked) => ({ layout, sources: picked.slice(0, layoutSources(layout)), cause: CUT_CAUSE });

/**
 * The cameras that can turn, with their presets (GET /api/classrooms/{room}/presets: {key: [preset]}),
 * named as the room's sources are (roomSources), in the server's order; cameras without presets left out.
 */
export function presetCameras(presets, sources) {
  return Object.entries(presets ?? {}).filter(([, list]) => list?.length).map(([key, list]) => ({
    key, label: sources?.find((s) => s.key === key)?.label ?? key, presets: list,
  }));
}

/** The cut to a camera full screen at one of its presets (the server sends the camera there first). */
export const presetCut = (key, preset) => ({
  layout: 'FULL', sources: [key], framing: { [key]: { preset, width: 1, height: 1 } }, cause: CUT_CAUSE,
});
