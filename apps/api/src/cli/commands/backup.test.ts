import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBeijingFileStamp } from '@kesu/schema';
import { kesu } from '../../../test/cli.js';

let dir: string;
const zone = process.env['TZ'];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-backup-'));
  process.env['KESU_DATA_DIR'] = dir;
  // A server clock on UTC is the usual case, and the one where the names used to read as UTC.
  process.env['TZ'] = 'UTC';
});
afterAll(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
  rmSync(dir, { recursive: true, force: true });
});

describe('kesu backup', () => {
  it('names the backup by the Beijing time it was made, offset included', async () => {
    const before = formatBeijingFileStamp(Date.now());
    const result = await kesu('backup');
    const after = formatBeijingFileStamp(Date.now());
    expect(result.code, result.err).toBe(0);
    const file = /backed up to (\S+)/.exec(result.out)?.[1] ?? '';
    expect(existsSync(file)).toBe(true);
    const stamp = /^kesu-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}\+0800)\.duckdb$/.exec(path.basename(file))?.[1] ?? '';
    expect(stamp >= before && stamp <= after, `${stamp} between ${before} and ${after}`).toBe(true);
  });
});
