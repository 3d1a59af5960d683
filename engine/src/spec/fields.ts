/**
 * The field catalog: every field path a condition may use, with its type, a plain-language label
 * and the scope it belongs to. Conditions cannot use free-form attributes; add a field here instead.
 */

/** What kind of value a field holds. `ref` values are ids of another collection (e.g. tiers). */
export type FieldType =
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'money' }
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'ref'; collection: 'tiers' | 'segments' };

/** Where a field's value comes from: the event being processed, one line item, or the member. */
export type FieldScope = 'event' | 'item' | 'member';

export interface FieldDef {
  path: string;
  label: string;
  scope: FieldScope;
  type: FieldType;
  /** Example value, for help texts and generated tests. */
  example: string | number | boolean;
}

const f = (path: string, label: string, type: FieldType, example: FieldDef['example']): FieldDef => ({
  path,
  label,
  scope: path.split('.')[0] as FieldScope,
  type,
  example,
});

/**
 * All fields, in display order.
 * @example FIELDS.find((d) => d.path === 'event.total')?.label // 'Purchase total'
 */
export const FIELDS: readonly FieldDef[] = [
  // event
  f('event.total', 'Purchase total', { kind: 'money' }, 25),
  f('event.itemCount', 'Number of items in the purchase', { kind: 'number', min: 0 }, 3),
  f('event.channel', 'Where the purchase happened', { kind: 'enum', values: ['store', 'online', 'app', 'phone'] }, 'store'),
  f('event.storeId', 'Store', { kind: 'string' }, 'store-berlin-mitte'),
  f('event.paymentMethod', 'Payment method', { kind: 'enum', values: ['card', 'cash', 'mobile', 'voucher', 'gift-card'] }, 'card'),
  f('event.couponCode', 'Coupon code entered', { kind: 'string' }, 'WELCOME10'),
  f('event.isFirstPurchase', "Is the member's first purchase", { kind: 'boolean' }, true),
  f('event.date', 'Date of the event', { kind: 'date' }, '2025-06-14'),
  f('event.referralCount', 'Friends referred so far (referral events)', { kind: 'number', min: 0 }, 1),
  // item
  f('item.sku', 'Product code (SKU)', { kind: 'string' }, 'SKU-LATTE-M'),
  f('item.category', 'Product category', { kind: 'string' }, 'coffee'),
  f('item.brand', 'Brand', { kind: 'string' }, 'house-blend'),
  f('item.quantity', 'Quantity of the item', { kind: 'number', min: 0 }, 2),
  f('item.price', 'Unit price of the item', { kind: 'money' }, 3.9),
  f('item.isOnSale', 'Item is on sale', { kind: 'boolean' }, false),
  // member
  f('member.tier', 'Current tier', { kind: 'ref', collection: 'tiers' }, 'gold'),
  f('member.country', 'Country (two-letter code)', { kind: 'string' }, 'DE'),
  f('member.city', 'City', { kind: 'string' }, 'Berlin'),
  f('member.language', 'Preferred language', { kind: 'string' }, 'de'),
  f('member.birthMonth', 'Birth month (1-12)', { kind: 'number', min: 1, max: 12 }, 6),
  f('member.age', 'Age in years', { kind: 'number', min: 0, max: 130 }, 34),
  f('member.tenureDays', 'Days since joining', { kind: 'number', min: 0 }, 400),
  f('member.joinedOn', 'Date the member joined', { kind: 'date' }, '2024-03-01'),
  f('member.lastPurchaseOn', 'Date of the last purchase', { kind: 'date' }, '2025-06-01'),
  f('member.pointsBalance', 'Available points', { kind: 'number', min: 0 }, 1200),
  f('member.lifetimePoints', 'Points earned since joining', { kind: 'number', min: 0 }, 5400),
  f('member.signupChannel', 'Where the member signed up', { kind: 'enum', values: ['store', 'online', 'app', 'import'] }, 'app'),
  f('member.hasEmailConsent', 'Agreed to receive emails', { kind: 'boolean' }, true),
  f('member.hasSmsConsent', 'Agreed to receive text messages', { kind: 'boolean' }, false),
  f('member.hasPushConsent', 'Agreed to receive push notifications', { kind: 'boolean' }, true),
  f('member.hasApp', 'Uses the app', { kind: 'boolean' }, true),
  f('member.isStaff', 'Is a staff member', { kind: 'boolean' }, false),
  f('member.profileComplete', 'Profile is complete', { kind: 'boolean' }, true),
];

const byPath = new Map(FIELDS.map((d) => [d.path, d]));

/** Looks up a field by path. @example fieldByPath('item.sku')?.type.kind // 'string' */
export function fieldByPath(path: string): FieldDef | undefined {
  return byPath.get(path);
}

/** Fields of one scope. @example fieldsInScope('item').map((d) => d.path) */
export function fieldsInScope(scope: FieldScope): FieldDef[] {
  return FIELDS.filter((d) => d.scope === scope);
}

/** Plain-language name of a field type, used in messages ("a money amount"). */
export function describeFieldType(type: FieldType): string {
  switch (type.kind) {
    case 'number':
      return 'a number';
    case 'money':
      return 'a money amount';
    case 'string':
      return 'text';
    case 'enum':
      return `one of ${type.values.map((v) => `'${v}'`).join(', ')}`;
    case 'boolean':
      return 'yes/no (true or false)';
    case 'date':
      return 'a date (YYYY-MM-DD)';
    case 'ref':
      return type.collection === 'tiers' ? 'a tier id' : 'a segment id';
  }
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The closest known name, for "did you mean" hints; undefined when nothing is close.
 * @example closestName('event.totl', ['event.total', 'item.sku']) // 'event.total'
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Math.max(2, Math.floor(input.length / 4)) + 1;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}
