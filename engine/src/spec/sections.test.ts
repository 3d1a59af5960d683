import { describe, expect, it } from 'vitest';
import { EarningRule, Effect, Trigger, Validity } from './earning';
import { FraudRule } from './fraud';
import { Journey, JourneyTrigger } from './journeys';
import { JourneyStep, stepLinks } from './journey-steps';
import { Expiry } from './lifecycle';
import { Id } from './primitives';
import { Reward, SpendingRules } from './rewards';
import { Scenario } from './scenarios';
import { Tier, TierPolicy } from './tiers';
import { CommunicationSettings } from './communication';

const firstMessage = (r: { error?: { issues: { message: string }[] } | undefined }) => r.error?.issues[0]?.message;

describe('section schemas', () => {
  it('ids are slugs', () => {
    expect(Id.safeParse('rule-birthday-bonus').success).toBe(true);
    expect(firstMessage(Id.safeParse('Rule Birthday'))).toContain('lowercase letters');
    expect(Id.safeParse('a--b').success).toBe(false);
  });

  it('tiers default their benefits and policy', () => {
    expect(Tier.parse({ id: 'green', name: 'Green', threshold: 0 }).benefits).toEqual({ earnMultiplier: 1, perks: [] });
    expect(TierPolicy.parse({}).window).toEqual({ kind: 'rolling', months: 12 });
    expect(TierPolicy.parse({ window: { kind: 'calendar-year' }, metric: 'visits' }).metric).toBe('visits');
    expect(firstMessage(Tier.safeParse({ id: 'x', name: 'X', threshold: 0, benefits: { earnMultiplier: 0.5 } }))).toContain('below 1');
  });

  it('triggers and effects are discriminated', () => {
    expect(Trigger.safeParse({ kind: 'custom', eventName: 'app-review' }).success).toBe(true);
    expect(Trigger.safeParse({ kind: 'custom' }).success).toBe(false);
    expect(Effect.parse({ kind: 'per-currency-unit', points: 1 })).toEqual({ kind: 'per-currency-unit', points: 1, unitAmount: 1 });
    expect(firstMessage(Effect.safeParse({ kind: 'multiplier', factor: 1 }))).toContain('more than 1');
    expect(Effect.safeParse({ kind: 'fixed', points: 2.5 }).success).toBe(false);
  });

  it('validity end must not precede start', () => {
    expect(Validity.safeParse({ from: '2025-01-01', to: '2025-01-01' }).success).toBe(true);
    expect(firstMessage(Validity.safeParse({ from: '2025-02-01', to: '2025-01-01' }))).toContain('end date is before');
    expect(Validity.safeParse({ from: '2025-13-01' }).success).toBe(false);
  });

  it('earning rules default caps and enabled', () => {
    const rule = EarningRule.parse({ id: 'r', name: 'R', groupId: 'base', trigger: { kind: 'birthday' }, effect: { kind: 'fixed', points: 100 } });
    expect(rule).toMatchObject({ caps: {}, enabled: true, description: '' });
  });

  it('expiry kinds', () => {
    expect(Expiry.parse({ kind: 'end-of-period', period: 'quarter' })).toEqual({ kind: 'end-of-period', period: 'quarter', afterPeriods: 1 });
    expect(Expiry.safeParse({ kind: 'rolling' }).success).toBe(false);
  });

  it('rewards and spending rules', () => {
    expect(Reward.safeParse({ id: 'x', name: 'X', offer: { kind: 'discount-percent', percent: 120 }, cost: 10 }).success).toBe(false);
    expect(Reward.safeParse({ id: 'x', name: 'X', offer: { kind: 'cashback', amount: 2 }, cost: 0 }).success).toBe(false);
    expect(SpendingRules.safeParse({ maxBasketShare: 1.5 }).success).toBe(false);
    expect(SpendingRules.parse({})).toEqual({ minBalance: 0, maxBasketShare: 1, allowPartialPayWithPoints: false, reservationMinutes: 15 });
  });

  it('fraud rules', () => {
    const r = FraudRule.parse({ id: 'f', name: 'F', check: { kind: 'shared-identifier', identifier: 'device', maxMembers: 3 } });
    expect(r).toMatchObject({ action: 'flag', enabled: true });
    expect(FraudRule.safeParse({ id: 'f', name: 'F', check: { kind: 'return-ratio', maxRatio: 2, overDays: 30 } }).success).toBe(false);
  });

  it('journey steps', () => {
    expect(firstMessage(JourneyStep.safeParse({ id: 'w', kind: 'wait', next: 'x' }))).toContain('at least one hour');
    expect(firstMessage(JourneyStep.safeParse({ id: 's', kind: 'split', variants: [{ name: 'A', weight: 1, next: 'x' }] }))).toContain('at least two');
    const wu = JourneyStep.safeParse({ id: 'w', kind: 'wait-until', until: { kind: 'event', event: 'custom' }, timeoutDays: 3, next: 'a', timeoutNext: 'b' });
    expect(firstMessage(wu)).toContain('name the custom event');
    expect(JourneyTrigger.safeParse({ kind: 'event', event: 'custom', eventName: 'app-opened' }).success).toBe(true);
    expect(JourneyTrigger.safeParse({ kind: 'schedule', schedule: { kind: 'date', at: '2026-01-15T09:00:00' } }).success).toBe(true);
    expect(JourneyTrigger.parse({ kind: 'schedule', schedule: { kind: 'birthday' } })).toEqual({ kind: 'schedule', schedule: { kind: 'birthday', daysBefore: 0 } });
  });

  it('stepLinks lists outgoing links with their keys', () => {
    const split = JourneyStep.parse({ id: 's', kind: 'split', variants: [{ name: 'A', weight: 1, next: 'a' }, { name: 'B', weight: 1, next: 'b' }] });
    expect(stepLinks(split)).toEqual([
      { key: ['variants', 0, 'next'], to: 'a' },
      { key: ['variants', 1, 'next'], to: 'b' },
    ]);
    expect(stepLinks(JourneyStep.parse({ id: 'e', kind: 'exit' }))).toEqual([]);
  });

  it('an announcement journey is small', () => {
    const j = Journey.parse({
      id: 'journey-announce',
      name: 'Announce the new program',
      trigger: { kind: 'schedule', schedule: { kind: 'date', at: '2026-03-01' } },
      audienceSegmentId: 'seg-email-ok',
      entryStepId: 'send',
      steps: [{ id: 'send', kind: 'send', messageId: 'msg-new-program', next: 'end' }, { id: 'end', kind: 'exit' }],
    });
    expect(j.enabled).toBe(true);
  });

  it('communication settings', () => {
    expect(CommunicationSettings.safeParse({ quietHours: { start: '9pm', end: '08:00' } }).success).toBe(false);
    expect(CommunicationSettings.parse({ consentRequired: { receipt: false } }).consentRequired).toEqual({ email: true, sms: true, push: true, receipt: false });
  });

  it('scenarios need an expectation and default their member', () => {
    expect(firstMessage(Scenario.safeParse({ id: 's', name: 'S', then: {} }))).toContain('say what you expect');
    const s = Scenario.parse({ id: 's', name: 'S', when: [{ kind: 'sign-up' }], then: { tierId: 'green' } });
    expect(s.given.member).toEqual({ balance: 0, tenureDays: 0, attributes: {} });
    expect(s.when[0]).toEqual({ kind: 'sign-up', afterDays: 0 });
  });
});
