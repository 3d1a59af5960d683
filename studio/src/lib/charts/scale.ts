/** Colours for series, distinguishable for most colour-blind readers (Okabe-Ito order). */
export const PALETTE = ['#2b63b5', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#5b6575', '#b23a3a'] as const;

/** Colour of the i-th series. */
export const colourAt = (i: number): string => PALETTE[i % PALETTE.length]!;

/**
 * Round tick values covering [min, max] (always including 0 when the data is all on one side).
 * @example niceTicks(0, 934) // [0, 200, 400, 600, 800, 1000]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (lo === hi) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/**
 * Short number for axes: 1.2k, 3.4M.
 * @example compact(12_345) // '12.3k'
 */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${+(n / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${+(n / 1e3).toFixed(1)}k`;
  return `${+n.toFixed(2)}`;
}

/** Full number for tables and tooltips. */
export const full = (n: number): string => n.toLocaleString('en', { maximumFractionDigits: 2 });

/** Which of `n` x labels to show so that at most `max` appear. */
export function labelStep(n: number, max = 8): number {
  return Math.max(1, Math.ceil(n / max));
}

/** Maps a value in [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
