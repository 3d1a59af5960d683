import type { ProgramSpecInput } from './program-spec';
import { ProgramSpec } from './program-spec';

/**
 * A rich, realistic program ("Bean Club", a coffee chain) as an author would write it.
 * Used by tests across the engine; it passes `checkProgram` without issues.
 */
export const beanClubInput = {
  program: {
    name: 'Bean Club',
    description: 'Earn Beans on every coffee, climb to Gold, and swap Beans for treats.',
    pointsName: 'Beans',
    currency: 'EUR',
    pointValue: 0.02,
    timezone: 'Europe/Berlin',
    defaultLocale: 'en',
    locales: ['en', 'de', 'fr'],
    approval: { requiredApproverRoles: ['marketing-lead', 'finance'], reminderAfterHours: 24 },
  },
  tiers: [
    { id: 'green', name: 'Green', threshold: 0, benefits: { earnMultiplier: 1, perks: ['Birthday drink'] } },
    { id: 'silver', name: 'Silver', threshold: 500, benefits: { earnMultiplier: 1.25, perks: ['Free size upgrade'] } },
    { id: 'gold', name: 'Gold', threshold: 1500, benefits: { earnMultiplier: 1.5, perks: ['Free refills', 'Early access to seasonal drinks'] } },
  ],
  tierPolicy: {
    metric: 'points',
    window: { kind: 'rolling', months: 12 },
    upgrade: 'immediate',
    retention: { evaluate: 'window-end', downgrade: 'one-tier', graceDays: 30 },
  },
  promotionGroups: [
    { id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' },
    { id: 'campaigns', name: 'Campaigns', priority: 10, stacking: 'best-of' },
  ],
  earningRules: [
    {
      id: 'rule-base-points',
      name: 'Beans on every purchase',
      description: 'One Bean for every euro spent.',
      groupId: 'base',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1 },
    },
    {
      id: 'rule-pastry-bonus',
      name: 'Pastry bonus',
      groupId: 'base',
      trigger: { kind: 'purchase' },
      condition: { op: 'any-item', where: { op: 'eq', field: 'item.category', value: 'pastry' } },
      effect: { kind: 'per-item', points: 5, itemsWhere: { op: 'eq', field: 'item.category', value: 'pastry' } },
      caps: { perMemberPerDay: 20 },
    },
    {
      id: 'rule-double-weekend',
      name: 'Double points weekend',
      description: 'Double Beans on weekend purchases of 10 EUR or more in store.',
      groupId: 'campaigns',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'day-of-week', days: ['sat', 'sun'] },
          { op: 'gte', field: 'event.total', value: 10 },
          { op: 'eq', field: 'event.channel', value: 'store' },
        ],
      },
      effect: { kind: 'multiplier', factor: 2 },
      caps: { perMemberPerWeek: 200, campaignBudgetPoints: 500000 },
      validity: { from: '2025-09-01', to: '2025-10-31' },
    },
    {
      id: 'rule-morning-gold',
      name: 'Gold early birds',
      groupId: 'campaigns',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'eq', field: 'member.tier', value: 'gold' },
          { op: 'time-between', from: '06:00', to: '09:00' },
        ],
      },
      effect: { kind: 'fixed', points: 15 },
    },
    {
      id: 'rule-welcome',
      name: 'Welcome Beans',
      groupId: 'base',
      trigger: { kind: 'sign-up' },
      effect: { kind: 'fixed', points: 50 },
      caps: { timesPerMember: 1 },
    },
  ],
  pointsLifecycle: { pendingDays: 14, expiry: { kind: 'end-of-period', period: 'year', afterPeriods: 1 }, rounding: 'floor' },
  rewards: [
    { id: 'reward-free-coffee', name: 'Free coffee', offer: { kind: 'free-product', sku: 'SKU-COFFEE-M' }, cost: 150, validityDays: 30 },
    { id: 'reward-5-off', name: '5 EUR off', offer: { kind: 'discount-amount', amount: 5 }, cost: 250 },
    {
      id: 'reward-tasting',
      name: 'Coffee tasting for two',
      offer: { kind: 'partner', partnerName: 'Roastery Nord', details: 'Guided tasting session' },
      cost: 1200,
      minTierId: 'gold',
      stock: 40,
      eligibility: { op: 'eq', field: 'member.country', value: 'DE' },
    },
  ],
  spending: { minBalance: 100, maxBasketShare: 0.5, allowPartialPayWithPoints: true, reservationMinutes: 15 },
  segments: [
    {
      id: 'seg-lapsed',
      name: 'Lapsed regulars',
      description: 'Came often, not seen for two months.',
      condition: {
        op: 'and',
        all: [
          { op: 'aggregate', metric: 'visits', lastDays: 60, cmp: 'eq', value: 0 },
          { op: 'aggregate', metric: 'visits', lastDays: 365, cmp: 'gte', value: 10 },
        ],
      },
    },
    {
      id: 'seg-email-ok',
      name: 'Reachable by email',
      condition: { op: 'eq', field: 'member.hasEmailConsent', value: true },
    },
  ],
  fraudRules: [
    { id: 'fraud-velocity', name: 'Too many purchases', check: { kind: 'velocity', maxEvents: 10, withinMinutes: 60 }, action: 'hold-points' },
    { id: 'fraud-big-basket', name: 'Unusually large purchase', check: { kind: 'amount', maxPurchaseAmount: 500 }, action: 'flag' },
    { id: 'fraud-staff', name: 'Staff awarding themselves', check: { kind: 'staff-self-award' }, action: 'notify-security' },
  ],
  messages: [
    {
      id: 'msg-welcome',
      name: 'Welcome email',
      channel: 'email',
      variants: [
        { locale: 'en', subject: 'Welcome to {{ program.name }}', body: 'Hi {{ member.firstName }}, here are {{ points.earned }} {{ program.pointsName }} to start.' },
        { locale: 'de', subject: 'Willkommen im {{ program.name }}', body: 'Hallo {{ member.firstName }}, hier sind {{ points.earned }} {{ program.pointsName }} zum Start.' },
        { locale: 'fr', subject: 'Bienvenue au {{ program.name }}', body: 'Bonjour {{ member.firstName }}, voici {{ points.earned }} {{ program.pointsName }} pour commencer.' },
      ],
    },
    {
      id: 'msg-miss-you',
      name: 'We miss you (push)',
      channel: 'push',
      variants: [
        { locale: 'en', subject: 'We miss you', body: '{% if points.balance > 0 %}You have {{ points.balance }} Beans waiting.{% endif %} Come by this week!' },
        { locale: 'de', subject: 'Wir vermissen dich', body: 'Komm diese Woche vorbei, {{ member.firstName }}!' },
        { locale: 'fr', subject: 'Vous nous manquez', body: 'Passez nous voir cette semaine, {{ member.firstName }} !' },
      ],
    },
  ],
  journeys: [
    {
      id: 'journey-welcome',
      name: 'Welcome series',
      trigger: { kind: 'event', event: 'member-signed-up' },
      entryStepId: 'send-welcome',
      steps: [
        { id: 'send-welcome', kind: 'send', messageId: 'msg-welcome', next: 'wait-first-visit' },
        {
          id: 'wait-first-visit',
          kind: 'wait-until',
          until: { kind: 'event', event: 'purchase' },
          timeoutDays: 14,
          next: 'done',
          timeoutNext: 'nudge-bonus',
        },
        { id: 'nudge-bonus', name: 'Nudge with bonus', kind: 'award', points: 25, reason: 'Welcome nudge', next: 'done' },
        { id: 'done', kind: 'exit' },
      ],
    },
    {
      id: 'journey-winback',
      name: 'Win back lapsed regulars',
      trigger: { kind: 'segment-entry', segmentId: 'seg-lapsed' },
      entryStepId: 'split',
      steps: [
        {
          id: 'split',
          kind: 'split',
          variants: [
            { name: 'Message only', weight: 50, next: 'has-email' },
            { name: 'Message and bonus', weight: 50, next: 'bonus' },
          ],
        },
        { id: 'bonus', kind: 'award', points: 50, reason: 'We miss you bonus', next: 'has-email' },
        { id: 'has-email', kind: 'branch', condition: { op: 'in-segment', segmentId: 'seg-email-ok' }, then: 'send-miss-you', else: 'end' },
        { id: 'send-miss-you', kind: 'send', messageId: 'msg-miss-you', next: 'end' },
        { id: 'end', kind: 'exit' },
      ],
    },
  ],
  communication: { quietHours: { start: '21:00', end: '08:00' }, frequencyCap: { maxMessages: 3, perDays: 7 } },
  scenarios: [
    {
      id: 'sc-weekend-latte',
      name: 'Weekend latte and croissant',
      given: { startDate: '2025-09-06', member: { tierId: 'green', balance: 0, tenureDays: 30, attributes: { country: 'DE' } } },
      when: [
        {
          kind: 'purchase',
          ref: 'p1',
          items: [
            { sku: 'SKU-LATTE-M', category: 'coffee', quantity: 2, price: 4.5 },
            { sku: 'SKU-CROISSANT', category: 'pastry', quantity: 1, price: 2.5 },
          ],
        },
      ],
      then: { atDays: 15, balance: { available: 33, pending: 0 }, tierId: 'green' },
    },
  ],
} satisfies ProgramSpecInput;

/**
 * The Bean Club program, parsed (defaults filled in). Returns a fresh copy each call.
 * @example const spec = beanClub(); spec.tiers.map((t) => t.id) // ['green', 'silver', 'gold']
 */
export function beanClub(): ProgramSpec {
  return ProgramSpec.parse(structuredClone(beanClubInput));
}
