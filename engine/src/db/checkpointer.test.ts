import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { startCheckpointer } from './checkpointer';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('background checkpointer', () => {
  it('copies committed WAL pages into the database file from its own thread', async () => {
    const { db, file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointer = startCheckpointer(db, file, 50);
    cleanups.push(() => checkpointer.stop());
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const before = fs.statSync(file).size;
    db.$client.exec('create table filler (n integer primary key, pad blob)');
    const insert = db.$client.prepare('insert into filler (pad) values (randomblob(2000))');
    db.$client.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run();
    })();
    // The writer's own connection stays below its backstop, so the database file only grows when
    // the thread copies the pages over.
    const deadline = Date.now() + 10_000;
    // Wait for the whole copy: the file grows while the thread writes the pages.
    const copied = () => fs.statSync(file).size > before + 500 * 2000;
    while (!copied() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 500 * 2000);
  });

  it('starts the WAL over under steady writes instead of letting it grow to the backstop', async () => {
    const { db, file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    const checkpointer = startCheckpointer(db, file, 20);
    cleanups.push(() => checkpointer.stop());
    db.$client.exec('create table filler (n integer primary key, pad blob)');
    const insert = db.$client.prepare('insert into filler (pad) values (randomblob(3000))');
    // One small commit at a time, as a server does: ~10,000 frames in all, so without a restart
    // the WAL would pass 30 MB.
    const frameBytes = 4096 + 24;
    let largest = 0;
    for (let i = 0; i < 5_000; i++) {
      insert.run();
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
      largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
    }
    // A restarted WAL is overwritten from its start, so the file stops growing near the threshold.
    expect(largest / frameBytes).toBeLessThan(4_000);
    expect(db.$client.prepare('select count(*) as n from filler').get()).toEqual({ n: 5_000 });
  });

  it('stops cleanly', async () => {
    const { db, file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    await startCheckpointer(db, file, 20).stop();
  });
});
