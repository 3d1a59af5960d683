/**
 * Growable typed arrays for per-member and per-lot state: the replay keeps its state in flat
 * arrays indexed by member or lot number instead of objects per member.
 */

type Typed = Float64Array | Int32Array | Int16Array | Uint16Array | Uint8Array;

/**
 * A copy of `a` with room for at least `n` entries (doubling), new entries set to `fill`;
 * `a` itself when it is big enough.
 * @example ids = grow(ids, 1000, -1);
 */
export function grow<T extends Typed>(a: T, n: number, fill = 0): T {
  if (a.length >= n) return a;
  const size = Math.max(n, a.length * 2, 16);
  const out = new (a.constructor as new (size: number) => T)(size);
  out.set(a);
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}

/** A typed array of `n` entries set to `fill`. @example filled(Int32Array, 4, -1) // [-1, -1, -1, -1] */
export function filled<T extends Typed>(ctor: new (size: number) => T, n: number, fill: number): T {
  const a = new ctor(n);
  if (fill !== 0) a.fill(fill);
  return a;
}
