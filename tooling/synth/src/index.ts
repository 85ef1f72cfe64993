export { generateNational, type GenerateOptions, type GenerateResult } from './generate.js';
export { checksumStore } from './checksum.js';
export { SCALES, type Scale } from './scale.js';
