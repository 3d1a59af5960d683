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
  // Few units move (at most one per share), so repeated max-search beats sorting.
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
