import fc from 'fast-check';
import type { Condition } from './condition';
import type { ConditionContext } from './condition-check';
import type { JourneyStep } from './journey-steps';
import type { ProgramSpecInput } from './program-spec';
import { ProgramSpec } from './program-spec';

/**
 * A fast-check arbitrary of valid, varied programs: `checkProgram` finds no errors in them
 * (references resolve, ids are unique per collection, tiers increase, journeys' links resolve and
 * loops go through a wait). Ids deliberately repeat across collections and journeys.
 * For property tests only; never imported by production code.
 * @example fc.assert(fc.property(programSpecArbitrary(), (spec) => checkProgram(spec).every((i) => i.severity !== 'error')))
 */
export function programSpecArbitrary(): fc.Arbitrary<ProgramSpec> {
  return fc.gen().map((g) => ProgramSpec.parse(new Builder(g).program()));
}

const ID = fc.oneof(fc.constantFrom('gold', 'base', 'a', 'welcome', 'x-1'), fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/));
const NAME = fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.trim()).filter((s) => s.length > 0);
const TEXT = fc.string({ maxLength: 40 }).map((s) => s.replace(/[{}%]/g, ''));
const MONEY = fc.double({ min: 0.01, max: 1000, noNaN: true });
const DATE = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const TIME = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const CMP = fc.constantFrom(...(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const));
const EQ = fc.constantFrom(...(['eq', 'neq'] as const));
const BODIES = ['Hi {{ member.firstName }}!', 'You have {{ points.balance }} {{ program.pointsName }}.', 'Welcome to {{ program.name }}', 'Thanks'];

/** Drawing helpers over fast-check's imperative generator. */
class Rand {
  constructor(private readonly g: fc.GeneratorValue) {}
  draw = <T>(arb: fc.Arbitrary<T>): T => this.g(() => arb);
  int = (min: number, max: number): number => this.g(fc.integer, { min, max });
  chance = (p: number): boolean => this.int(0, 999) < p * 1000;
  pick = <T>(items: readonly T[]): T => items[this.int(0, items.length - 1)]!;
  name = (): string => this.draw(NAME);
  times = <T>(min: number, max: number, make: (i: number) => T): T[] => Array.from({ length: this.int(min, max) }, (_, i) => make(i));
  ids = (min: number, max: number): string[] => this.draw(fc.uniqueArray(ID, { minLength: min, maxLength: max }));
  /** `{ [key]: make() }` with probability p, else `{}` (absent, not undefined). */
  opt = <K extends string, T>(key: K, p: number, make: () => T): { [k in K]?: T } => (this.chance(p) ? ({ [key]: make() } as { [k in K]: T }) : {});
}

class Builder extends Rand {
  private tierIds: string[] = [];
  private segmentIds: string[] = [];
  private messageIds: string[] = [];
  private locales: string[] = ['en'];

  /** A condition that `checkCondition` accepts in `ctx`, referring only to `segments`. */
  condition(ctx: ConditionContext, segments: readonly string[] = this.segmentIds, depth = 2): Condition {
    if (depth > 0 && this.chance(0.3)) {
      const parts = this.times(1, 3, () => this.condition(ctx, segments, depth - 1));
      const op = this.pick(['and', 'or', 'not'] as const);
      return op === 'and' ? { op, all: parts } : op === 'or' ? { op, any: parts } : { op, condition: parts[0]! };
    }
    const leaves: (() => Condition)[] = [];
    if (ctx === 'item') {
      leaves.push(
        () => ({ op: this.draw(CMP), field: 'item.price', value: this.draw(MONEY) }),
        () => ({ op: this.draw(EQ), field: 'item.category', value: this.pick(['coffee', 'pastry', 'tea']) }),
        () => ({ op: 'in', field: 'item.sku', values: this.times(1, 3, (i) => `SKU-${i}`) }),
        () => ({ op: 'eq', field: 'item.isOnSale', value: this.chance(0.5) }),
      );
    } else {
      const [lo, hi] = [this.int(1, 12), this.int(1, 12)].sort((a, b) => a - b) as [number, number];
      leaves.push(
        () => ({ op: this.draw(EQ), field: 'member.country', value: this.pick(['DE', 'FR', 'US']) }),
        () => ({ op: 'between', field: 'member.birthMonth', min: lo, max: hi }),
        () => ({ op: 'in', field: 'member.signupChannel', values: ['app', 'store'] }),
        () => ({ op: 'eq', field: 'member.hasEmailConsent', value: this.chance(0.5) }),
        () => ({ op: 'aggregate', metric: this.pick(['spend', 'visits', 'points-earned'] as const), lastDays: this.int(1, 365), cmp: this.draw(CMP), value: this.int(0, 500) }),
        () => ({ op: 'tenure', cmp: this.draw(CMP), days: this.int(0, 2000) }),
      );
      if (this.tierIds.length) leaves.push(() => ({ op: this.draw(EQ), field: 'member.tier', value: this.pick(this.tierIds) }));
      if (segments.length) leaves.push(() => ({ op: 'in-segment', segmentId: this.pick(segments) }));
      if (ctx !== 'segment') leaves.push(() => ({ op: 'day-of-week', days: ['sat', 'sun'] }), () => ({ op: 'time-between', from: this.draw(TIME), to: this.draw(TIME) }));
    }
    if (ctx === 'earning') {
      leaves.push(
        () => ({ op: this.draw(CMP), field: 'event.total', value: this.draw(MONEY) }),
        () => ({ op: this.draw(EQ), field: 'event.channel', value: this.pick(['store', 'online', 'app']) }),
        () => ({ op: 'eq', field: 'event.isFirstPurchase', value: true }),
        () => ({ op: 'any-item', where: this.condition('item', segments, 1), ...(this.chance(0.5) ? { minQuantity: this.int(1, 5) } : {}) }),
      );
    }
    return this.pick(leaves)();
  }

  program(): ProgramSpecInput {
    this.locales = this.pick([['en'], ['en', 'de'], ['de', 'fr', 'en'], ['fr-CA', 'en']]);
    const tiers = this.ids(0, 4);
    this.tierIds = tiers;
    let threshold = 0;
    const segments = this.ids(0, 3);
    const groups = this.ids(1, 3);
    const messages = this.ids(0, 3);
    this.messageIds = messages;
    this.segmentIds = segments;
    const defaultLocale = this.pick(this.locales);
    const spec: ProgramSpecInput = {
      program: {
        name: this.name(),
        description: this.draw(TEXT),
        pointsName: this.pick(['Points', 'Beans', 'Miles']),
        currency: this.pick(['EUR', 'USD', 'CHF']),
        pointValue: this.draw(fc.double({ min: 0.001, max: 1, noNaN: true })),
        timezone: this.pick(['UTC', 'Europe/Berlin', 'America/New_York']),
        defaultLocale,
        locales: this.locales,
        approval: { requiredApproverRoles: this.pick([['marketing-lead'], ['marketing-lead', 'finance'], []]), reminderAfterHours: this.int(1, 72) },
      },
      tiers: tiers.map((id, i) => {
        threshold = i === 0 ? 0 : threshold + this.int(1, 2000) + (this.chance(0.2) ? 0.5 : 0);
        return { id, name: this.name(), threshold, benefits: { earnMultiplier: this.draw(fc.double({ min: 1, max: 10, noNaN: true })), perks: this.times(0, 2, () => this.name()) } };
      }),
      tierPolicy: {
        metric: this.pick(['points', 'spend', 'visits'] as const),
        window: this.chance(0.5) ? { kind: 'rolling', months: this.int(1, 60) } : { kind: 'calendar-year' },
        upgrade: this.pick(['immediate', 'next-evaluation'] as const),
        retention: { evaluate: this.pick(['window-end', 'monthly', 'membership-anniversary'] as const), downgrade: this.pick(['one-tier', 'to-qualified', 'never'] as const), graceDays: this.int(0, 365) },
      },
      promotionGroups: groups.map((id) => ({ id, name: this.name(), priority: this.int(-10, 100), stacking: this.pick(['stack', 'exclusive', 'best-of'] as const) })),
      segments: segments.map((id, i) => ({ id, name: this.name(), description: this.draw(TEXT), condition: this.condition('segment', segments.slice(0, i)) })),
      earningRules: this.ids(0, 6).map((id) => ({
        id,
        name: this.name(),
        description: this.draw(TEXT),
        groupId: this.pick(groups),
        trigger: this.pick([{ kind: 'purchase' }, { kind: 'sign-up' }, { kind: 'birthday' }, { kind: 'referral' }, { kind: 'profile-completed' }, { kind: 'custom', eventName: 'app-review' }] as const),
        ...this.opt('condition', 0.6, () => this.condition('earning')),
        effect: this.effect(),
        caps: Object.fromEntries(this.draw(fc.subarray(['perMemberPerDay', 'perMemberPerWeek', 'perMemberTotal', 'timesPerMember', 'campaignBudgetPoints'])).map((k) => [k, this.int(1, 10000)])),
        ...this.opt('validity', 0.3, () => {
          const [from, to] = [this.draw(DATE), this.draw(DATE)].sort();
          return { ...(this.chance(0.8) ? { from } : {}), ...(this.chance(0.8) ? { to } : {}) };
        }),
        enabled: this.chance(0.8),
      })),
      pointsLifecycle: {
        pendingDays: this.int(0, 365),
        expiry: this.pick([{ kind: 'none' }, { kind: 'rolling', months: this.int(1, 120) }, { kind: 'end-of-period', period: 'year', afterPeriods: this.int(0, 10) }, { kind: 'inactivity', months: this.int(1, 120) }] as const),
        rounding: this.pick(['floor', 'round', 'ceil'] as const),
      },
      rewards: this.ids(0, 4).map((id) => ({
        id,
        name: this.name(),
        description: this.draw(TEXT),
        offer: this.pick([
          { kind: 'discount-amount', amount: this.draw(MONEY) },
          { kind: 'discount-percent', percent: this.int(1, 100) },
          { kind: 'free-product', sku: 'SKU-COFFEE' },
          { kind: 'voucher', value: this.draw(MONEY), ...(this.chance(0.5) ? { codePrefix: 'BEAN' } : {}) },
          { kind: 'cashback', amount: this.draw(MONEY) },
          { kind: 'partner', partnerName: this.name() },
        ] as const),
        cost: this.int(1, 5000),
        ...this.opt('eligibility', 0.3, () => this.condition('reward')),
        ...(tiers.length && this.chance(0.4) ? { minTierId: this.pick(tiers) } : {}),
        ...this.opt('stock', 0.3, () => this.int(0, 100)),
        validityDays: this.int(1, 3650),
        enabled: this.chance(0.8),
      })),
      spending: { minBalance: this.int(0, 500), maxBasketShare: this.pick([0, 0.25, 0.5, 1]), allowPartialPayWithPoints: this.chance(0.5), reservationMinutes: this.int(1, 1440) },
      fraudRules: this.ids(0, 3).map((id) => ({
        id,
        name: this.name(),
        check: this.pick([
          { kind: 'velocity', maxEvents: this.int(1, 50), withinMinutes: this.int(1, 600) },
          { kind: 'amount', maxPurchaseAmount: this.draw(MONEY) },
          { kind: 'return-ratio', maxRatio: 0.5, overDays: this.int(1, 90) },
          { kind: 'shared-identifier', identifier: this.pick(['phone', 'email', 'card', 'device'] as const), maxMembers: this.int(1, 5) },
          { kind: 'staff-self-award' },
        ] as const),
        action: this.pick(['flag', 'hold-points', 'block', 'notify-security'] as const),
        enabled: this.chance(0.9),
      })),
      messages: messages.map((id) => {
        const channel = this.pick(['email', 'sms', 'push', 'receipt'] as const);
        const locales = [defaultLocale, ...this.draw(fc.subarray(this.locales))];
        return {
          id,
          name: this.name(),
          channel,
          variants: [...new Set(locales)].map((locale) => ({ locale, ...(channel === 'email' || this.chance(0.5) ? { subject: `Hi ${this.name()}` } : {}), body: `${this.pick(BODIES)} ${this.draw(TEXT)}` })),
        };
      }),
      journeys: this.ids(0, 3).map((id) => this.journey(id)),
      communication: {
        consentRequired: { email: this.chance(0.9), sms: this.chance(0.9), push: this.chance(0.5), receipt: this.chance(0.5) },
        ...(this.chance(0.5) ? { quietHours: { start: this.draw(TIME), end: this.draw(TIME) } } : {}),
        ...(this.chance(0.5) ? { frequencyCap: { maxMessages: this.int(1, 10), perDays: this.int(1, 365) } } : {}),
      },
      scenarios: this.ids(0, 2).map((id) => ({
        id,
        name: this.name(),
        given: { member: { ...(tiers.length ? { tierId: this.pick(tiers) } : {}), balance: this.int(0, 1000), attributes: { country: 'DE', birthMonth: this.int(1, 12) } } },
        when: [{ kind: 'purchase', ref: 'p1', items: [{ sku: 'SKU-1', price: 4.5 }] }, ...(this.chance(0.5) ? [{ kind: 'return', afterDays: 2, purchaseRef: 'p1' } as const] : [])],
        then: { balance: { available: this.int(0, 1000) } },
      })),
    };
    return spec;
  }

  private effect() {
    const itemsWhere = () => (this.chance(0.4) ? { itemsWhere: this.condition('item') } : {});
    return this.pick([
      () => ({ kind: 'per-currency-unit', points: this.draw(MONEY), unitAmount: this.draw(MONEY), ...itemsWhere() }) as const,
      () => ({ kind: 'fixed', points: this.int(0, 1000) }) as const,
      () => ({ kind: 'multiplier', factor: this.draw(fc.double({ min: 1.01, max: 20, noNaN: true })) }) as const,
      () => ({ kind: 'per-item', points: this.draw(MONEY), ...itemsWhere() }) as const,
    ])();
  }

  private journey(id: string) {
    const steps = new JourneySteps(this, this.messageIds, (ctx) => this.condition(ctx)).build();
    const trigger = this.pick([
      () => ({ kind: 'event', event: this.pick(['points-earned', 'tier-changed', 'purchase', 'member-signed-up'] as const) }) as const,
      () => ({ kind: 'event', event: 'custom', eventName: 'app-opened' }) as const,
      () => ({ kind: 'schedule', schedule: this.pick([{ kind: 'birthday', daysBefore: this.int(0, 60) }, { kind: 'points-expiring', daysBefore: this.int(0, 365) }, { kind: 'date', at: this.draw(DATE) }] as const) }) as const,
      ...(this.segmentIds.length ? [() => ({ kind: 'segment-entry', segmentId: this.pick(this.segmentIds) }) as const] : []),
    ])();
    const audience = this.segmentIds.length && this.chance(0.3) ? { audienceSegmentId: this.pick(this.segmentIds) } : {};
    return { id, name: this.name(), description: this.draw(TEXT), enabled: this.chance(0.8), trigger, ...audience, reentry: this.pick(['once', 'every-time'] as const), ...steps };
  }
}

const WAITS = new Set(['wait', 'wait-until']);

/**
 * Journey steps as a tree from the entry, with merges into finished loop-free steps and back edges
 * to an ancestor only when the loop passes a wait, so every step is reachable and no loop runs at once.
 */
class JourneySteps {
  private steps: JourneyStep[] = [];
  private done: string[] = [];
  private budget: number;
  private count = 0;

  constructor(private readonly r: Rand, private readonly messages: string[], private readonly condition: (ctx: ConditionContext) => Condition) {
    this.budget = this.r.int(1, 9);
  }

  build(): { entryStepId: string; steps: JourneyStep[] } {
    const entryStepId = this.make([]).id;
    return { entryStepId, steps: this.r.chance(0.5) ? this.steps.reverse() : this.steps };
  }

  /** Builds a step and what follows; returns its id and whether a back edge leaves its subtree. */
  private make(ancestors: { id: string; kind: string }[]): { id: string; loops: boolean } {
    const id = `${this.r.pick(['s', 'step', 'go'])}-${this.count++}`;
    const kinds = ['wait', 'wait-until', 'branch', 'split', 'award', 'exit', ...(this.messages.length ? ['send'] : [])] as const;
    const kind = this.budget-- <= 0 ? 'exit' : this.r.pick(kinds);
    const path = [...ancestors, { id, kind }];
    let loops = false;
    const next = (): string => {
      // A back edge to path[a] closes the loop path[a..]; it must contain a wait.
      const lastWait = path.findLastIndex((p) => WAITS.has(p.kind));
      if (lastWait >= 0 && this.r.chance(0.15)) {
        loops = true;
        return this.r.pick(path.slice(0, lastWait + 1)).id;
      }
      if (this.done.length && this.r.chance(0.25)) return this.r.pick(this.done);
      const child = this.make(path);
      loops ||= child.loops;
      return child.id;
    };
    const name = this.r.chance(0.3) ? { name: this.r.name() } : {};
    const step = ((): JourneyStep => {
      switch (kind) {
        case 'wait': {
          const days = this.r.int(0, 30);
          return { id, ...name, kind, days, hours: days === 0 ? this.r.int(1, 23) : this.r.int(0, 23), next: next() };
        }
        case 'wait-until': {
          const until = this.r.chance(0.5) ? { kind: 'condition' as const, condition: this.condition('journey') } : { kind: 'event' as const, event: 'purchase' as const };
          return { id, ...name, kind, until, timeoutDays: this.r.int(1, 365), next: next(), timeoutNext: next() };
        }
        case 'branch':
          return { id, ...name, kind, condition: this.condition('journey'), then: next(), else: next() };
        case 'split':
          return { id, ...name, kind, variants: Array.from({ length: this.r.int(2, 3) }, (_, i) => ({ name: `Variant ${i}`, weight: this.r.int(1, 100), next: next() })) };
        case 'send':
          return { id, ...name, kind, messageId: this.r.pick(this.messages), next: next() };
        case 'award':
          return { id, ...name, kind, points: this.r.int(1, 500), reason: this.r.name(), next: next() };
        default:
          return { id, ...name, kind: 'exit' };
      }
    })();
    this.steps.push(step);
    if (!loops) this.done.push(id);
    return { id, loops };
  }
}
