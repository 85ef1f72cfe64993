import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_DIR } from '../support/paths';
import { REPORTER_PAGES, routeSize } from '../../build/route-size';

// The reporter's pages are opened on office PCs over slow county networks.
const BUDGET = 250 * 1024;

describe('what the reporter’s browser downloads', () => {
  it('keeps the form page within 250 KB of gzipped script, without the builder, charts or editor', () => {
    const size = routeSize(path.join(WEB_DIR, 'dist'), REPORTER_PAGES);
    expect(size.jsGzip).toBeLessThanOrEqual(BUDGET);
    expect(size.files.filter((f) => /Builder|PlanReview|echarts|codemirror/i.test(f))).toEqual([]);
  });
});
