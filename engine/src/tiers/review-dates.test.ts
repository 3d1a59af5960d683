import { describe, expect, it } from 'vitest';
import { TierPolicy } from '../spec';
import { lastDueReviewDate } from './review-dates';

const policy = (evaluate: 'window-end' | 'monthly' | 'membership-anniversary', window: object = { kind: 'rolling', months: 12 }) =>
  TierPolicy.parse({ window, retention: { evaluate } });
const member = (joinedOn: string, tierSince = joinedOn) => ({ joinedOn, tierSince });

describe('lastDueReviewDate', () => {
  it('monthly: the last day of the month before, once that day is over', () => {
    expect(lastDueReviewDate(policy('monthly'), member('2025-01-10'), '2025-03-05')).toBe('2025-02-28');
    expect(lastDueReviewDate(policy('monthly'), member('2024-01-10'), '2024-03-01')).toBe('2024-02-29');
    // joined (or got the tier) after the last month end: nothing due yet
    expect(lastDueReviewDate(policy('monthly'), member('2025-03-01'), '2025-03-31')).toBeUndefined();
    expect(lastDueReviewDate(policy('monthly'), member('2025-01-01', '2025-03-02'), '2025-03-31')).toBeUndefined();
  });

  it('window-end with a calendar year: 31 December', () => {
    const p = policy('window-end', { kind: 'calendar-year' });
    expect(lastDueReviewDate(p, member('2024-05-01'), '2025-01-01')).toBe('2024-12-31');
    expect(lastDueReviewDate(p, member('2024-05-01'), '2025-12-31')).toBe('2024-12-31');
    expect(lastDueReviewDate(p, member('2024-12-31'), '2025-01-01')).toBe('2024-12-31');
    expect(lastDueReviewDate(p, member('2025-01-01'), '2025-12-31')).toBeUndefined();
  });

  it('window-end with a rolling window: every N months after the member got their tier', () => {
    const p = policy('window-end', { kind: 'rolling', months: 12 });
    expect(lastDueReviewDate(p, member('2024-01-10'), '2025-01-10')).toBeUndefined();
    expect(lastDueReviewDate(p, member('2024-01-10'), '2025-01-11')).toBe('2025-01-10');
    expect(lastDueReviewDate(p, member('2024-01-10'), '2026-03-01')).toBe('2026-01-10');
    expect(lastDueReviewDate(p, member('2020-01-10', '2024-06-30'), '2025-07-01')).toBe('2025-06-30');
    // month ends do not drift: 31 Jan + 1, 2, 3 months
    const q = policy('window-end', { kind: 'rolling', months: 1 });
    expect(lastDueReviewDate(q, member('2025-01-31'), '2025-04-01')).toBe('2025-03-31');
  });

  it('membership anniversary: each anniversary of joining, not before the current tier', () => {
    const p = policy('membership-anniversary');
    expect(lastDueReviewDate(p, member('2023-02-28'), '2025-03-01')).toBe('2025-02-28');
    expect(lastDueReviewDate(p, member('2024-02-29'), '2025-03-01')).toBe('2025-02-28');
    expect(lastDueReviewDate(p, member('2024-06-01'), '2025-06-01')).toBeUndefined();
    expect(lastDueReviewDate(p, member('2023-06-01', '2025-01-01'), '2025-03-01')).toBeUndefined();
  });
});
