import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelsOf } from '../src/labels.js';

test('a value in words and its tag colour, from a table by value or from rows by a field', () => {
  const byValue = labelsOf({ ONLINE: { label: '在线', tag: 'success' } });
  assert.equal(byValue.label('ONLINE'), '在线');
  assert.equal(byValue.tag('ONLINE'), 'success');
  const byField = labelsOf([{ state: 'done', label: '已完成', tag: 'success' }], 'state');
  assert.equal(byField.label('done'), '已完成');
  assert.equal(byField.tag('done'), 'success');
});

test('a value the pages do not know shows as sent, in grey; nothing shows as nothing', () => {
  const { label, tag } = labelsOf({ ONLINE: { label: '在线', tag: 'success' } });
  assert.equal(label('SLEEPING'), 'SLEEPING');
  assert.equal(tag('SLEEPING'), 'info');
  assert.equal(label(undefined), '');
  assert.equal(label(null), '');
  // a name every object has is not a state
  assert.equal(label('constructor'), 'constructor');
  assert.equal(tag('toString'), 'info');
});
