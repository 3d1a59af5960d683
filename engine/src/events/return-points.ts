import type { AwardLine } from './rule-awards';

/** A purchase line as stored, with the units returned before this return. */
export type ReturnableLine = { lineRef: string; quantity: number; price: number; returnedBefore: number };

const EPS = 1e-9;

/** Whole points of `earned` that belong to a cumulative share `done / of`; exact at the end. */
function shareOf(earned: number, done: number, of: number): number {
  if (of <= 0 || done >= of - EPS) return earned;
  return Math.floor((earned * done) / of + EPS);
}

/**
 * Points a return takes back, per rule and line: for each rule award on a returned line, the part
 * of the line's units now returned, computed cumulatively (points for units returned so far minus
 * points for units returned before), so partial returns add up exactly to what the line earned
 * and rounding never drifts. Event-level awards (no line) go back by share of the money returned.
 * @example
 *   reversalFor([{ ruleId: 'base', lineRef: 'l1', points: 9 }], [{ lineRef: 'l1', quantity: 3, price: 3, returnedBefore: 0 }], new Map([['l1', 1]]))
 *   // [{ ruleId: 'base', lineRef: 'l1', points: 3 }]
 */
export function reversalFor(awards: readonly AwardLine[], lines: readonly ReturnableLine[], returning: ReadonlyMap<string, number>): AwardLine[] {
  const byRef = new Map(lines.map((l) => [l.lineRef, l]));
  const totalAmount = lines.reduce((s, l) => s + l.price * l.quantity, 0);
  const amountBefore = lines.reduce((s, l) => s + l.price * l.returnedBefore, 0);
  const amountNow = lines.reduce((s, l) => s + l.price * (returning.get(l.lineRef) ?? 0), 0);
  const out: AwardLine[] = [];
  for (const a of awards) {
    let points: number;
    if (a.lineRef === null) {
      if (amountNow <= 0) continue;
      points = shareOf(a.points, amountBefore + amountNow, totalAmount) - shareOf(a.points, amountBefore, totalAmount);
    } else {
      const line = byRef.get(a.lineRef);
      const k = returning.get(a.lineRef) ?? 0;
      if (!line || k <= 0) continue;
      points = shareOf(a.points, line.returnedBefore + k, line.quantity) - shareOf(a.points, line.returnedBefore, line.quantity);
    }
    if (points > 0) out.push({ ruleId: a.ruleId, lineRef: a.lineRef, points });
  }
  return out;
}
