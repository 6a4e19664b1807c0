import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentLabel, standUpsLabel, stChart, stPoints, typeLabel, typeTag, zoneRows } from '../src/analysis.js';
import { setLanguage } from '../src/i18n.js';

test('the S-T diagram: a step right for each T, up for each S, both axes as long as the samples', () => {
  assert.deepEqual(stPoints('TTSTSS'), [[0, 0], [1, 0], [2, 0], [2, 1], [3, 1], [3, 2], [3, 3]]);
  assert.deepEqual(stPoints(''), [[0, 0]]);
  const chart = stChart({ curve: 'TTSTSS', samples: 6 });
  assert.equal(chart.xAxis.max, 6);
  assert.equal(chart.yAxis.max, 6);
  assert.deepEqual(chart.series[0].data, stPoints('TTSTSS'));
});

test('the type, the ratios, the stand-ups and the zones in words, in both languages', () => {
  setLanguage('zh-CN');
  assert.equal(typeLabel('DIALOGUE'), '对话型');
  assert.equal(typeTag('LECTURE'), 'primary');
  assert.equal(typeLabel('NEWER'), 'NEWER', 'a type the pages do not know yet, as the server names it');
  assert.equal(percentLabel(0.5), '50%');
  assert.equal(percentLabel(2 / 3), '67%');
  assert.equal(standUpsLabel({ total: 3, peakCount: 2, peakAtMillis: 300000 }), '3 次，最多（2 次）在 5:00');
  assert.equal(standUpsLabel({ total: 0, peakCount: 0, peakAtMillis: null }), null);
  assert.deepEqual(zoneRows({ podium: 0.25, board: 0.5, aisles: 0, window: 0.25 }), [['讲台', '25%'], ['黑板', '50%'], ['window', '25%']]);
  setLanguage('en');
  assert.equal(typeLabel('PRACTICE'), 'Practice (练习型)');
  assert.deepEqual(zoneRows({ other: 1 }), [['Elsewhere', '100%']]);
  setLanguage('zh-CN');
});
