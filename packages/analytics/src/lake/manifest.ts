import type { ColumnDoc } from '../warehouse/tables.js';

export interface ManifestFile {
  /** Relative to the dataset folder, e.g. `year=2025/province=510000/part-0.parquet`. */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ManifestDataset {
  name: string;
  partitionedBy: string[];
  columns: ColumnDoc[];
  rows: number;
  files: ManifestFile[];
}

/** `manifest.json` at the lake's root: what a reader needs to trust and read the files. */
export interface LakeManifest {
  format: 'kesu-lake/1';
  builtAt: string;
  compression: 'zstd';
  datasets: ManifestDataset[];
}
