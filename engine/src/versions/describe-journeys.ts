import type { Journey, JourneyEvent, JourneyStep, JourneyTrigger, Scenario, ScenarioEvent } from '../spec';
import { describeCondition } from './describe-condition';
import {
  describeContext,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPoints,
  joinWords,
  plural,
  quote,
  type DescribeContext,
} from './describe-text';

const EVENTS: Record<JourneyEvent, string> = {
  'points-earned': 'the member earns points',
  'tier-changed': "the member's tier changes",
  'reward-redeemed': 'the member redeems a reward',
  'member-signed-up': 'a member signs up',
  purchase: 'the member makes a purchase',
  custom: 'a custom event happens',
};

function describeEvent(event: JourneyEvent, eventName: string | undefined): string {
  return event === 'custom' && eventName ? `the custom event ${quote(eventName)} happens` : EVENTS[event];
}

/**
 * What starts a journey.
 * @example describeJourneyTrigger({ kind: 'event', event: 'member-signed-up' }) // 'when a member signs up'
 * @example describeJourneyTrigger({ kind: 'schedule', schedule: { kind: 'birthday', daysBefore: 7 } })
 *   // "7 days before the member's birthday"
 */
export function describeJourneyTrigger(trigger: JourneyTrigger, ctx: DescribeContext = describeContext()): string {
  switch (trigger.kind) {
    case 'event':
      return `when ${describeEvent(trigger.event, trigger.eventName)}`;
    case 'segment-entry':
      return `when a member enters the segment ${quote(ctx.segmentName(trigger.segmentId))}`;
    case 'schedule': {
      const s = trigger.schedule;
      if (s.kind === 'birthday') return s.daysBefore ? `${plural(s.daysBefore, 'day')} before the member's birthday` : "on the member's birthday";
      if (s.kind === 'points-expiring') return `${plural(s.daysBefore, 'day')} before ${ctx.pointsName} expire`;
      return `on ${s.at.replace('T', ' at ')}`;
    }
  }
}

/** The label of a step: its name, else its id. */
export function stepLabel(step: Pick<JourneyStep, 'id' | 'name'>): string {
  return step.name?.trim() ? step.name : step.id;
}

function goTo(id: string, steps: readonly JourneyStep[] | undefined): string {
  const target = steps?.find((s) => s.id === id);
  return quote(target ? stepLabel(target) : id);
}

/**
 * One journey step as a sentence, naming the steps it leads to (by name when `steps` are given).
 * @example describeJourneyStep({ id: 'bonus', kind: 'award', points: 25, reason: 'Welcome nudge', next: 'done' }, ctx)
 *   // "Award 25 Beans (Welcome nudge), then go to 'done'"
 */
export function describeJourneyStep(step: JourneyStep, ctx: DescribeContext = describeContext(), steps?: readonly JourneyStep[]): string {
  switch (step.kind) {
    case 'wait':
      return `Wait ${formatDuration(step.days, step.hours)}, then go to ${goTo(step.next, steps)}`;
    case 'wait-until': {
      const what =
        step.until.kind === 'condition' ? describeCondition(step.until.condition, ctx) : describeEvent(step.until.event, step.until.eventName);
      return `Wait until ${what} (at most ${plural(step.timeoutDays, 'day')}), then go to ${goTo(step.next, steps)}; if it does not happen, go to ${goTo(step.timeoutNext, steps)}`;
    }
    case 'branch':
      return `If ${describeCondition(step.condition, ctx)}, go to ${goTo(step.then, steps)}; otherwise go to ${goTo(step.else, steps)}`;
    case 'split': {
      const total = step.variants.reduce((sum, v) => sum + v.weight, 0) || 1;
      const parts = step.variants.map((v) => `${quote(v.name)} (${formatNumber(Math.round((v.weight / total) * 1000) / 10)}%) goes to ${goTo(v.next, steps)}`);
      return `Split members at random: ${joinWords(parts)}`;
    }
    case 'send':
      return `Send the message ${quote(ctx.messageName(step.messageId))}, then go to ${goTo(step.next, steps)}`;
    case 'award':
      return `Award ${formatPoints(step.points, ctx.pointsName)} (${step.reason}), then go to ${goTo(step.next, steps)}`;
    case 'exit':
      return 'Exit the journey';
  }
}

/**
 * The steps of a journey in reading order: from the entry step, depth first, with exit steps
 * (often shared) moved to the end, then any steps nothing leads to.
 * @example orderedSteps(beanClub().journeys[0]!).map((s) => s.id) // ['send-welcome', 'wait-first-visit', 'nudge-bonus', 'done']
 */
export function orderedSteps(journey: Pick<Journey, 'entryStepId' | 'steps'>): JourneyStep[] {
  const byId = new Map(journey.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: JourneyStep[] = [];
  const exits: JourneyStep[] = [];
  const visit = (id: string) => {
    const step = byId.get(id);
    if (!step || seen.has(id)) return;
    seen.add(id);
    (step.kind === 'exit' ? exits : out).push(step);
    for (const next of nextIds(step)) visit(next);
  };
  visit(journey.entryStepId);
  return [...out, ...exits, ...journey.steps.filter((s) => !seen.has(s.id))];
}

function nextIds(step: JourneyStep): string[] {
  switch (step.kind) {
    case 'wait':
    case 'send':
    case 'award':
      return [step.next];
    case 'wait-until':
      return [step.next, step.timeoutNext];
    case 'branch':
      return [step.then, step.else];
    case 'split':
      return step.variants.map((v) => v.next);
    case 'exit':
      return [];
  }
}

/**
 * The "given" part of a scenario.
 * @example describeScenarioGiven(beanClub().scenarios[0]!.given, ctx) // "A Green member with 0 Beans, 30 days in the program, country DE, starting 2025-09-06"
 */
export function describeScenarioGiven(given: Scenario['given'], ctx: DescribeContext = describeContext()): string {
  const m = given.member;
  const tier = m.tierId ? `${ctx.tierName(m.tierId)} member` : 'member in the lowest tier';
  const attrs = Object.entries(m.attributes).map(([k, v]) => `${k} ${String(v)}`);
  const parts = [`${/^[AEIOU]/i.test(tier) ? 'An' : 'A'} ${tier} with ${formatPoints(m.balance, ctx.pointsName)}`, `${plural(m.tenureDays, 'day')} in the program`, ...attrs];
  if (given.startDate) parts.push(`starting ${given.startDate}`);
  return parts.join(', ');
}

/**
 * One event of a scenario.
 * @example describeScenarioEvent({ kind: 'sign-up', afterDays: 0 }) // 'On day 0: signs up'
 */
export function describeScenarioEvent(event: ScenarioEvent, ctx: DescribeContext = describeContext()): string {
  const day = `On day ${formatNumber(event.afterDays)}`;
  switch (event.kind) {
    case 'purchase': {
      const items = event.items.map((i) => `${formatNumber(i.quantity)} x ${i.sku} at ${formatMoney(i.price, ctx.currency)}`);
      const total = event.total !== undefined ? `, total ${formatMoney(event.total, ctx.currency)}` : '';
      return `${day}: buys ${items.length ? joinWords(items) : 'nothing itemised'} (${event.channel}${event.storeId ? `, ${event.storeId}` : ''})${total}${event.ref ? ` [${event.ref}]` : ''}`;
    }
    case 'return':
      return `${day}: returns ${event.items?.length ? joinWords(event.items.map((i) => `${formatNumber(i.quantity)} x ${i.sku}`)) : 'everything'} from purchase ${event.purchaseRef}`;
    case 'sign-up':
      return `${day}: signs up`;
    case 'custom': {
      const props = Object.entries(event.properties).map(([k, v]) => `${k} ${String(v)}`);
      return `${day}: custom event ${quote(event.eventName)}${props.length ? ` with ${props.join(', ')}` : ''}`;
    }
  }
}

/**
 * What a scenario expects at the end.
 * @example describeScenarioThen({ atDays: 15, balance: { available: 33 }, tierId: 'green' }, ctx)
 *   // 'On day 15 the member has 33 Beans available and is Green'
 */
export function describeScenarioThen(then: Scenario['then'], ctx: DescribeContext = describeContext()): string {
  const when = then.atDays !== undefined ? `On day ${formatNumber(then.atDays)}` : 'After the last event';
  const parts: string[] = [];
  if (then.balance?.available !== undefined) parts.push(`has ${formatPoints(then.balance.available, ctx.pointsName)} available`);
  if (then.balance?.pending !== undefined) parts.push(`has ${formatPoints(then.balance.pending, ctx.pointsName)} pending`);
  if (then.tierId !== undefined) parts.push(`is ${ctx.tierName(then.tierId)}`);
  return `${when} the member ${parts.length ? joinWords(parts) : 'is checked'}`;
}
