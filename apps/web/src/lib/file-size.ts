const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * A file size as people read it, in powers of 1,024.
 * @example fileSize(3_670_016) // '3.5 MB'
 */
export function fileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
