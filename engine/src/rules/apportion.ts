/** Rounds away floating-point noise before floor/ceil; points below 1e-6 do not matter. @example snap(0.1 + 0.2) // 0.3 */
export function snap(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Rounds the exact points of one event to whole points, once.
 * @example roundPoints(33.000000000004, 'floor') // 33
 */
export function roundPoints(exact: number, mode: 'floor' | 'round' | 'ceil'): number {
  const x = snap(exact);
  return mode === 'floor' ? Math.floor(x) : mode === 'ceil' ? Math.ceil(x) : Math.round(x);
}

/**
 * Splits a whole number `target` into whole shares proportional to `quotas` (largest-remainder
 * method): every share is the floor of its quota, and the units still missing go one each to the
 * largest fractional parts (ties: earlier index first). The shares always sum to `target`.
 * When `target` lies between the sum of floors and the sum of ceilings of the quotas (as it does
 * for an event total rounded once), each share is the floor or the ceiling of its own quota.
 * Quotas are used as given, times `scale` (default 1): callers scale them to `target` when they
 * measure something else, without building a scaled copy.
 * @example apportion(3, [1.5, 1.5]) // [2, 1]
 * @example apportion(33, [11.5, 5, 16.5]) // [12, 5, 16]
 * @example apportion(10, [1, 3], 2.5) // [3, 7]
 */
export function apportion(target: number, quotas: ArrayLike<number>, scale = 1): number[] {
  const n = quotas.length;
  if (n === 1) return [target];
  const shares = new Array<number>(n);
  const rests = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const q = Math.max(0, snap((quotas[i] ?? 0) * scale));
    const f = Math.floor(q);
    shares[i] = f;
    rests[i] = q - f;
    sum += f;
  }
  let missing = target - sum;
  // The units go to the largest remainders, earliest first on ties. A handful is found by
  // repeated max-search; a large basket (hundreds of lines, as many units) ranks them once
  // instead of searching once per unit.
  if (missing > SEARCH_LIMIT) missing = giveByRank(shares, rests, missing);
  while (missing > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) if (rests[i]! >= 0 && (best < 0 || rests[i]! > rests[best]!)) best = i;
    if (best < 0) {
      rests.fill(0); // only with inconsistent input: every share already got a unit; go round again
      continue;
    }
    shares[best] = shares[best]! + 1;
    rests[best] = -1;
    missing--;
  }
  while (missing < 0) {
    // Only with inconsistent input: take back from the smallest remainders.
    let worst = -1;
    for (let i = 0; i < n; i++) if (shares[i]! > 0 && (worst < 0 || rests[i]! < rests[worst]!)) worst = i;
    if (worst < 0) break;
    shares[worst] = shares[worst]! - 1;
    rests[worst] = 2;
    missing++;
  }
  return shares;
}

const SEARCH_LIMIT = 8;
// Remainders being ranked (reused: apportion never calls out, so one buffer serves every call).
let candidates = new Float64Array(64);

/**
 * Gives one unit each to the `missing` largest remainders (ties: lower index), as repeated
 * max-search would, and marks them taken (-1): every remainder above the missing-th largest value,
 * then the ones equal to it from the lowest index. Returns what is still missing: more than zero
 * only when there are fewer remainders than units (inconsistent input, left to the caller's loop).
 */
function giveByRank(shares: number[], rests: number[], missing: number): number {
  const n = rests.length;
  if (candidates.length < n) candidates = new Float64Array(Math.max(n, candidates.length * 2));
  const c = candidates;
  let count = 0;
  for (let i = 0; i < n; i++) if (rests[i]! >= 0) c[count++] = rests[i]!;
  if (count <= missing) {
    for (let i = 0; i < n; i++) {
      if (rests[i]! >= 0) {
        shares[i] = shares[i]! + 1;
        rests[i] = -1;
      }
    }
    return missing - count;
  }
  const threshold = kthSmallest(c, count, count - missing);
  let left = missing;
  for (let i = 0; i < n; i++) {
    if (rests[i]! > threshold) {
      shares[i] = shares[i]! + 1;
      rests[i] = -1;
      left--;
    }
  }
  for (let i = 0; i < n && left > 0; i++) {
    if (rests[i] === threshold) {
      shares[i] = shares[i]! + 1;
      rests[i] = -1;
      left--;
    }
  }
  return 0;
}

/** The value that would be at position `k` if `a[0..n)` were sorted ascending (reorders `a`; no NaN). */
function kthSmallest(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
