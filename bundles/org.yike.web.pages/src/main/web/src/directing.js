// The directing desk: the rooms recording now, their sources and the layouts an operator cuts to
// (org.yike.api.director.Layout); no DOM here, so node --test checks it.

/** Each layout, its name in words and how many sources it shows (the first is the main picture). */
export const LAYOUTS = [
  { id: 'FULL', label: '全屏', sources: 1 },
  { id: 'PIP_TOP_LEFT', label: '画中画 · 左上', sources: 2 },
  { id: 'PIP_TOP_RIGHT', label: '画中画 · 右上', sources: 2 },
  { id: 'PIP_BOTTOM_LEFT', label: '画中画 · 左下', sources: 2 },
  { id: 'PIP_BOTTOM_RIGHT', label: '画中画 · 右下', sources: 2 },
  { id: 'SIDE_BY_SIDE', label: '左右并排', sources: 2 },
  { id: 'QUAD', label: '四分屏', sources: 4 },
];
export const layoutSources = (id) => LAYOUTS.find((l) => l.id === id)?.sources ?? 1;
export const layoutLabel = (id) => LAYOUTS.find((l) => l.id === id)?.label ?? String(id ?? '');
/** What the server is told caused the cut: the timeline's chapters name it. */
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
  if (picked.length < need) return `${layoutLabel(layout)}需要 ${need} 个信号源，已选 ${picked.length} 个`;
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
