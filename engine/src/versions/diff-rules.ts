import { isRecord, pathPattern, type JsonPath } from './json-values';
import { words } from './describe-text';

/** Which part of the program a change belongs to (the concept document's sections). */
export type ChangeArea =
  | 'program'
  | 'tiers'
  | 'earning'
  | 'lifecycle'
  | 'rewards'
  | 'spending'
  | 'segments'
  | 'fraud'
  | 'messages'
  | 'journeys'
  | 'communication'
  | 'scenarios';

const AREAS: Record<string, ChangeArea> = {
  specVersion: 'program',
  program: 'program',
  tiers: 'tiers',
  tierPolicy: 'tiers',
  promotionGroups: 'earning',
  earningRules: 'earning',
  pointsLifecycle: 'lifecycle',
  rewards: 'rewards',
  spending: 'spending',
  segments: 'segments',
  fraudRules: 'fraud',
  messages: 'messages',
  journeys: 'journeys',
  communication: 'communication',
  scenarios: 'scenarios',
};

/** @example areaOf(['tierPolicy', 'metric']) // 'tiers' */
export function areaOf(path: JsonPath): ChangeArea {
  return AREAS[String(path[0])] ?? 'program';
}

/**
 * A collection whose items are matched by a key (not by position), so renames and reorders are
 * recognised. `key` returns undefined for an item it cannot key; the list is then compared whole.
 */
export interface CollectionRule {
  noun: string;
  key(item: unknown): string | undefined;
  name(item: unknown): string;
  /** Tiers are referred to by their bare name ("Gold: ..."), everything else by its quoted name. */
  bareOwner?: boolean;
}

const byId = (item: unknown) => (isRecord(item) && typeof item.id === 'string' ? item.id : undefined);
const nameOrId = (item: unknown) => {
  if (!isRecord(item)) return String(item);
  if (typeof item.name === 'string' && item.name.trim()) return item.name;
  return typeof item.id === 'string' ? item.id : 'unnamed';
};
const byValue = (item: unknown) => (typeof item === 'string' ? item : undefined);

const idCollection = (noun: string, bareOwner = false): CollectionRule => ({ noun, key: byId, name: nameOrId, bareOwner });
const valueSet = (noun: string): CollectionRule => ({ noun, key: byValue, name: (item) => String(item) });

const COLLECTIONS: Record<string, CollectionRule> = {
  tiers: idCollection('Tier', true),
  promotionGroups: idCollection('Promotion group'),
  earningRules: idCollection('Earning rule'),
  rewards: idCollection('Reward'),
  segments: idCollection('Segment'),
  fraudRules: idCollection('Fraud rule'),
  messages: idCollection('Message'),
  journeys: idCollection('Journey'),
  scenarios: idCollection('Scenario'),
  'journeys.*.steps': idCollection('step'),
  'messages.*.variants': {
    noun: 'text in',
    key: (item) => (isRecord(item) && typeof item.locale === 'string' ? item.locale : undefined),
    name: (item) => (isRecord(item) ? String(item.locale) : String(item)),
  },
  'tiers.*.benefits.perks': valueSet('perk'),
  'program.locales': valueSet('language'),
  'program.approval.requiredApproverRoles': valueSet('approver role'),
};

/** The keyed-collection rule for the list at this path, if any. */
export function collectionRule(path: JsonPath): CollectionRule | undefined {
  return COLLECTIONS[pathPattern(path)];
}

/** Keys of all items, or undefined when an item has no key or two items share one. */
export function itemKeys(list: readonly unknown[], rule: CollectionRule): string[] | undefined {
  const keys: string[] = [];
  for (const item of list) {
    const key = rule.key(item);
    if (key === undefined || keys.includes(key)) return undefined;
    keys.push(key);
  }
  return keys;
}

const SECTIONS: Record<string, string> = {
  specVersion: 'Spec format',
  program: 'Program',
  tierPolicy: 'Tier qualification',
  pointsLifecycle: 'Points lifecycle',
  spending: 'Spending',
  communication: 'Communication',
};

/** Who owns the settings of a top-level section. @example sectionOwner('tierPolicy') // 'Tier qualification' */
export function sectionOwner(key: string): string {
  return SECTIONS[key] ?? words(key).replace(/^./, (c) => c.toUpperCase());
}

const FIELD_LABELS: Record<string, string> = {
  specVersion: 'version',
  earnMultiplier: 'earn multiplier',
  pointValue: 'point value',
  pointsName: 'points name',
  defaultLocale: 'main language',
  reminderAfterHours: 'approval reminder after hours',
  maxBasketShare: 'largest share of a basket payable with points',
  minBalance: 'minimum balance to redeem',
  allowPartialPayWithPoints: 'paying part of a purchase with points',
  reservationMinutes: 'minutes a reservation is held',
  pendingDays: 'days points stay pending',
  validityDays: 'days to use it after redeeming',
  minTierId: 'lowest tier',
  groupId: 'promotion group',
  entryStepId: 'first step',
  audienceSegmentId: 'audience segment',
  graceDays: 'grace days before a downgrade',
  evaluate: 'downgrade check',
  cost: 'cost in points',
  stock: 'stock',
  reentry: 're-entry',
  startDate: 'start date',
};

/**
 * Plain words for a field, from the keys below its owner (indexes and containers skipped).
 * @example fieldLabel(['benefits', 'earnMultiplier']) // 'earn multiplier'
 * @example fieldLabel(['consentRequired', 'sms']) // 'consent needed for sms'
 */
export function fieldLabel(rel: JsonPath): string {
  const keys = rel.filter((k): k is string => typeof k === 'string');
  const last = keys[keys.length - 1];
  if (last === undefined) return 'value';
  const parent = keys[keys.length - 2];
  if (parent === 'consentRequired') return `consent needed for ${last}`;
  if (parent === 'retention' && last === 'downgrade') return 'downgrade';
  if (parent === 'balance') return `${last} balance`;
  return FIELD_LABELS[last] ?? words(last);
}
