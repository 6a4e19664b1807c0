// Sizes in words; no DOM here, so node --test checks it.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** "0 B", "512 B", "1.5 KB", "23.4 GB", "512 GB": powers of 1024, one decimal below 100; '—' when not a size. */
export function formatBytes(bytes) {
  const n = Number(bytes);
  if (bytes === null || bytes === undefined || !Number.isFinite(n) || n < 0) return '—';
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}
