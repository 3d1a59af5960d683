import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { openDatabase } from './connection';
import { enableGroupCommit, GroupCommitLost } from './group-commit';
import { systemSettings } from './schema';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { db, file, cleanup } = tempDatabase();
  const group = enableGroupCommit(db.$client);
  // A second connection sees only what is committed, as another process would.
  const other = openDatabase(file);
  cleanups.push(() => other.$client.close(), cleanup);
  const put = (key: string) => db.transaction((tx) => tx.insert(systemSettings).values({ key, value: 'v' }).run(), { behavior: 'immediate' });
  const committed = () => other.select({ key: systemSettings.key }).from(systemSettings).all().map((r) => r.key).filter((k) => k.startsWith('g.')).sort();
  return { db, group, put, committed };
}

describe('group commit', () => {
  it('commits the transactions of one event-loop turn together, visible to others only after durable()', async () => {
    const { group, put, committed } = setup();
    const ticket = group.ticket();
    const before = group.commits;
    put('g.1');
    put('g.2');
    put('g.3');
    expect(committed()).toEqual([]);
    await group.durable(ticket);
    expect(committed()).toEqual(['g.1', 'g.2', 'g.3']);
    expect(group.commits - before).toBe(1);
    await group.durable(ticket); // nothing open: resolves at once
  });

  it('keeps each transaction atomic: a failing one rolls back alone', async () => {
    const { db, group, put, committed } = setup();
    const ticket = group.ticket();
    put('g.a');
    expect(() =>
      db.transaction((tx) => {
        tx.insert(systemSettings).values({ key: 'g.b', value: 'v' }).run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    put('g.c');
    await group.durable(ticket);
    expect(committed()).toEqual(['g.a', 'g.c']);
  });

  it('tells every running request when SQLite gave the group up', async () => {
    const { db, group, put, committed } = setup();
    const ticket = group.ticket();
    put('g.x');
    db.$client.prepare('ROLLBACK').run(); // what SQLite does itself on a disk-full or I/O error
    await expect(group.durable(ticket)).rejects.toBeInstanceOf(GroupCommitLost);
    expect(committed()).toEqual([]);
    // Later requests are not affected.
    const next = group.ticket();
    put('g.y');
    await group.durable(next);
    expect(committed()).toEqual(['g.y']);
    expect(db.select().from(systemSettings).where(eq(systemSettings.key, 'g.x')).get()).toBeUndefined();
  });

  it('leaves read (deferred) transactions alone: they neither open a group nor wait', async () => {
    const { db, group, put, committed } = setup();
    db.transaction((tx) => tx.select().from(systemSettings).all());
    expect(db.$client.inTransaction).toBe(false);
    const ticket = group.ticket();
    put('g.r');
    db.transaction((tx) => tx.select().from(systemSettings).all()); // nests inside the open group
    expect(db.$client.inTransaction).toBe(true);
    await group.durable(ticket);
    expect(committed()).toEqual(['g.r']);
  });

  it('is enabled once per connection', () => {
    const { db, group } = setup();
    expect(enableGroupCommit(db.$client)).toBe(group);
  });
});
