import { describe, expect, it } from 'vitest';
import { beanClub } from '../spec';
import { describeCondition } from './describe-condition';
import { describeCaps, describeEffect, describeGroup, describeTrigger } from './describe-earning';
import { describeJourneyStep, describeJourneyTrigger, describeScenarioGiven, describeScenarioThen, orderedSteps } from './describe-journeys';
import { describeExpiry, describeFraudRule, describeOffer, describeRetention, describeTierBenefits } from './describe-members';
import { describeContext } from './describe-text';

const spec = beanClub();
const ctx = describeContext(spec);

describe('describeCondition', () => {
  it('reads like a sentence, with catalog labels, money and day names', () => {
    expect(
      describeCondition({ op: 'and', all: [{ op: 'gte', field: 'event.total', value: 50 }, { op: 'day-of-week', days: ['sat', 'sun'] }] }),
    ).toBe('the purchase total is at least 50.00 EUR and the day is Saturday or Sunday');
  });

  it('uses names for tiers and segments and phrases yes/no fields', () => {
    expect(describeCondition(spec.earningRules[3]!.condition!, ctx)).toBe("the member's current tier is 'Gold' and the time is between 06:00 and 09:00");
    expect(describeCondition(spec.segments[1]!.condition, ctx)).toBe('the member agreed to receive emails');
    expect(describeCondition({ op: 'eq', field: 'member.hasApp', value: false })).toBe('the member does not use the app');
    expect(describeCondition({ op: 'in-segment', segmentId: 'seg-lapsed' }, ctx)).toBe("the member is in the segment 'Lapsed regulars'");
  });

  it('puts nested groups of the other kind in parentheses', () => {
    const c = {
      op: 'or' as const,
      any: [
        { op: 'and' as const, all: [{ op: 'lt' as const, field: 'member.age', value: 26 }, { op: 'tenure' as const, cmp: 'gte' as const, days: 30 }] },
        { op: 'not' as const, condition: { op: 'in' as const, field: 'member.country', values: ['DE', 'AT'] } },
        { op: 'any-item' as const, minQuantity: 2, where: { op: 'between' as const, field: 'item.price', min: 1, max: 3 } },
        { op: 'aggregate' as const, metric: 'spend' as const, lastDays: 30, cmp: 'gt' as const, value: 100 },
        { op: 'lte' as const, field: 'member.joinedOn', value: '2024-01-01' },
      ],
    };
    expect(describeCondition(c)).toBe(
      "(the member's age in years is less than 26 and the member has been in the program for at least 30 days), " +
        "the member's country is neither 'DE' nor 'AT', " +
        "the purchase includes at least 2 items where the item's unit price is between 1.00 EUR and 3.00 EUR, " +
        "the member's spending in the last 30 days is more than 100.00 EUR or the date the member joined is on or before 2024-01-01",
    );
  });
});

describe('sentences for program parts', () => {
  it('describes earning rules', () => {
    const [base, pastry, weekend, , welcome] = spec.earningRules;
    expect(describeTrigger(base!.trigger)).toBe('on every purchase');
    expect(describeEffect(base!.effect, ctx)).toBe('1 Bean for every 1.00 EUR spent');
    expect(describeEffect(pastry!.effect, ctx)).toBe("5 Beans per item where the item's product category is 'pastry'");
    expect(describeEffect(weekend!.effect, ctx)).toBe('Beans from earlier groups count 2 times');
    expect(describeCaps(weekend!.caps, ctx)).toBe('at most 200 Beans per member per week and a budget of 500,000 Beans across all members');
    expect(describeCaps(welcome!.caps, ctx)).toBe('only once per member');
    expect(describeCaps({}, ctx)).toBe('no limits');
    expect(describeGroup(spec.promotionGroups[1]!)).toBe("'Campaigns' runs at priority 10: only the matching rule that gives the most points counts");
  });

  it('describes tiers, rewards, expiry and fraud', () => {
    expect(describeTierBenefits(spec.tiers[2]!.benefits, ctx)).toBe('earns 1.5 times the Beans; Free refills; Early access to seasonal drinks');
    expect(describeRetention(spec.tierPolicy.retention)).toBe('checked at the end of each qualification window; members drop one tier, 30 days after the check');
    expect(describeOffer(spec.rewards[1]!.offer, ctx)).toBe('5.00 EUR off the basket');
    expect(describeExpiry(spec.pointsLifecycle.expiry, ctx)).toBe('Beans expire at the end of the year after the one they were earned in');
    expect(describeExpiry({ kind: 'inactivity', months: 12 }, ctx)).toBe('Beans expire after 12 months of inactivity');
    expect(describeFraudRule(spec.fraudRules[0]!, ctx)).toBe('More than 10 events within 60 minutes: hold the points');
  });

  it('describes journeys as an ordered outline and scenarios as given/then', () => {
    const welcome = spec.journeys[0]!;
    expect(describeJourneyTrigger(welcome.trigger, ctx)).toBe('when a member signs up');
    expect(describeJourneyTrigger(spec.journeys[1]!.trigger, ctx)).toBe("when a member enters the segment 'Lapsed regulars'");
    expect(orderedSteps(welcome).map((s) => s.id)).toEqual(['send-welcome', 'wait-first-visit', 'nudge-bonus', 'done']);
    expect(orderedSteps(spec.journeys[1]!).map((s) => s.id)).toEqual(['split', 'has-email', 'send-miss-you', 'bonus', 'end']);
    expect(orderedSteps(welcome).map((s) => describeJourneyStep(s, ctx, welcome.steps))).toEqual([
      "Send the message 'Welcome email', then go to 'wait-first-visit'",
      "Wait until the member makes a purchase (at most 14 days), then go to 'done'; if it does not happen, go to 'Nudge with bonus'",
      "Award 25 Beans (Welcome nudge), then go to 'done'",
      'Exit the journey',
    ]);
    const scenario = spec.scenarios[0]!;
    expect(describeScenarioGiven(scenario.given, ctx)).toBe('A Green member with 0 Beans, 30 days in the program, country DE, starting 2025-09-06');
    expect(describeScenarioThen(scenario.then, ctx)).toBe('On day 15 the member has 33 Beans available, has 0 Beans pending and is Green');
  });
});
