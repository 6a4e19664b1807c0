// The modules as the console lists them (GET /api/modules: installed, available, updates); no DOM here,
// so node --test checks it.
import { t } from './i18n.js';
import { labelsOf, worded } from './labels.js';

/** A bundle's state (org.osgi.framework.Bundle) in words, with its tag colour. */
export const { label: moduleStateLabel, tag: moduleStateTag } = labelsOf(worded('moduleState', {
  ACTIVE: { tag: 'success' },
  RESOLVED: { tag: 'info' },
  STARTING: { tag: 'warning' },
  STOPPING: { tag: 'warning' },
  INSTALLED: { tag: 'danger' },
  UNINSTALLED: { tag: 'info' },
  MISSING: { tag: 'danger' },
}));

const byName = (a, b) => a.bsn.localeCompare(b.bsn);

/**
 * The installed modules with the newer version offered (update, null when none), and the modules
 * offered that are not installed: {installed: [...], offered: [...]}, by name.
 */
export function moduleRows(answer) {
  const updates = new Map((answer?.updates ?? []).map((o) => [o.bsn, o]));
  const installed = (answer?.installed ?? []).map((m) => ({ ...m, update: updates.get(m.bsn) ?? null })).sort(byName);
  const here = new Set(installed.map((m) => m.bsn));
  const offered = (answer?.available ?? []).filter((o) => !here.has(o.bsn) && !o.installedVersion).sort(byName);
  return { installed, offered };
}

/** Where a module came from, in words: the drop folder's file ("drop folder: x.jar"), else the index's address. */
export function sourceLabel(source) {
  if (!source) return '—';
  const dropped = String(source).match(/^drop folder: (.+)$/);
  return dropped ? t('modules.dropFolder', { file: dropped[1] }) : String(source);
}
