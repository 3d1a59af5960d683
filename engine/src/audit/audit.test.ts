import { afterAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { appendAudit } from './append-audit';
import { verifyAudit } from './verify-audit';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const actor = { type: 'staff' as const, id: 'u-1' };

describe('audit log', () => {
  it('chains entries so that the whole history verifies', () => {
    appendAudit(db, { actor, action: 'program.created', entityType: 'program', entityId: 'p-1', after: { name: 'Bean Club' } });
    appendAudit(db, { actor, action: 'member.adjusted', entityType: 'member', entityId: 'm-1', before: { available: 10 }, after: { available: 60 }, reason: 'Goodwill' });
    appendAudit(db, { actor: { type: 'system', id: 'rollout' }, action: 'rollout.paused', entityType: 'rollout', entityId: 'r-1' });
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 3 });
  });

  it('cannot be changed or deleted through the database', () => {
    expect(() => db.$client.prepare("update audit_log set reason = 'x' where seq = 2").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('delete from audit_log where seq = 1').run()).toThrow(/append-only/);
  });

  it('detects tampering by someone who bypasses the triggers', () => {
    const sqlite = db.$client;
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare("update audit_log set after = '{\"available\":6000}' where seq = 2").run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, problem: 'content was changed after it was written' });
  });
});
