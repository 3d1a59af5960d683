import { describe, expect, it } from 'vitest';
import { compact, labelStep, niceTicks } from './scale';

describe('chart scales', () => {
  it('makes round ticks that cover the data and zero', () => {
    expect(niceTicks(0, 934)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(-30, 70)[0]).toBeLessThanOrEqual(-30);
    expect(niceTicks(5, 5)).toContain(0);
  });
  it('writes short axis numbers and thins labels', () => {
    expect(compact(12_345)).toBe('12.3k');
    expect(compact(2_500_000)).toBe('2.5M');
    expect(labelStep(24, 8)).toBe(3);
  });
});
