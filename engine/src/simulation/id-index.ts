import { grow } from './arrays';

/** FNV-1a over UTF-16 code units: a few ns for the short ids datasets use. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

// A slot is [start of the key's characters + 1 (0: empty), hash, value, key length]: probing
// and reading the value touch one cache line, and only a hash match compares characters.
const STRIDE = 4;

/**
 * A map from string ids to integers (member or record numbers) for the replay's hot path. A `Map`
 * with a million string keys costs most of a microsecond per insert (its table grows by rehashing
 * tagged entries the GC also walks). Here the table is one `Int32Array` with linear probing, and
 * the keys' characters are copied into one `Uint16Array`: no id string is kept alive, so the
 * garbage collector neither promotes nor walks a million purchase ids. `set` queues the entry and
 * the next `get` applies the queue in order: a purchase is recorded at every event but looked up
 * only by returns, and applying a few dozen inserts in one tight loop lets their cache misses
 * overlap. `set` on a known id replaces its value, like `Map.set`.
 * @example const ix = new IdIndex(); ix.set('p1', 0); ix.get('p1') // 0; ix.get('p2') // -1
 */
export class IdIndex {
  private slots = new Int32Array(1024 * STRIDE);
  private mask = 1023;
  private chars = new Uint16Array(4096);
  private used = 0;
  private count = 0;
  /** Queued entries: start of the characters, length, hash and value of each. */
  private queue = new Int32Array(64 * STRIDE);
  private queued = 0;

  /** Number of distinct ids. */
  get size(): number {
    this.apply();
    return this.count;
  }

  /** The value of `id`, or -1 when it is not known. */
  get(id: string): number {
    if (this.queued > 0) this.apply();
    const h = hashOf(id);
    const slots = this.slots;
    const mask = this.mask;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const s = j * STRIDE;
      const start = slots[s]!;
      if (start === 0) return -1;
      if (slots[s + 1] === h && this.equals(start - 1, slots[s + 3]!, id)) return slots[s + 2]!;
    }
  }

  /** Sets the value of `id` (applied before the next `get`). */
  set(id: string, value: number): void {
    const at = this.used;
    const n = id.length;
    if (at + n > this.chars.length) this.chars = grow(this.chars, at + n);
    const chars = this.chars;
    for (let i = 0; i < n; i++) chars[at + i] = id.charCodeAt(i);
    this.used = at + n;
    const q = this.queued++ * STRIDE;
    if (q + STRIDE > this.queue.length) this.queue = grow(this.queue, q + STRIDE);
    const queue = this.queue;
    queue[q] = at;
    queue[q + 1] = n;
    queue[q + 2] = hashOf(id);
    queue[q + 3] = value;
  }

  /** Inserts the queued entries in order. */
  private apply(): void {
    const queue = this.queue;
    const n = this.queued;
    this.queued = 0;
    for (let q = 0; q < n * STRIDE; q += STRIDE) {
      // A load factor of at most 1/2 keeps probe runs short.
      if ((this.count + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
      this.insert(queue[q]!, queue[q + 1]!, queue[q + 2]!, queue[q + 3]!);
    }
  }

  private insert(start: number, length: number, h: number, value: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let s = 0;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      s = j * STRIDE;
      const other = slots[s]!;
      if (other === 0) break;
      if (slots[s + 1] === h && slots[s + 3] === length && this.sameChars(other - 1, start, length)) {
        slots[s + 2] = value;
        return;
      }
    }
    slots[s] = start + 1;
    slots[s + 1] = h;
    slots[s + 2] = value;
    slots[s + 3] = length;
    this.count++;
  }

  private equals(start: number, length: number, id: string): boolean {
    if (length !== id.length) return false;
    const chars = this.chars;
    for (let i = 0; i < length; i++) if (chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private sameChars(a: number, b: number, length: number): boolean {
    const chars = this.chars;
    for (let i = 0; i < length; i++) if (chars[a + i] !== chars[b + i]) return false;
    return true;
  }

  private rehash(size: number): void {
    const old = this.slots;
    const slots = new Int32Array(size * STRIDE);
    const mask = size - 1;
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s] === 0) continue;
      let j = old[s + 1]! & mask;
      while (slots[j * STRIDE] !== 0) j = (j + 1) & mask;
      const t = j * STRIDE;
      slots[t] = old[s]!;
      slots[t + 1] = old[s + 1]!;
      slots[t + 2] = old[s + 2]!;
      slots[t + 3] = old[s + 3]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
