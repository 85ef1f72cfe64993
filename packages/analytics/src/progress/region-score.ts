import type { ProgressStatus } from './status.js';

/** A region's score: the share of its targets achieved or on track (targets without data count against it). */
export function regionScore(statuses: ProgressStatus[]): number | null {
  if (statuses.length === 0) return null;
  return statuses.filter((s) => s === 'achieved' || s === 'on_track').length / statuses.length;
}
