import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from './ids';

describe('timeOrderedId', () => {
  it('is a version 7 UUID carrying the time', () => {
    const id = timeOrderedId(Date.parse('2026-11-23T12:00:00Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-11-23T12:00:00Z'));
  });

  it('sorts by time and stays unique within a millisecond', () => {
    const earlier = timeOrderedId(1_000);
    const later = timeOrderedId(2_000);
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedId(5_000))).size).toBe(1000);
  });
});
