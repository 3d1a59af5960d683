import type { z } from 'zod';
import {
  Caps,
  CommunicationSettings,
  Condition,
  Effect,
  Expiry,
  FraudCheck,
  JourneyStep,
  JourneyTrigger,
  QualificationWindow,
  RewardOffer,
  Scenario,
  ScenarioEvent,
  Trigger,
  Validity,
} from '../spec';
import { describeCondition } from './describe-condition';
import { describeCaps, describeEffect, describeTrigger, describeValidity } from './describe-earning';
import { describeJourneyStep, describeJourneyTrigger, describeScenarioEvent, describeScenarioGiven, describeScenarioThen } from './describe-journeys';
import { describeExpiry, describeFraudCheck, describeOffer, describeWindow } from './describe-members';
import { formatNumber, plural, quote, truncate, words, type DescribeContext } from './describe-text';
import { isRecord, pathPattern, type JsonPath } from './json-values';

type Describer = { schema: z.ZodType; describe: (value: never, ctx: DescribeContext) => string };

const d = <S extends z.ZodType>(schema: S, describe: (value: z.infer<S>, ctx: DescribeContext) => string): Describer => ({
  schema,
  describe: describe as Describer['describe'],
});

const condition = d(Condition, describeCondition);

/** Parts of the spec that change as a whole and are described by a sentence. */
const DESCRIBERS: Record<string, Describer> = {
  'earningRules.*.trigger': d(Trigger, describeTrigger),
  'earningRules.*.condition': condition,
  'earningRules.*.effect': d(Effect, describeEffect),
  'earningRules.*.caps': d(Caps, describeCaps),
  'earningRules.*.validity': d(Validity, describeValidity),
  'rewards.*.offer': d(RewardOffer, describeOffer),
  'rewards.*.eligibility': condition,
  'segments.*.condition': condition,
  'fraudRules.*.check': d(FraudCheck, describeFraudCheck),
  'pointsLifecycle.expiry': d(Expiry, describeExpiry),
  'tierPolicy.window': d(QualificationWindow, describeWindow),
  'journeys.*.trigger': d(JourneyTrigger, describeJourneyTrigger),
  'journeys.*.steps.*': d(JourneyStep, describeJourneyStep),
  'scenarios.*.given': d(Scenario.shape.given, describeScenarioGiven),
  'scenarios.*.when': d(Scenario.shape.when, (events, ctx) => (events.length ? events.map((e: ScenarioEvent) => describeScenarioEvent(e, ctx)).join('; ') : 'nothing happens')),
  'scenarios.*.then': d(Scenario.shape.then, describeScenarioThen),
  'communication.quietHours': d(CommunicationSettings.shape.quietHours.unwrap(), (q) => `no messages from ${q.start} until ${q.end}`),
  'communication.frequencyCap': d(CommunicationSettings.shape.frequencyCap.unwrap(), (f) => `at most ${plural(f.maxMessages, 'message')} per ${plural(f.perDays, 'day')}`),
};

/**
 * True when the value at this path is compared as a whole: the parts above, lists that are not
 * keyed collections, and anything shaped like a condition (`op`) or a variant (`kind`).
 */
export function isAtomic(path: JsonPath, ...values: unknown[]): boolean {
  if (pathPattern(path) in DESCRIBERS) return true;
  return values.some((v) => Array.isArray(v) || (isRecord(v) && ('op' in v || 'kind' in v)));
}

/** True when the value at this path reads best as a sentence ("changed from '…' to '…'"). */
export function hasSentence(path: JsonPath, value: unknown): boolean {
  return isRecord(value) || Array.isArray(value) || pathPattern(path) in DESCRIBERS;
}

const REFS: Record<string, keyof Pick<DescribeContext, 'tierName' | 'segmentName' | 'messageName' | 'groupName'>> = {
  groupId: 'groupName',
  minTierId: 'tierName',
  tierId: 'tierName',
  audienceSegmentId: 'segmentName',
  segmentId: 'segmentName',
  messageId: 'messageName',
};

/**
 * Any value at a path of the spec as plain words: a sentence for the described parts,
 * names for ids, and never raw JSON.
 * @example formatValue(['tiers', 0, 'threshold'], 500, ctx) // '500'
 */
export function formatValue(path: JsonPath, value: unknown, ctx: DescribeContext): string {
  const describer = DESCRIBERS[pathPattern(path)];
  if (describer && value !== undefined) {
    const parsed = describer.schema.safeParse(value);
    if (parsed.success) return describer.describe(parsed.data as never, ctx);
  }
  if (isRecord(value) && typeof value.op === 'string') {
    const parsed = Condition.safeParse(value);
    if (parsed.success) return describeCondition(parsed.data, ctx);
  }
  const last = path[path.length - 1];
  const ref = typeof last === 'string' ? REFS[last] : undefined;
  if (ref && typeof value === 'string') return quote(ctx[ref](value));
  return plainValue(value);
}

/** A JSON value in words, for values no sentence helper knows. */
export function plainValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return quote(truncate(value));
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(plainValue).join(', ') : 'none';
  if (isRecord(value)) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${words(k)} ${isRecord(v) || (Array.isArray(v) && v.length > 1) ? `(${plainValue(v)})` : plainValue(v)}`);
    return parts.length ? parts.join(', ') : 'nothing';
  }
  return 'an unknown value';
}
