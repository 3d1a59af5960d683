/**
 * Growable typed-array columns and a string interner: how imported histories are held in memory
 * (a few bytes per invoice line instead of an object per line).
 */

/** A growable Float64Array. */
export class F64Column {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
}

/** A growable Int32Array. */
export class I32Column {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] ?? -1;
  }
}

/**
 * Maps strings to dense ids 0, 1, 2... and back.
 * @example const skus = new Interner(); skus.id('85123A') // 0; skus.value(0) // '85123A'
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
  value(id: number): string {
    return this.values[id] ?? '';
  }
  get size(): number {
    return this.values.length;
  }
}
