import { describe, expect, it } from 'vitest';
import { addMonths, isInactive, lotExpiresAt } from './expiry-dates';

describe('expiry dates', () => {
  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2025-01-31T10:00:00.000Z', 1)).toBe('2025-02-28T10:00:00.000Z');
    expect(addMonths('2024-01-31T00:00:00.000Z', 1)).toBe('2024-02-29T00:00:00.000Z');
    expect(addMonths('2025-03-15T00:00:00.000Z', -3)).toBe('2024-12-15T00:00:00.000Z');
    expect(addMonths('2025-05-10T00:00:00.000Z', 24)).toBe('2027-05-10T00:00:00.000Z');
  });

  it('rolling: N months after the earn date', () => {
    expect(lotExpiresAt('2025-05-10T12:00:00.000Z', { kind: 'rolling', months: 12 })).toBe('2026-05-10T12:00:00.000Z');
  });

  it('end of period: after the given number of full periods', () => {
    const at = '2025-05-10T12:00:00.000Z';
    expect(lotExpiresAt(at, { kind: 'end-of-period', period: 'year', afterPeriods: 1 })).toBe('2027-01-01T00:00:00.000Z');
    expect(lotExpiresAt(at, { kind: 'end-of-period', period: 'year', afterPeriods: 0 })).toBe('2026-01-01T00:00:00.000Z');
    expect(lotExpiresAt(at, { kind: 'end-of-period', period: 'quarter', afterPeriods: 1 })).toBe('2025-10-01T00:00:00.000Z');
    expect(lotExpiresAt(at, { kind: 'end-of-period', period: 'month', afterPeriods: 2 })).toBe('2025-08-01T00:00:00.000Z');
  });

  it('none and inactivity give lots no date of their own', () => {
    expect(lotExpiresAt('2025-05-10T12:00:00.000Z', { kind: 'none' })).toBeNull();
    expect(lotExpiresAt('2025-05-10T12:00:00.000Z', { kind: 'inactivity', months: 12 })).toBeNull();
  });

  it('inactivity counts whole months since the last earn or spend', () => {
    expect(isInactive('2024-01-15T00:00:00.000Z', 12, '2025-01-14T23:59:59.999Z')).toBe(false);
    expect(isInactive('2024-01-15T00:00:00.000Z', 12, '2025-01-15T00:00:00.000Z')).toBe(true);
    expect(isInactive(null, 12, '2030-01-01T00:00:00.000Z')).toBe(false);
  });
});
