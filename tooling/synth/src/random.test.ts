import { describe, expect, it } from 'vitest';
import { hash32, Random } from './random.js';

describe('Random', () => {
  it('repeats its stream for the same seed and departs from it for another', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it('keeps draws within their bounds', () => {
    const random = new Random(1);
    for (let i = 0; i < 2_000; i++) {
      const u = random.between(2, 3);
      const n = random.int(-2, 2);
      expect(u >= 2 && u < 3).toBe(true);
      expect(n >= -2 && n <= 2 && Number.isInteger(n)).toBe(true);
      expect(random.spread(0.3)).toBeGreaterThan(0);
    }
  });

  it('spreads uniform draws evenly', () => {
    const random = new Random(3);
    const bins = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const k = Math.floor(random.next() * 4);
      bins[k] = (bins[k] ?? 0) + 1;
    }
    for (const bin of bins) expect(Math.abs(bin - 10_000)).toBeLessThan(400);
  });
});

describe('hash32', () => {
  it('gives unrelated seeds for neighbouring keys', () => {
    const a = hash32(1, '510104', 'education');
    expect(hash32(1, '510104', 'education')).toBe(a);
    expect(hash32(1, '510105', 'education')).not.toBe(a);
    expect(hash32(2, '510104', 'education')).not.toBe(a);
    expect(Number.isInteger(a) && a >= 0 && a < 2 ** 32).toBe(true);
  });
});
