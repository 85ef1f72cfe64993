import { describe, expect, it } from 'vitest';
import { keptRows, renderReport } from './report.js';

describe('renderReport', () => {
  it('writes a Markdown table headed by the core count', () => {
    const text = renderReport(
      [
        { suite: 'schema', name: 'validate 40-field submission', value: 123456.7, unit: 'ops/s' },
        { suite: 'store', name: 'load registry', value: 0.04567, unit: 's', goal: '≤ 1 s' },
      ],
      { cores: 2, cpu: 'Test CPU', memoryGiB: 24, node: 'v20.20.2' },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(text).toBe(
      [
        '# Benchmarks',
        '',
        'Measured 2026-11-23 10:00 UTC by `pnpm bench` on 2 cores (Test CPU), 24 GiB, Node v20.20.2.',
        '',
        '| suite | measurement | value | unit | goal |',
        '| --- | --- | ---: | --- | --- |',
        '| schema | validate 40-field submission | 123,457 | ops/s |  |',
        '| store | load registry | 0.0457 | s | ≤ 1 s |',
        '',
      ].join('\n'),
    );
  });

  it('keeps the rows of suites that did not run', () => {
    const previous = [
      '| suite | measurement | value | unit | goal |',
      '| --- | --- | ---: | --- | --- |',
      '| api | cold start | 1,500 | ms |  |',
      '| store | migrate | 39.0 | ms |  |',
      '',
    ].join('\n');
    expect(keptRows(previous, new Set(['store']))).toEqual(['| api | cold start | 1,500 | ms |  |']);
    const text = renderReport([], { cores: 2, cpu: 'c', memoryGiB: 1, node: 'v20' }, new Date('2026-11-23T10:00:00Z'), [
      '| api | cold start | 1,500 | ms |  |',
    ]);
    expect(text).toContain('as an earlier run measured them');
    expect(text).toContain('| api | cold start | 1,500 | ms |  |');
  });
});
