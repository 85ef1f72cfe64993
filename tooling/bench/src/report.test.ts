import { describe, expect, it } from 'vitest';
import { renderReport } from './report.js';

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
});
