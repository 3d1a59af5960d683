/**
 * Seeded, deterministic randomness for the synthetic generator. No `Math.random`: the same seed
 * always gives the same numbers on every platform (32-bit integer arithmetic only, then one
 * division to a float).
 */

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

/** Mixes a 32-bit value (the splitmix32 finaliser). Good for deriving seeds from indices. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Hashes a seed and an index (e.g. a member number) to one 32-bit seed. */
export function deriveSeed(seed: number, index: number): number {
  return mix32(mix32(seed >>> 0) ^ Math.imul(index + 1, 0x85ebca6b));
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): fast, passes PractRand, 128-bit
 * state seeded through splitmix32 so nearby seeds give unrelated streams.
 * @example const r = createRandom(42); r(); // 0 <= x < 1, always the same for seed 42
 */
export function createRandom(seed: number): Random {
  let a = mix32(seed);
  let b = mix32(a);
  let c = mix32(b);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A standard normal variate (Box–Muller; one of the pair is dropped for simplicity). */
export function normal(r: Random): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** A lognormal variate with the given median and shape sigma. */
export function lognormal(r: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(r));
}

/** A Poisson count: exact (Knuth) below 30, a rounded normal approximation above. */
export function poisson(r: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = r();
    while (p > limit) {
      k++;
      p *= r();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
}

/** Integer in [min, max], both included. */
export function intBetween(r: Random, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

/**
 * Cumulative weights for {@link pickCumulative}. Zero and negative weights are never picked.
 * @example const cum = cumulative([1, 3]); pickCumulative(cum, 0.5) // 1
 */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += Math.max(0, w);
    out[i] = sum;
  });
  return out;
}

/**
 * Index of the first cumulative weight above `u * total` within the first `count` entries
 * (binary search, O(log n)). `u` is a uniform float in [0, 1).
 */
export function pickCumulative(cum: Float64Array, u: number, count = cum.length): number {
  if (count <= 0) return -1;
  const target = u * (cum[count - 1] ?? 0);
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Walker/Vose alias table: O(1) weighted sampling. */
export interface AliasTable {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

/** Builds an alias table over non-negative weights (at least one positive). */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, weights[i] ?? 0);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    const s = sum > 0 ? (Math.max(0, weights[i] ?? 0) * n) / sum : 1;
    scaled[i] = s;
    if (s < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns] ?? 0;
    const l = large[nl - 1] ?? 0;
    prob[s] = scaled[s] ?? 0;
    alias[s] = l;
    const rest = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
    scaled[l] = rest;
    if (rest < 1) {
      nl--;
      small[ns++] = l;
    }
  }
  while (nl > 0) prob[large[--nl] ?? 0] = 1;
  while (ns > 0) prob[small[--ns] ?? 0] = 1;
  return { prob, alias };
}

/** Draws an index from an alias table with one uniform float. */
export function pickAlias(t: AliasTable, u: number): number {
  const x = u * t.prob.length;
  const i = Math.floor(x);
  return x - i < (t.prob[i] ?? 1) ? i : (t.alias[i] ?? i);
}
