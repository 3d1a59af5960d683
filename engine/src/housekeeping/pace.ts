/**
 * Lets other work on the event loop run: better-sqlite3 is synchronous, so a long housekeeping run
 * over a large program would otherwise stall everything else in the process (the Temporal worker's
 * other activities and workflow tasks) until it finished.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Calls `fn` for each item (each call is its own short write transaction), yielding to the event
 * loop after every `batchSize` items.
 * @example await forEachInBatches(memberIds, 200, (id) => releasePending({ ctx: { db }, input: { memberId: id } }))
 */
export async function forEachInBatches<T>(items: readonly T[], batchSize: number, fn: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    fn(items[i] as T);
    if ((i + 1) % batchSize === 0) await yieldToEventLoop();
  }
}
