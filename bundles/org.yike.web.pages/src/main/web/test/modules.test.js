import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleRows, moduleStateLabel, sourceLabel } from '../src/modules.js';

test('installed with their update, and what is offered but not installed, by name', () => {
  const rows = moduleRows({
    installed: [{ bsn: 'org.yike.driver.onvif', version: '1.0.0', state: 'ACTIVE' }, { bsn: 'org.acme.ptz', version: '2.0.0', state: 'RESOLVED' }],
    available: [{ bsn: 'org.yike.driver.onvif', version: '1.1.0', installedVersion: '1.0.0' }, { bsn: 'org.acme.ptz', version: '2.0.0', installedVersion: '2.0.0' },
      { bsn: 'org.acme.sony', version: '3.0.0', installedVersion: null }],
    updates: [{ bsn: 'org.yike.driver.onvif', version: '1.1.0', installedVersion: '1.0.0' }],
  });
  assert.deepEqual(rows.installed.map((m) => [m.bsn, m.update?.version ?? null]), [['org.acme.ptz', null], ['org.yike.driver.onvif', '1.1.0']]);
  assert.deepEqual(rows.offered.map((o) => o.bsn), ['org.acme.sony']);
  assert.deepEqual(moduleRows(null), { installed: [], offered: [] });
});

test('states and sources in words', () => {
  assert.equal(moduleStateLabel('ACTIVE'), '运行中');
  assert.equal(moduleStateLabel('SOMETHING'), 'SOMETHING');
  assert.equal(sourceLabel('drop folder: org.acme.sony-3.0.0.jar'), '放入目录：org.acme.sony-3.0.0.jar');
  assert.equal(sourceLabel('https://repo.example/index.xml'), 'https://repo.example/index.xml');
});
