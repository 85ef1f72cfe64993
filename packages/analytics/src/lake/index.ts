export { exportLake, readManifest, type LakeExport } from './export.js';
export { lakeLayout, PARTITION_KEYS, type LakeLayout, type Partition } from './layout.js';
export type { LakeManifest, ManifestDataset, ManifestFile } from './manifest.js';
