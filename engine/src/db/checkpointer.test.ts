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
    while (fs.statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 500 * 2000);
  });

  it('stops cleanly', async () => {
    const { db, file, cleanup } = tempDatabase();
    cleanups.push(cleanup);
    await startCheckpointer(db, file, 20).stop();
  });
});
