export * as schema from './schema';
export { openDatabase, migrateDatabase, withoutSavepoints, MIGRATIONS_DIR, type Db, type DbTx } from './connection';
export { placeholders, preparedInsert, preparedQuery, preparedSelect, preparedSql, type InsertRow } from './prepared';
export { enableGroupCommit, GroupCommit, GroupCommitLost } from './group-commit';
export { startCheckpointer, type Checkpointer } from './checkpointer';
export { decodePageCursor, encodePageCursor, olderThan, rowidOf, type PageCursor } from './page-cursor';
export { writeBatch, type BatchOutcome } from './write-batch';
