/**
 * The replay's books: running totals of points by movement (like the ledger's program accounts)
 * and one row per local calendar month for charts. The replay tells the books which month it is
 * in; every movement is booked to that month.
 */

/** Movements and month-end state of one local calendar month. */
export interface MonthRow {
  /** Month key (year * 12 + month index). */
  key: number;
  issued: number;
  redeemed: number;
  expired: number;
  /** Points taken back by returns (recovered from the earn's lot). */
  reversed: number;
  writtenOff: number;
  redemptions: number;
  purchases: number;
  activeMembers: number;
  /** Month end: available + pending points. */
  outstanding: number;
  pending: number;
  /** Month end: members per tier (order of `spec.tiers`) among members who had joined. */
  tierCounts: number[];
  members: number;
}

/** Totals and monthly rows. Conservation: opening + issued = redeemed + expired + reversed + outstanding. */
export class Books {
  opening = 0;
  issued = 0;
  redeemed = 0;
  expired = 0;
  reversed = 0;
  writtenOff = 0;
  redemptions = 0;
  rewardValue = 0;
  readonly months: MonthRow[] = [];
  private cur: MonthRow | undefined;

  /** Starts booking to month `key` (rows are appended in order; the previous one is closed by `closeMonth`). */
  openMonth(key: number, tiers: number): void {
    this.cur = {
      key,
      issued: 0,
      redeemed: 0,
      expired: 0,
      reversed: 0,
      writtenOff: 0,
      redemptions: 0,
      purchases: 0,
      activeMembers: 0,
      outstanding: 0,
      pending: 0,
      tierCounts: new Array<number>(tiers).fill(0),
      members: 0,
    };
    this.months.push(this.cur);
  }

  /** Writes the month-end state of the current month. */
  closeMonth(outstanding: number, pending: number, tierCounts: ArrayLike<number>, members: number): void {
    const c = this.cur;
    if (!c) return;
    c.outstanding = outstanding;
    c.pending = pending;
    for (let i = 0; i < c.tierCounts.length; i++) c.tierCounts[i] = tierCounts[i] ?? 0;
    c.members = members;
  }

  /** The month being booked (undefined before the first event). */
  get month(): MonthRow | undefined {
    return this.cur;
  }

  bookIssued(points: number): void {
    this.issued += points;
    if (this.cur) this.cur.issued += points;
  }

  bookRedeemed(points: number, value: number): void {
    this.redeemed += points;
    this.redemptions++;
    this.rewardValue += value;
    if (this.cur) {
      this.cur.redeemed += points;
      this.cur.redemptions++;
    }
  }

  bookExpired(points: number): void {
    this.expired += points;
    if (this.cur) this.cur.expired += points;
  }

  bookReversed(recovered: number, writtenOff: number): void {
    this.reversed += recovered;
    this.writtenOff += writtenOff;
    if (this.cur) {
      this.cur.reversed += recovered;
      this.cur.writtenOff += writtenOff;
    }
  }

  bookPurchase(firstInMonth: boolean): void {
    if (!this.cur) return;
    this.cur.purchases++;
    if (firstInMonth) this.cur.activeMembers++;
  }
}
