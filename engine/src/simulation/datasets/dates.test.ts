import { describe, expect, it } from 'vitest';
import { createDateParser } from './dates';

describe('createDateParser', () => {
  it('reads wall-clock patterns in a zone, across daylight saving', () => {
    const p = createDateParser('YYYY-MM-DD HH:mm:ss', 'Europe/London');
    expect(p('2010-12-01 08:26:00')).toBe(Date.parse('2010-12-01T08:26:00Z'));
    expect(p('2011-06-01 12:00:00')).toBe(Date.parse('2011-06-01T11:00:00Z'));
  });

  it('reads other patterns', () => {
    expect(createDateParser('M/D/YYYY H:mm')('12/1/2010 8:26')).toBe(Date.parse('2010-12-01T08:26:00Z'));
    expect(createDateParser('DD.MM.YYYY')('03.02.2025')).toBe(Date.parse('2025-02-03T00:00:00Z'));
    expect(createDateParser('epoch-s')('1700000000')).toBe(1_700_000_000_000);
    expect(createDateParser('epoch-ms')('1700000000123')).toBe(1_700_000_000_123);
  });

  it('reads ISO with and without an offset', () => {
    const p = createDateParser('iso', 'Europe/Berlin');
    expect(p('2025-06-01T10:00:00')).toBe(Date.parse('2025-06-01T08:00:00Z'));
    expect(p('2025-06-01T10:00:00.5+02:00')).toBe(Date.parse('2025-06-01T08:00:00.500Z'));
    expect(p('2025-06-01T10:00:00Z')).toBe(Date.parse('2025-06-01T10:00:00Z'));
    expect(p('2025-06-01')).toBe(Date.parse('2025-05-31T22:00:00Z'));
  });

  it('rejects text that is not a real date', () => {
    const p = createDateParser('YYYY-MM-DD HH:mm:ss');
    for (const bad of ['', 'x', '2011-02-30 01:00:00', '2011-13-01 00:00:00', '2011-01-01 24:00:00', '2011-01-01']) {
      expect(p(bad)).toBeUndefined();
      expect(p(bad)).toBeUndefined(); // memoised too
    }
    expect(createDateParser('epoch-ms')('12a')).toBeUndefined();
  });
});
