import { describe, expect, it } from 'vitest';
import { drawnClick } from './chart-click';

describe('drawnClick', () => {
  it("reads the clicked item's value from the option, as plain values, arrays or objects", () => {
    const option = {
      series: [
        { type: 'bar' as const, data: [3, 5] },
        {
          type: 'heatmap' as const,
          data: [
            [0, 1, 0.5],
            [1, 2, 1],
          ],
        },
        { type: 'bar' as const, data: [{ value: 7, itemStyle: { color: '#ccc' } }] },
      ],
    };
    expect(drawnClick(option, 0, 1)).toEqual({ componentType: 'series', seriesIndex: 0, dataIndex: 1, value: 5 });
    expect(drawnClick(option, 1, 1).value).toEqual([1, 2, 1]);
    expect(drawnClick(option, 2, 0).value).toBe(7);
    expect(drawnClick(option, 5, 0).value).toBeUndefined();
  });
});
