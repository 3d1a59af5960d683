import { grow } from './arrays';
import type { Books } from './books';

/** Lot states: pending (in the return window), available, closed (consumed, expired or reversed). */
export const PENDING = 0;
export const AVAILABLE = 1;
export const CLOSED = 2;

/**
 * Points lots in memory, with the ledger's policies (`ledger/README.md`) on flat arrays:
 * one lot per earn, pending until `availableAt`, spent first-expiring-first (lots of one member
 * are created in time order with the program's one policy, so creation order is spending order),
 * expired at their date (pending lots never expire), returns taken back from the earn's own lot
 * with the rest written off. Releases and dated expiries are swept in creation order by two
 * cursors, which is exact because `availableAt` and `expiresAt` grow with the earn time.
 * @example
 *   const lots = new LotBook(books);
 *   const lot = lots.earn(0, 50, t, t + 14 * DAY, Infinity);
 *   lots.releaseDue(t + 15 * DAY); lots.available[0]; // 50
 */
export class LotBook {
  member = new Int32Array(1024);
  remaining = new Float64Array(1024);
  availableAt = new Float64Array(1024);
  expiresAt = new Float64Array(1024);
  status = new Uint8Array(1024);
  next = new Int32Array(1024);
  count = 0;
  /** Per member: oldest lot that may still hold points, newest lot (-1: none). */
  head = new Int32Array(0);
  tail = new Int32Array(0);
  available = new Float64Array(0);
  pending = new Float64Array(0);
  totalAvailable = 0;
  totalPending = 0;
  private releaseCursor = 0;
  private expiryCursor = 0;

  constructor(private readonly books: Books) {}

  /** Makes room for `n` members. */
  resize(n: number): void {
    this.head = grow(this.head, n, -1);
    this.tail = grow(this.tail, n, -1);
    this.available = grow(this.available, n);
    this.pending = grow(this.pending, n);
  }

  /** Creates a lot of `points` for member `m`; pending until `availableAt` when that is after `at`. Returns the lot number. */
  earn(m: number, points: number, at: number, availableAt: number, expiresAt: number): number {
    const i = this.count++;
    if (i >= this.member.length) this.growLots(i + 1);
    const isPending = availableAt > at;
    this.member[i] = m;
    this.remaining[i] = points;
    this.availableAt[i] = availableAt;
    this.expiresAt[i] = expiresAt;
    this.status[i] = isPending ? PENDING : AVAILABLE;
    this.next[i] = -1;
    if (isPending) {
      this.pending[m]! += points;
      this.totalPending += points;
    } else {
      this.available[m]! += points;
      this.totalAvailable += points;
    }
    const t = this.tail[m]!;
    if (t >= 0) this.next[t] = i;
    if (this.head[m]! < 0) this.head[m] = i;
    this.tail[m] = i;
    return i;
  }

  /** Makes pending lots whose `availableAt` is at or before `t` available. */
  releaseDue(t: number): void {
    let c = this.releaseCursor;
    const n = this.count;
    while (c < n && this.availableAt[c]! <= t) {
      if (this.status[c] === PENDING) {
        const r = this.remaining[c]!;
        const m = this.member[c]!;
        this.status[c] = r > 0 ? AVAILABLE : CLOSED;
        this.pending[m]! -= r;
        this.available[m]! += r;
        this.totalPending -= r;
        this.totalAvailable += r;
      }
      c++;
    }
    this.releaseCursor = c;
  }

  /** Expires available lots whose date is at or before `t` (stops at a lot still pending). */
  expireDue(t: number): void {
    let c = this.expiryCursor;
    const n = this.count;
    while (c < n && this.expiresAt[c]! <= t) {
      if (this.status[c] === PENDING) break;
      if (this.status[c] === AVAILABLE) this.close(c, true);
      c++;
    }
    this.expiryCursor = c;
  }

  /** Expires all available points of member `m` (inactivity). Returns the points expired. */
  expireAll(m: number): number {
    let total = 0;
    for (let i = this.head[m]!; i >= 0; i = this.next[i]!) {
      if (this.status[i] === AVAILABLE) total += this.close(i, true);
    }
    return total;
  }

  /** Spends `points` of member `m`'s available points, first-expiring-first. The caller checked the balance. */
  spend(m: number, points: number): void {
    let left = points;
    for (let i = this.head[m]!; i >= 0 && left > 0; i = this.next[i]!) {
      if (this.status[i] !== AVAILABLE) continue; // pending lots wait; a later bonus lot may be available
      const take = Math.min(left, this.remaining[i]!);
      this.remaining[i]! -= take;
      left -= take;
      if (this.remaining[i] === 0) this.status[i] = CLOSED;
    }
    const spent = points - left;
    this.available[m]! -= spent;
    this.totalAvailable -= spent;
    let h = this.head[m]!;
    while (h >= 0 && this.status[h] === CLOSED) h = this.next[h]!;
    this.head[m] = h;
  }

  /** Takes up to `points` back from lot `lot` (pending or available). Returns what it recovered. */
  reverse(lot: number, points: number): number {
    const s = this.status[lot];
    if (s === CLOSED) return 0;
    const take = Math.min(points, this.remaining[lot]!);
    const m = this.member[lot]!;
    this.remaining[lot]! -= take;
    if (s === PENDING) {
      this.pending[m]! -= take;
      this.totalPending -= take;
    } else {
      this.available[m]! -= take;
      this.totalAvailable -= take;
    }
    if (this.remaining[lot] === 0 && s === AVAILABLE) this.status[lot] = CLOSED;
    return take;
  }

  private close(i: number, expire: boolean): number {
    const r = this.remaining[i]!;
    const m = this.member[i]!;
    this.remaining[i] = 0;
    this.status[i] = CLOSED;
    this.available[m]! -= r;
    this.totalAvailable -= r;
    if (expire && r > 0) this.books.bookExpired(r);
    return r;
  }

  private growLots(n: number): void {
    this.member = grow(this.member, n);
    this.remaining = grow(this.remaining, n);
    this.availableAt = grow(this.availableAt, n);
    this.expiresAt = grow(this.expiresAt, n);
    this.status = grow(this.status, n);
    this.next = grow(this.next, n);
  }
}
