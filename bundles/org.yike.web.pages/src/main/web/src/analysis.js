// A lesson's analysis (课堂分析) in words and chart data: its S-T type, ratios, the S-T curve, stand-ups and
// the teacher's zones; no DOM here, so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';
import { durationLabel } from './lessons.js';

/** The S-T types, each with its el-tag colour. */
export const LESSON_TYPES = worded('lessonType', {
  PRACTICE: { tag: 'success' },
  LECTURE: { tag: 'primary' },
  DIALOGUE: { tag: 'warning' },
  MIXED: { tag: 'info' },
});
export const { label: typeLabel, tag: typeTag } = labelsOf(LESSON_TYPES);

/** "50%": a ratio of 0..1 as a whole percent. */
export const percentLabel = (ratio) => `${Math.round(ratio * 100)}%`;

/**
 * The S-T diagram's points: from (0, 0), each sample one step right (T) or up (S), as the S-T analysis draws
 * a lesson: a lecture climbs along the T axis, practice along the S axis, a dialogue as stairs.
 */
export function stPoints(curve) {
  const points = [[0, 0]];
  for (const side of curve ?? '') {
    const [x, y] = points[points.length - 1];
    points.push(side === 'T' ? [x + 1, y] : [x, y + 1]);
  }
  return points;
}

/** The ECharts option of the S-T diagram: both axes in samples, of the same length so that the diagonal is 45°. */
export function stChart(st) {
  const axis = (name) => ({ type: 'value', name, min: 0, max: st.samples, minInterval: 1 });
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 24, top: 32, bottom: 40 },
    xAxis: { ...axis(t('analysis.teacherAxis')), nameLocation: 'middle', nameGap: 26 },
    yAxis: axis(t('analysis.studentAxis')),
    series: [{ type: 'line', data: stPoints(st.curve), showSymbol: false, lineStyle: { width: 2 } }],
  };
}

/** "3, the most (2) at 5:00": the stand-ups and their peak moment on the lesson's clock; null without any. */
export function standUpsLabel(standUps) {
  if (!standUps?.total) return null;
  return t('analysis.peak', { total: standUps.total, count: standUps.peakCount, at: durationLabel(standUps.peakAtMillis) });
}

/** [[zone in words, "25%"], …]: where the tracked teacher was, the zones a school named itself as it named them. */
export function zoneRows(shares) {
  return Object.entries(shares ?? {}).filter(([, share]) => share > 0)
    .map(([zone, share]) => [['podium', 'board', 'aisles', 'other'].includes(zone) ? t(`zone.${zone}`) : zone, percentLabel(share)]);
}
