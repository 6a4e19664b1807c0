// The words and tag colours of the server's states and roles; no DOM here, so node --test checks it.
import { t } from './i18n.js';

/**
 * {label, tag}: a value's words and its el-tag type, from a table of {label, tag} by the server's value
 * (an object, or rows and the name of their value's field). A value the pages do not know yet shows as
 * the server names it, in grey.
 */
export function labelsOf(table, key) {
  const known = new Map(key ? table.map((row) => [row[key], row]) : Object.entries(table));
  return {
    label: (value) => known.get(value)?.label ?? String(value ?? ''),
    tag: (value) => known.get(value)?.tag ?? 'info',
  };
}

/**
 * The table (as labelsOf takes it) with each row's label the message `${words}.${value}`, read in the
 * language shown whenever label is read.
 */
export function worded(words, table, key) {
  const word = (row, value) => Object.defineProperty({ ...row }, 'label', { enumerable: true, get: () => t(`${words}.${value}`) });
  return key
    ? table.map((row) => word(row, row[key]))
    : Object.fromEntries(Object.entries(table).map(([value, row]) => [value, word(row, value)]));
}
