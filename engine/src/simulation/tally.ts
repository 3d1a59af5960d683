import type { EarnedLine } from '../rules';
import type { ProgramSpec } from '../spec';

/**
 * Counts of a replay that are not points movements: events by kind, spend, and the points each
 * earning rule and each journey's bonus steps gave (gross, before returns).
 * @example tally.addLines(result.lines); tally.rulePoints[tally.ruleIndex.get('rule-base-points')!]
 */
export class Tally {
  purchases = 0;
  guestPurchases = 0;
  returns = 0;
  signUps = 0;
  custom = 0;
  memberSpend = 0;
  guestSpend = 0;
  readonly ruleIds: string[];
  readonly ruleIndex: Map<string, number>;
  readonly rulePoints: Float64Array;
  readonly ruleTimes: Float64Array;
  readonly journeyBonus: Float64Array;

  constructor(spec: ProgramSpec) {
    this.ruleIds = spec.earningRules.map((r) => r.id);
    this.ruleIndex = new Map(this.ruleIds.map((id, i) => [id, i]));
    this.rulePoints = new Float64Array(this.ruleIds.length);
    this.ruleTimes = new Float64Array(this.ruleIds.length);
    this.journeyBonus = new Float64Array(spec.journeys.length);
  }

  get events(): number {
    return this.purchases + this.returns + this.signUps + this.custom;
  }

  /** Adds the whole points of an event's lines to their rules. */
  addLines(lines: readonly EarnedLine[]): void {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.points <= 0) continue;
      const r = this.ruleIndex.get(line.ruleId);
      if (r === undefined) continue;
      this.rulePoints[r]! += line.points;
      this.ruleTimes[r]! += 1;
    }
  }

  addJourneyBonus(journey: number, points: number): void {
    this.journeyBonus[journey] = (this.journeyBonus[journey] ?? 0) + points;
  }
}
