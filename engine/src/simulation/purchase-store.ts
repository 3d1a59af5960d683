import type { EarnedLine } from '../rules';
import { roundPoints } from '../rules';
import type { SimItem, SimReturnItem } from './datasets';
import { grow } from './arrays';
import { IdIndex } from './id-index';

const REFS = Array.from({ length: 256 }, (_, i) => `l${i + 1}`);

/** Index of a canonical line ref `l<n>` (n from 1), or -1. @example refIndex('l3') // 2 */
export function refIndex(ref: string): number {
  if (ref.charCodeAt(0) !== 108) return -1;
  let n = 0;
  for (let i = 1; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return ref.length > 1 ? n - 1 : -1;
}

/** Position of line `ref` among `n` lines: in `odd` refs when the purchase had them, else from a canonical `l<n>`. */
function lineIndex(odd: readonly string[] | undefined, ref: string, n: number): number {
  if (odd) return odd.indexOf(ref);
  const i = refIndex(ref);
  return i < n ? i : -1;
}

/**
 * What each earning purchase gave, per line, so a later return can take back what the returned
 * lines earned: the earn's lot, its points, what returns already reversed, and per line the
 * points of all rules (from `perItem`) and the quantity bought. Purchases that earned nothing
 * are not kept.
 * @example store.record('p1', m, lot, result.points, items, result.lines); store.reversal(store.find('p1'), returnItems)
 */
export class PurchaseStore {
  private readonly byId = new IdIndex();
  member = new Int32Array(1024);
  lot = new Int32Array(1024);
  earned = new Float64Array(1024);
  reversed = new Float64Array(1024);
  lineStart = new Int32Array(1024);
  lineCount = new Int32Array(1024);
  linePoints = new Float64Array(4096);
  lineQty = new Float64Array(4096);
  private lines = 0;
  count = 0;
  private readonly oddRefs = new Map<number, string[]>();

  /** The record of a purchase id, or -1. */
  find(purchaseId: string): number {
    return this.byId.get(purchaseId);
  }

  /** Keeps what purchase `id` earned (lot `lot`, `points`), split over its lines by the rules' per-line attribution. */
  record(id: string, m: number, lot: number, points: number, items: readonly SimItem[], lines: readonly EarnedLine[]): void {
    const r = this.count++;
    if (r >= this.member.length) this.growRecords(r + 1);
    const n = items.length;
    const start = this.lines;
    this.lines += n;
    if (this.lines > this.linePoints.length) {
      this.linePoints = grow(this.linePoints, this.lines);
      this.lineQty = grow(this.lineQty, this.lines);
    }
    let canonical = n <= REFS.length;
    for (let i = 0; i < n; i++) {
      const it = items[i]!;
      this.linePoints[start + i] = 0;
      this.lineQty[start + i] = it.quantity;
      if (canonical && it.ref !== REFS[i]) canonical = false;
    }
    const odd = canonical ? undefined : items.map((it) => it.ref);
    if (odd) this.oddRefs.set(r, odd);
    for (let l = 0; l < lines.length; l++) {
      const per = lines[l]!.perItem;
      if (!per) continue;
      for (let k = 0; k < per.length; k++) {
        const p = per[k]!;
        const i = lineIndex(odd, p.lineRef, n);
        if (i >= 0) this.linePoints[start + i]! += p.points;
      }
    }
    this.member[r] = m;
    this.lot[r] = lot;
    this.earned[r] = points;
    this.reversed[r] = 0;
    this.lineStart[r] = start;
    this.lineCount[r] = n;
    this.byId.set(id, r);
  }

  /**
   * Points a return takes back from record `r`: for each returned line, its points x returned
   * quantity / bought quantity (all points when `items` is empty), rounded down once, capped at
   * what earlier returns left. Marks them reversed.
   */
  reversal(r: number, items: readonly SimReturnItem[] | undefined): number {
    const open = this.earned[r]! - this.reversed[r]!;
    if (open <= 0) return 0;
    let exact = 0;
    if (!items || items.length === 0) exact = this.earned[r]!;
    else {
      const start = this.lineStart[r]!;
      const n = this.lineCount[r]!;
      for (let k = 0; k < items.length; k++) {
        const it = items[k]!;
        const i = this.lineOf(r, it.ref, n);
        if (i < 0) continue;
        const bought = this.lineQty[start + i]!;
        exact += this.linePoints[start + i]! * (bought > 0 ? Math.min(1, it.quantity / bought) : 1);
      }
    }
    const points = Math.min(open, roundPoints(exact, 'floor'));
    this.reversed[r]! += points;
    return points;
  }

  private lineOf(r: number, ref: string, n: number): number {
    return lineIndex(this.oddRefs.get(r), ref, n);
  }

  private growRecords(n: number): void {
    this.member = grow(this.member, n);
    this.lot = grow(this.lot, n);
    this.earned = grow(this.earned, n);
    this.reversed = grow(this.reversed, n);
    this.lineStart = grow(this.lineStart, n);
    this.lineCount = grow(this.lineCount, n);
  }
}
