export { exportLake, readManifest, type LakeExport, type Partition } from './export.js';
export { lakeLayout, PARTITION_KEYS, type LakeLayout } from './layout.js';
export type { LakeManifest, ManifestDataset, ManifestFile } from './manifest.js';
