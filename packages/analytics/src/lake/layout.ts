import path from 'node:path';

/**
 * Where the lake lives under the data folder: `lake` is a symbolic link to one complete
 * generation under `lake.gens/`, swapped in one rename, so a reader never sees a half-written lake.
 */
export interface LakeLayout {
  /** The path readers use: `<data>/lake`. */
  root: string;
  /** Generations, one folder per export: `<data>/lake.gens`. */
  generations: string;
}

export function lakeLayout(dataDir: string): LakeLayout {
  return { root: path.join(dataDir, 'lake'), generations: path.join(dataDir, 'lake.gens') };
}

/** The hive partition keys of partitioned datasets: a year and a province give hundreds of folders nationally. */
export const PARTITION_KEYS = ['year', 'province'] as const;

/** A year × province partition of the partitioned datasets. */
export interface Partition {
  year: number;
  province: string;
}
