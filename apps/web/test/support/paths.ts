import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web app's folder, the workspace root, and where screenshots go (git-ignored). */
export const WEB_DIR = path.resolve(here, '../..');
export const ROOT = path.resolve(WEB_DIR, '../..');
export const API_DIR = path.join(ROOT, 'apps', 'api');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const SEED_DOCUMENTS = path.join(ROOT, 'seeds', 'documents');
/** Plan documents in formats the seeds do not use (GBK, .docx, not a plan), kept by the importer's tests. */
export const PLAN_VARIANTS = path.join(ROOT, 'packages', 'plans', 'test', 'variants');
