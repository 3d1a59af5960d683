import { createHash } from 'node:crypto';

/**
 * The variant of an A/B split for one run: a stable hash of the run and step, so a retried or
 * replayed step always picks the same variant, in proportion to the weights.
 * @example pickVariant('run-1', 'split', [{ name: 'A', weight: 1, next: 'a' }, { name: 'B', weight: 1, next: 'b' }]).name
 */
export function pickVariant<V extends { weight: number }>(runId: string, stepId: string, variants: readonly V[]): V {
  const digest = createHash('sha256').update(`${runId}\u0000${stepId}`).digest();
  const unit = digest.readUInt32BE(0) / 0x1_0000_0000;
  const total = variants.reduce((s, v) => s + v.weight, 0);
  let at = unit * total;
  for (const v of variants) {
    if (at < v.weight) return v;
    at -= v.weight;
  }
  return variants[variants.length - 1]!;
}
