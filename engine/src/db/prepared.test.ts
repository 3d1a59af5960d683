import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { preparedQuery, preparedSql } from './prepared';
import { systemSettings } from './schema';

const first = tempDatabase();
const second = tempDatabase();
afterAll(() => {
  first.cleanup();
  second.cleanup();
});

const settingByKey = preparedQuery((db) => db.select().from(systemSettings).where(eq(systemSettings.key, sql.placeholder('key'))).prepare());
const insertSetting = preparedQuery((db) => db.insert(systemSettings).values({ key: sql.placeholder('key'), value: sql.placeholder('value') }).prepare());
const settingCount = preparedSql<{ n: number }>('select count(*) as n from system_settings where key like ?');

describe('prepared queries', () => {
  it('are compiled once per connection and run against that connection only', () => {
    insertSetting(first.db).run({ key: 'prep.a', value: 'one' });
    expect(settingByKey(first.db).get({ key: 'prep.a' })?.value).toBe('one');
    expect(settingByKey(second.db).get({ key: 'prep.a' })).toBeUndefined();
    expect(settingByKey(first.db)).toBe(settingByKey(first.db));
    expect(settingByKey(first.db)).not.toBe(settingByKey(second.db));
  });

  it('take part in the transaction of the handle they are called with, savepoints included', () => {
    const rollback = new Error('rollback');
    expect(() =>
      first.db.transaction((tx) => {
        insertSetting(tx).run({ key: 'prep.b', value: 'two' });
        tx.transaction((inner) => insertSetting(inner).run({ key: 'prep.c', value: 'three' }));
        expect(settingCount(tx).get('prep.%')?.n).toBe(3);
        throw rollback;
      }),
    ).toThrow(rollback);
    expect(settingCount(first.db).get('prep.%')?.n).toBe(1);
  });
});
