import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size';

describe('file sizes', () => {
  it('read in the largest unit below 1,024, one decimal under ten', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(3_670_016)).toBe('3.5 MB');
    expect(fileSize(52_428_800)).toBe('50 MB');
    expect(fileSize(5 * 1024 ** 5)).toBe('5120 TB');
  });
});
