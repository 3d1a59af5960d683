/**
 * Iteration helpers shared by the datasets.
 */

/**
 * Wraps a synchronous iterable as an async one without an async generator per item: `next()`
 * returns an already-resolved promise, which is as cheap as `for await` gets.
 * @example for await (const e of toAsync([1, 2, 3])) console.log(e);
 */
export function toAsync<T>(source: Iterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const it = source[Symbol.iterator]();
      return {
        next: () => Promise.resolve(it.next()),
        return: (value?: unknown) => Promise.resolve(it.return?.(value) ?? { done: true as const, value: undefined }),
      };
    },
  };
}

/**
 * Groups an iterable into arrays of up to `size` items (the last may be shorter). Useful to hand a
 * replay worker batches instead of single events.
 * @example [...batches([1, 2, 3], 2)] // [[1, 2], [3]]
 */
export function* batches<T>(source: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
