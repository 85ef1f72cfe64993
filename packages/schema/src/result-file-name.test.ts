import { describe, expect, it } from 'vitest';
import { ResultTitle, resultFileName } from './result-file-name.js';

describe('resultFileName', () => {
  it.each([
    ['各市培训人次', 'xlsx', '2026-12-04T17:30:00Z', '各市培训人次-2026-12-05.xlsx'],
    ['各市培训人次', 'csv', '2026-12-05T15:59:59Z', '各市培训人次-2026-12-05.csv'],
    [null, 'parquet', '2026-12-05T02:00:00Z', '查询结果-2026-12-05.parquet'],
    ['   ', 'xlsx', '2026-12-05T02:00:00Z', '查询结果-2026-12-05.xlsx'],
    ['2025/2026 "对比": 锦江?', 'xlsx', '2026-12-05T02:00:00Z', '2025_2026 _对比_ 锦江_-2026-12-05.xlsx'],
    ['../../etc/passwd', 'csv', '2026-12-05T02:00:00Z', '_.._etc_passwd-2026-12-05.csv'],
    ['行一\n行二\t', 'csv', '2026-12-05T02:00:00Z', '行一_行二_-2026-12-05.csv'],
  ])('%j as %s on %s → %s', (title, extension, now, name) => {
    expect(resultFileName(title, extension, now)).toBe(name);
  });
});

describe('ResultTitle', () => {
  it('takes a saved query’s title, trimmed, and refuses a longer one', () => {
    expect(ResultTitle.parse('  各市培训人次 ')).toBe('各市培训人次');
    expect(ResultTitle.safeParse('查'.repeat(121)).success).toBe(false);
    expect(ResultTitle.safeParse(42).success).toBe(false);
  });
});
