import { describe, expect, it } from 'vitest';
import { pickVariant } from './split';

describe('A/B split', () => {
  const variants = [
    { name: 'A', weight: 3, next: 'a' },
    { name: 'B', weight: 1, next: 'b' },
  ];
  it('always picks the same variant for a run, in proportion to the weights', () => {
    expect(pickVariant('run-7', 'split', variants)).toBe(pickVariant('run-7', 'split', variants));
    const picks = Array.from({ length: 4000 }, (_, i) => pickVariant(`run-${i}`, 'split', variants).name);
    const shareA = picks.filter((n) => n === 'A').length / picks.length;
    expect(shareA).toBeGreaterThan(0.72);
    expect(shareA).toBeLessThan(0.78);
  });
});
