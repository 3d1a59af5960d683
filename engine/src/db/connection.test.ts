import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '.';

const dirs: string[] = [];
function freshDb(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-db-'));
  dirs.push(dir);
  const file = path.join(dir, 'nested', 'loyalty.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return { db, file };
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, a busy timeout and foreign keys on', () => {
    const { db, file } = freshDb();
    expect(fs.existsSync(file)).toBe(true);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies the committed migrations once, and again without harm', () => {
    const { db } = freshDb();
    migrateDatabase(db);
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['programs', 'program_versions', 'system_settings', 'maintenance_runs']));
  });

  it('refuses to change or delete a saved program version', () => {
    const { db } = freshDb();
    const sqlite = db.$client;
    sqlite.prepare("insert into programs (id, name, created_by) values ('p', 'P', 'ana')").run();
    sqlite
      .prepare("insert into program_versions (id, program_id, number, content_hash, spec, author) values ('v1', 'p', 1, 'h', '{}', 'ana')")
      .run();
    expect(() => sqlite.prepare("update program_versions set spec = '{\"x\":1}' where id = 'v1'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("delete from program_versions where id = 'v1'").run()).toThrow(/immutable/);
    expect(sqlite.prepare("select spec from program_versions where id = 'v1'").pluck().get()).toBe('{}');
  });

  it('enforces foreign keys', () => {
    const { db } = freshDb();
    expect(() =>
      db.$client
        .prepare("insert into program_versions (id, program_id, number, content_hash, spec, author) values ('v1', 'missing', 1, 'h', '{}', 'ana')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('statement cache', () => {
  it('hands a reused statement back in plain row mode, whatever the last caller switched on', () => {
    const { db } = freshDb();
    const sqlite = db.$client;
    sqlite.prepare("insert into system_settings (key, value) values ('a', '1')").run();
    const sql = "select key, value from system_settings where key = 'a'";
    expect(sqlite.prepare(sql).pluck().get()).toBe('a');
    expect(sqlite.prepare(sql).raw().get()).toEqual(['a', '1']);
    expect(sqlite.prepare(sql).get()).toEqual({ key: 'a', value: '1' });
    expect(sqlite.prepare(sql)).toBe(sqlite.prepare(sql));
  });
});
