import type { ProgramSpec } from '../spec';

/**
 * For tests: a program's messages, communication rules and one welcome journey that uses every
 * kind of step (send on each channel, split, award, branch, wait, wait-until an event, exit), and a
 * reminder 30 days before points expire.
 * @example activeTemplateProgram(db, 'retail-tiers', (spec) => withWelcomeJourney(spec))
 */
export function withWelcomeJourney(spec: ProgramSpec, communication: Partial<ProgramSpec['communication']> = {}): ProgramSpec {
  return {
    ...spec,
    communication: { ...spec.communication, consentRequired: { email: true, sms: true, push: true, receipt: false }, quietHours: undefined, frequencyCap: undefined, ...communication },
    segments: spec.segments,
    messages: [
      {
        id: 'msg-hello',
        name: 'Hello',
        channel: 'email',
        variants: [
          { locale: 'en', subject: 'Welcome to {{ program.name }}', body: 'Hi {{ member.firstName | default: "there" }}, you have {{ points.balance }} {{ program.pointsName }}.' },
          { locale: 'de', subject: 'Willkommen bei {{ program.name }}', body: 'Hallo {{ member.firstName | default: "du" }}!' },
        ],
      },
      { id: 'msg-text', name: 'Text', channel: 'sms', variants: [{ locale: 'en', body: 'Thanks for joining {{ program.name }}!' }] },
      { id: 'msg-receipt', name: 'Receipt line', channel: 'receipt', variants: [{ locale: 'en', body: 'Welcome, {{ member.firstName }}! A gift waits at the counter.' }] },
      { id: 'msg-nudge', name: 'Nudge', channel: 'email', variants: [{ locale: 'en', subject: 'We miss you', body: 'Come by, {{ member.firstName }}.' }] },
      { id: 'msg-expiring', name: 'Expiring', channel: 'email', variants: [{ locale: 'en', subject: 'Points expiring', body: '{{ points.expiring }} points expire on {{ points.expiringOn }}.' }] },
    ],
    journeys: [
      {
        id: 'journey-welcome',
        name: 'Welcome',
        description: '',
        enabled: true,
        reentry: 'once',
        trigger: { kind: 'event', event: 'member-signed-up' },
        entryStepId: 'hello',
        steps: [
          { id: 'hello', kind: 'send', messageId: 'msg-hello', next: 'text' },
          { id: 'text', kind: 'send', messageId: 'msg-text', next: 'receipt' },
          { id: 'receipt', kind: 'send', messageId: 'msg-receipt', next: 'split' },
          { id: 'split', kind: 'split', variants: [{ name: 'A', weight: 1, next: 'bonus' }, { name: 'B', weight: 1, next: 'bonus' }] },
          { id: 'bonus', kind: 'award', points: 50, reason: 'Welcome bonus', next: 'is-gold' },
          { id: 'is-gold', kind: 'branch', condition: { op: 'eq', field: 'member.tier', value: 'gold' }, then: 'done', else: 'pause' },
          { id: 'pause', kind: 'wait', days: 2, hours: 0, next: 'first-visit' },
          { id: 'first-visit', kind: 'wait-until', until: { kind: 'event', event: 'purchase' }, timeoutDays: 14, next: 'done', timeoutNext: 'nudge' },
          { id: 'nudge', kind: 'send', messageId: 'msg-nudge', next: 'done' },
          { id: 'done', kind: 'exit' },
        ],
      },
      {
        id: 'journey-expiry',
        name: 'Points expiring',
        description: '',
        enabled: true,
        reentry: 'every-time',
        trigger: { kind: 'schedule', schedule: { kind: 'points-expiring', daysBefore: 30 } },
        entryStepId: 'remind',
        steps: [
          { id: 'remind', kind: 'send', messageId: 'msg-expiring', next: 'done' },
          { id: 'done', kind: 'exit' },
        ],
      },
    ],
  };
}
