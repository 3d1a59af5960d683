import { z } from 'zod';
import { defaultCatalog, expandCatalog } from './catalog';
import type { CatalogInput, CatalogTables } from './catalog';
import { buildPopulation, memberAt } from './population';
import type { Population } from './population';
import { MS_PER_DAY, dayWeight, timeOfDay, weekdayOf } from './patterns';
import { createRandom, deriveSeed, intBetween, lognormal, pickAlias, pickCumulative, poisson } from './random';
import type { Random } from './random';
import { SimTime } from './model';
import type { SyncDataset, SimEvent, SimItem, SimPurchase, SimReturn, SimReturnItem } from './model';
import { toAsync } from './iterate';
import { sortSmallInts } from './radix-sort';

/** Options of {@link syntheticDataset}. Every field has a default. */
export const SyntheticOptions = z.object({
  seed: z.number().int().default(1),
  members: z.number().int().min(1).default(1_000),
  /** Approximate number of purchases (members and non-members) over the whole period. */
  events: z.number().int().min(0).default(10_000),
  start: SimTime.default(Date.UTC(2025, 0, 1)),
  days: z.number().int().min(1).max(3_660).default(365),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  catalog: z.custom<CatalogInput>().optional(),
  /** Share of members who were already members at `start` (no sign-up event in the period). */
  existingMemberShare: z.number().min(0).max(1).default(0.3),
  /** Share of purchases made by non-members (`memberId: null`). */
  nonMemberShare: z.number().min(0).max(1).default(0.15),
  /** Share of purchases returned (fully or partly) 1–30 days later; returns after the end are cut. */
  returnRate: z.number().min(0).max(1).default(0.065),
  stores: z.number().int().min(1).max(60_000).default(12),
});
export type SyntheticOptions = z.infer<typeof SyntheticOptions>;
export type SyntheticOptionsInput = z.input<typeof SyntheticOptions>;

const REFS = Array.from({ length: 64 }, (_, i) => `l${i + 1}`);
const CHANNELS = ['store', 'online', 'app'] as const;

interface World {
  o: SyntheticOptions;
  start: number;
  catalog: CatalogTables;
  pop: Population;
  storeIds: string[];
}

function buildWorld(o: SyntheticOptions): World {
  const start = o.start;
  const catalog = expandCatalog(o.catalog ?? defaultCatalog, o.seed);
  const pop = buildPopulation({
    seed: o.seed,
    members: o.members,
    start,
    days: o.days,
    existingMemberShare: o.existingMemberShare,
    categories: catalog.categoryIds.length,
    categoryCum: catalog.categoryCum,
    stores: o.stores,
  });
  const storeIds = Array.from({ length: o.stores }, (_, i) => `store-${String(i + 1).padStart(2, '0')}`);
  return { o, start, catalog, pop, storeIds };
}

function basket(w: World, r: Random, member: number): { items: SimItem[]; total: number } {
  const { catalog: c, pop } = w;
  const factor = member >= 0 ? (pop.basketFactor[member] ?? 1) : 0.8;
  const favourite = member >= 0 ? (pop.favouriteCategory[member] ?? 0) : -1;
  const lines = Math.min(REFS.length, Math.max(1, Math.round(lognormal(r, 2 * factor, 0.6))));
  const items: SimItem[] = new Array<SimItem>(lines);
  let cents = 0;
  for (let l = 0; l < lines; l++) {
    const v = r(); // one draw: below 0.45 the favourite category, above it a catalog-weighted one
    const cat = favourite >= 0 && v < 0.45 ? favourite : pickAlias(c.categoryAlias, favourite >= 0 ? (v - 0.45) / 0.55 : v);
    const u = r();
    const s = (c.skuStart[cat] ?? 0) + Math.floor((c.skuCount[cat] ?? 1) * u * u);
    const b = r(); // one draw: below the category's bulk share, 2–6 units
    const bulk = c.bulk[cat] ?? 0;
    const quantity = b < bulk ? 2 + Math.floor((b / bulk) * 5) : 1;
    const price = c.price[s] ?? 0;
    cents += Math.round(price * 100) * quantity;
    items[l] = { ref: REFS[l] ?? `l${l + 1}`, sku: c.sku[s] ?? '', category: c.categoryIds[cat], brand: c.brand[s], quantity, price };
  }
  return { items, total: cents / 100 };
}

function returnOf(w: World, r: Random, p: SimPurchase, id: string, day: number): SimReturn | undefined {
  const delay = Math.min(30, 1 + Math.floor(lognormal(r, 4, 0.6)));
  const dayStart = w.start + (day + delay) * MS_PER_DAY;
  if (day + delay >= w.o.days) return undefined;
  const at = dayStart + timeOfDay(r, weekdayOf(dayStart) >= 5);
  let items: SimReturnItem[];
  let total: number;
  if (r() < 0.4) {
    items = p.items.map((i) => ({ ref: i.ref, quantity: i.quantity }));
    total = p.total;
  } else {
    const line = p.items[Math.floor(r() * p.items.length)] ?? p.items[0];
    if (!line) return undefined;
    const quantity = intBetween(r, 1, line.quantity);
    items = [{ ref: line.ref, quantity }];
    total = Math.round(line.price * 100 * quantity) / 100;
  }
  return { kind: 'return', id, at, memberIndex: p.memberIndex, memberId: p.memberId, purchaseId: p.id, total, items };
}

/** Index of the first member who joins at or after `t` (= number of members joined before `t`). */
function joinedBefore(pop: Population, t: number): number {
  let lo = 0;
  let hi = pop.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pop.joinAt[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A member who joined before `at`, drawn by visit weight; -1 when nobody has joined yet. */
function buyer(pop: Population, r: Random, at: number): number {
  for (let tries = 0; tries < 8; tries++) {
    const m = pickAlias(pop.visits, r());
    if ((pop.joinAt[m] ?? 0) < at) return m;
  }
  const k = joinedBefore(pop, at);
  return k > 0 ? pickCumulative(pop.visitCum, r(), k) : -1;
}

function purchase(w: World, r: Random, at: number, member: number, id: string): SimPurchase {
  const { pop } = w;
  const ch = member >= 0 ? (r() < 0.8 ? (pop.channel[member] ?? 0) : Math.floor(r() * 3)) : r() < 0.8 ? 0 : 1;
  const channel = CHANNELS[ch] ?? 'store';
  const store = member >= 0 ? (pop.homeStore[member] ?? 0) : Math.floor(r() * w.storeIds.length);
  const storeId = ch === 0 ? (w.storeIds[store] ?? 'store-01') : channel;
  const { items, total } = basket(w, r, member);
  const memberId = member >= 0 ? (pop.ids[member] ?? null) : null;
  return { kind: 'purchase', id, at, memberIndex: member >= 0 ? member : undefined, memberId, storeId, channel, total, currency: w.o.currency, items };
}

const byAt = (a: SimReturn, b: SimReturn): number => a.at - b.at;
const NONE: SimReturn[] = [];

/**
 * Day by day: draws the day's purchase count (Poisson around the day's weight times the visit
 * weight of members who joined), sorts their times, then merges sign-ups, purchases and the returns
 * due that day lazily, building each event only when it is next.
 */
function* generate(w: World): Generator<SimEvent> {
  const { o, pop, start } = w;
  const r = createRandom(deriveSeed(o.seed, 0xe7e47));
  let memberMass = 0;
  let dayMass = 0;
  for (let d = 0; d < o.days; d++) {
    const ds = start + d * MS_PER_DAY;
    const k = joinedBefore(pop, ds + MS_PER_DAY);
    memberMass += dayWeight(ds) * (k > 0 ? (pop.visitCum[k - 1] ?? 0) : 0);
    dayMass += dayWeight(ds);
  }
  const memberScale = memberMass > 0 ? (o.events * (1 - o.nonMemberShare)) / memberMass : 0;
  const guestScale = (o.events * o.nonMemberShare) / dayMass;
  const pending = new Map<number, SimReturn[]>();
  // Purchase times of a day as seconds since its start (timeOfDay is whole seconds): small
  // integers sort by counting, much faster than the instants themselves.
  let seconds = new Int32Array(4096);
  let scratch = new Int32Array(4096);
  let nextJoin = joinedBefore(pop, start);
  let seq = 0;
  for (let d = 0; d < o.days; d++) {
    const ds = start + d * MS_PER_DAY;
    const weekend = weekdayOf(ds) >= 5;
    const k = joinedBefore(pop, ds + MS_PER_DAY);
    const memberMean = memberScale * dayWeight(ds) * (k > 0 ? (pop.visitCum[k - 1] ?? 0) : 0);
    const guestMean = guestScale * dayWeight(ds);
    const guestShare = guestMean > 0 ? guestMean / (memberMean + guestMean) : 0;
    const n = poisson(r, memberMean + guestMean);
    if (seconds.length < n) {
      seconds = new Int32Array(n * 2);
      scratch = new Int32Array(n * 2);
    }
    for (let i = 0; i < n; i++) seconds[i] = timeOfDay(r, weekend) / 1000;
    sortSmallInts(seconds, n, scratch);
    const returns = pending.get(d) ?? NONE;
    pending.delete(d);
    returns.sort(byAt);
    let pi = 0;
    let ri = 0;
    for (;;) {
      const ja = nextJoin < k ? (pop.joinAt[nextJoin] ?? Infinity) : Infinity;
      const pa = pi < n ? ds + seconds[pi]! * 1000 : Infinity;
      const ra = returns[ri]?.at ?? Infinity;
      if (ja === Infinity && pa === Infinity && ra === Infinity) break;
      if (ja <= pa && ja <= ra) {
        const memberIndex = nextJoin++;
        const m = memberAt(pop, o.seed, start, memberIndex);
        yield { kind: 'sign-up', id: `s${m.id}`, at: m.joinedAt, memberIndex, memberId: m.id, channel: m.attributes.signupChannel };
      } else if (pa <= ra) {
        pi++;
        const member = r() < guestShare ? -1 : buyer(pop, r, pa);
        const p = purchase(w, r, pa, member, `p${++seq}`);
        if (r() < o.returnRate) {
          const ret = returnOf(w, r, p, `r${seq}`, d);
          const due = ret ? Math.floor((ret.at - start) / MS_PER_DAY) : -1;
          const list = pending.get(due);
          if (list) list.push(ret as SimReturn);
          else if (ret) pending.set(due, [ret]);
        }
        yield p;
      } else {
        const ret = returns[ri++];
        if (ret) yield ret;
      }
    }
  }
}

/**
 * A seeded synthetic history: members who join over the period (and a share who were members
 * already), heavy-tailed visit frequencies, lognormal basket sizes over a catalog with favourite
 * categories, weekday/weekend and time-of-day patterns, returns 1–30 days later and guest
 * purchases. Events are generated on the fly, one day at a time; the same options give the same
 * stream. The member base costs about 60 bytes per member, the events nothing.
 * @example
 *   const ds = syntheticDataset({ seed: 7, members: 100_000, events: 1_000_000, start: '2025-01-01T00:00:00Z' });
 *   for (const e of ds.eventsSync()) if (e.kind === 'purchase') total += e.total;
 */
export function syntheticDataset(options: SyntheticOptionsInput = {}): SyncDataset & { readonly options: SyntheticOptions } {
  const o = SyntheticOptions.parse(options);
  let world: World | undefined;
  const getWorld = (): World => (world ??= buildWorld(o));
  const eventsSync = (): Iterable<SimEvent> => ({ [Symbol.iterator]: () => generate(getWorld()) });
  return {
    id: `synthetic-${o.seed}`,
    name: `Synthetic history (seed ${o.seed})`,
    description: `${o.members} members, about ${o.events} purchases over ${o.days} days from ${new Date(o.start).toISOString().slice(0, 10)}`,
    options: o,
    stats: { members: o.members, purchases: o.events, start: o.start, end: o.start + o.days * MS_PER_DAY, currency: o.currency },
    *members() {
      const w = getWorld();
      for (let i = 0; i < w.pop.count; i++) yield memberAt(w.pop, o.seed, w.start, i);
    },
    eventsSync,
    events: () => toAsync(eventsSync()),
  };
}
