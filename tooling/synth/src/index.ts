export { generateNational, type GenerateOptions, type GenerateResult } from './generate.js';
export { generateInto, type GenerateIntoOptions, type GenerateIntoResult } from './into-store.js';
export { checksumStore } from './checksum.js';
export { DEMO, NATIONAL, type Marking } from './marking.js';
export { SCALES, type Scale } from './scale.js';
