import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify-audit';
import { getBalance } from '../ledger/get-balance';
import { verifyLedger } from '../ledger/verify-ledger';
import { signUpMember } from '../members/sign-up-member';
import { createProgram } from '../programs';
import { blankProgram } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { staffMember } from '../testing/staff';
import { decideAdjustment, requestAdjustment } from '.';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId } = createProgram({ ctx: { db }, input: { spec: blankProgram('Club'), author: 'system' } });
const member = signUpMember({ ctx: { db }, input: { programId, email: 'kim@example.com' } }).member;
const agent = staffMember(db, 'support', 'Sam');
const lead = staffMember(db, 'support', 'Lea');
const available = () => getBalance({ ctx: { db }, input: { programId, memberId: member.id } }).available;
const reason = 'Goodwill for a delayed delivery';

describe('manual adjustments', () => {
  it('applies a small adjustment at once, with reason and audit entry', () => {
    const r = requestAdjustment({ ctx: { db, staff: agent, approvalThreshold: 500 }, input: { programId, memberId: member.id, points: 120, reason } });
    expect(r.status).toBe('applied');
    expect(available()).toBe(120);
  });

  it('needs a reason worth keeping', () => {
    expect(() => requestAdjustment({ ctx: { db, staff: agent, approvalThreshold: 500 }, input: { programId, memberId: member.id, points: 5, reason: 'x' } })).toThrow(
      /at least 10 characters/,
    );
  });

  it('holds a large adjustment for a second person, who is not the requester', () => {
    const r = requestAdjustment({ ctx: { db, staff: agent, approvalThreshold: 500 }, input: { programId, memberId: member.id, points: 2000, reason } });
    expect(r.status).toBe('pending');
    expect(available()).toBe(120);
    expect(() => decideAdjustment({ ctx: { db, staff: agent }, input: { requestId: r.id, approve: true } })).toThrow(/second person/);
    decideAdjustment({ ctx: { db, staff: lead }, input: { requestId: r.id, approve: true, note: 'Checked the order' } });
    expect(available()).toBe(2120);
    expect(() => decideAdjustment({ ctx: { db, staff: lead }, input: { requestId: r.id, approve: true } })).toThrow(/already applied/);
  });

  it('lets the second person reject, and nothing moves', () => {
    const r = requestAdjustment({ ctx: { db, staff: agent, approvalThreshold: 500 }, input: { programId, memberId: member.id, points: -1500, reason } });
    decideAdjustment({ ctx: { db, staff: lead }, input: { requestId: r.id, approve: false, note: 'Not justified' } });
    expect(available()).toBe(2120);
  });

  it('refuses staff crediting their own member account, by link or by email', () => {
    const own = signUpMember({ ctx: { db }, input: { programId, email: 'own@example.com' } }).member;
    const linked = { ...staffMember(db, 'support', 'Max'), memberId: own.id };
    expect(() => requestAdjustment({ ctx: { db, staff: linked, approvalThreshold: 500 }, input: { programId, memberId: own.id, points: 50, reason } })).toThrow(
      /your own member account/,
    );
    const byEmail = { ...staffMember(db, 'support', 'Kim'), email: 'kim@example.com' };
    expect(() => requestAdjustment({ ctx: { db, staff: byEmail, approvalThreshold: 500 }, input: { programId, memberId: member.id, points: 50, reason } })).toThrow(
      /your own member account/,
    );
  });

  it('keeps the books balanced and the audit chain intact', () => {
    expect(verifyLedger(db).ok).toBe(true);
    expect(verifyAudit(db).ok).toBe(true);
  });
});
