import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { activeTemplateProgram } from '../events/test-fixtures';
import { preparedInsert, preparedQuery, preparedSelect, preparedSql } from './prepared';
import { outbox, purchaseLines, purchases, systemSettings } from './schema';

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

const insertEvent = preparedInsert(outbox, ['id', 'type', 'programId', 'memberId', 'payload', 'createdAt'], { ignoreConflicts: true });
const insertPurchase = preparedInsert(purchases, ['id', 'programId', 'storeId', 'registerId', 'receiptNumber', 'memberId', 'versionId', 'channel', 'paymentMethod', 'occurredAt', 'localDate', 'total', 'itemCount', 'points', 'earnTransactionId', 'awards']);
const insertLine = preparedInsert(purchaseLines, ['purchaseId', 'lineRef', 'sku', 'category', 'brand', 'quantity', 'price', 'isOnSale']);

describe('prepared inserts', () => {
  it('store rows that drizzle reads back as written: JSON and booleans mapped, null kept, conflicts ignored when asked', () => {
    const { db } = first;
    const { programId, versionId } = activeTemplateProgram(db);
    const at = '2026-11-18T10:00:00.000Z';
    insertEvent(db).run({ id: 'ins-1', type: 'points-earned', programId, memberId: null, payload: { points: 5, lines: ['1', '2'] }, createdAt: at });
    insertEvent(db).run({ id: 'ins-1', type: 'replayed', programId, memberId: null, payload: {}, createdAt: at });
    expect(db.select().from(outbox).where(eq(outbox.id, 'ins-1')).get()).toMatchObject({ type: 'points-earned', memberId: null, payload: { points: 5, lines: ['1', '2'] }, createdAt: at });

    insertPurchase(db).run({ id: 'ins-p', programId, storeId: 's', registerId: '1', receiptNumber: 'R', memberId: null, versionId, channel: 'store', paymentMethod: null, occurredAt: at, localDate: '2026-11-18', total: 12.5, itemCount: 2, points: 0, earnTransactionId: null, awards: null });
    const line = { purchaseId: 'ins-p', sku: 'SKU', category: null, brand: 'b', quantity: 1, price: 6.25 };
    insertLine(db).run({ ...line, lineRef: '1', isOnSale: true });
    insertLine(db).run({ ...line, lineRef: '2', isOnSale: false });
    insertLine(db).run({ ...line, lineRef: '3', isOnSale: null });
    const lines = db.select().from(purchaseLines).where(eq(purchaseLines.purchaseId, 'ins-p')).orderBy(purchaseLines.lineRef).all();
    expect(lines.map((l) => [l.lineRef, l.isOnSale, l.category, l.price])).toEqual([
      ['1', true, null, 6.25],
      ['2', false, null, 6.25],
      ['3', null, null, 6.25],
    ]);
    expect(() => insertPurchase(db).run({ id: 'ins-p', programId, storeId: 's', registerId: '1', receiptNumber: 'R2', memberId: null, versionId, channel: 'store', paymentMethod: null, occurredAt: at, localDate: '2026-11-18', total: 1, itemCount: 1, points: 0, earnTransactionId: null, awards: null })).toThrow(/UNIQUE/);
  });
});

describe('prepared selects', () => {
  it('read rows as drizzle does: JSON parsed, booleans mapped, null kept', () => {
    const { db } = second;
    const { programId, versionId } = activeTemplateProgram(db);
    insertPurchase(db).run({ id: 'sel-p', programId, storeId: 's', registerId: '1', receiptNumber: 'S', memberId: null, versionId, channel: 'store', paymentMethod: null, occurredAt: '2026-11-18T10:00:00.000Z', localDate: '2026-11-18', total: 2, itemCount: 2, points: 3, earnTransactionId: null, awards: [{ ruleId: 'r', points: 3, lines: null }] });
    for (const [lineRef, isOnSale] of [['1', null], ['2', true]] as const) insertLine(db).run({ purchaseId: 'sel-p', lineRef, sku: 'SKU', category: null, brand: 'b', quantity: 1, price: 1, isOnSale });
    const purchaseById = preparedSelect(purchases, 'id = ?');
    const lineOf = preparedSelect(purchaseLines, 'purchase_id = ? and line_ref = ?');
    expect(purchaseById(db).get('sel-p')).toEqual(db.select().from(purchases).where(eq(purchases.id, 'sel-p')).get());
    expect(purchaseById(db).get('sel-p')?.awards).toEqual([{ ruleId: 'r', points: 3, lines: null }]);
    for (const lineRef of ['1', '2']) {
      expect(lineOf(db).get('sel-p', lineRef)).toEqual(db.select().from(purchaseLines).where(eq(purchaseLines.lineRef, lineRef)).get());
    }
    expect(lineOf(db).get('sel-p', '2')?.isOnSale).toBe(true);
    expect(purchaseById(db).get('none')).toBeUndefined();
  });
});
