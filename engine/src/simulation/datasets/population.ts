import { aliasTable, createRandom, cumulative, deriveSeed, lognormal, pickCumulative } from './random';
import type { AliasTable } from './random';
import type { SimMember, SimMemberAttributes } from './model';
import { MS_PER_DAY, timeOfDay, weekdayOf } from './patterns';

/**
 * The synthetic member base as flat typed arrays (no object per member): join times in ascending
 * order, cumulative visit weights for O(log n) weighted sampling among the members who joined so
 * far, and a few habits. Member i's traits come from `deriveSeed(seed, i)`, so {@link memberAt}
 * can rebuild any member on demand.
 */
export interface Population {
  readonly count: number;
  readonly ids: readonly string[];
  readonly joinAt: Float64Array;
  /** Cumulative visit weight of members 0..i (heavy-tailed: lognormal, sigma 1.1). */
  readonly visitCum: Float64Array;
  /** The same weights as an alias table, for O(1) draws over all members. */
  readonly visits: AliasTable;
  readonly favouriteCategory: Uint8Array;
  readonly homeStore: Uint16Array;
  /** 0 store, 1 online, 2 app. */
  readonly channel: Uint8Array;
  readonly basketFactor: Float32Array;
}

export interface PopulationOptions {
  seed: number;
  members: number;
  start: number;
  days: number;
  /** Share of members who joined before `start` (up to two years before). */
  existingMemberShare: number;
  categories: number;
  categoryCum: Float64Array;
  stores: number;
}

const CHANNEL_CUM = cumulative([0.62, 0.24, 0.14]);

/** Builds the population; about 60 bytes per member. */
export function buildPopulation(o: PopulationOptions): Population {
  const r = createRandom(deriveSeed(o.seed, 0x7a11));
  const joinAt = new Float64Array(o.members);
  for (let i = 0; i < o.members; i++) {
    const existing = r() < o.existingMemberShare;
    const day = existing ? -1 - Math.floor(r() * 730) : Math.floor(r() * o.days);
    const dayStart = o.start + day * MS_PER_DAY;
    const weekend = weekdayOf(dayStart) >= 5;
    joinAt[i] = dayStart + timeOfDay(r, weekend);
  }
  joinAt.sort();
  const digits = Math.max(6, String(o.members).length);
  const ids: string[] = new Array<string>(o.members);
  const visitCum = new Float64Array(o.members);
  const favouriteCategory = new Uint8Array(o.members);
  const homeStore = new Uint16Array(o.members);
  const channel = new Uint8Array(o.members);
  const basketFactor = new Float32Array(o.members);
  const weight = new Float64Array(o.members);
  let sum = 0;
  for (let i = 0; i < o.members; i++) {
    const m = createRandom(deriveSeed(o.seed, i));
    ids[i] = `m${String(i + 1).padStart(digits, '0')}`;
    weight[i] = lognormal(m, 1, 1.1);
    sum += weight[i] ?? 0;
    visitCum[i] = sum;
    favouriteCategory[i] = pickCumulative(o.categoryCum, m());
    homeStore[i] = Math.floor(m() * o.stores);
    channel[i] = pickCumulative(CHANNEL_CUM, m());
    basketFactor[i] = lognormal(m, 1, 0.35);
  }
  const visits = aliasTable(weight);
  return { count: o.members, ids, joinAt, visitCum, visits, favouriteCategory, homeStore, channel, basketFactor };
}

const COUNTRIES = ['DE', 'DE', 'DE', 'DE', 'DE', 'DE', 'AT', 'AT', 'CH', 'NL'];

/** The profile of member i (rebuilt from the seed; the same every time). */
export function memberAt(p: Population, seed: number, start: number, i: number): SimMember {
  const r = createRandom(deriveSeed(seed ^ 0x3c6ef372, i));
  const channel = p.channel[i] ?? 0;
  const hasApp = channel === 2 || r() < 0.22;
  const joinedAt = p.joinAt[i] ?? start;
  const attributes: SimMemberAttributes = {
    country: COUNTRIES[Math.floor(r() * COUNTRIES.length)] ?? 'DE',
    signupChannel: joinedAt < start ? 'import' : channel === 0 ? 'store' : channel === 1 ? 'online' : 'app',
    hasEmailConsent: r() < 0.62,
    hasSmsConsent: r() < 0.24,
    hasPushConsent: hasApp && r() < 0.7,
    hasApp,
    isStaff: r() < 0.005,
  };
  if (r() < 0.85) attributes.birthMonth = 1 + Math.floor(r() * 12);
  return { id: p.ids[i] ?? `m${i + 1}`, joinedAt, attributes };
}
