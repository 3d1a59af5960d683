import { z } from 'zod';
import type { DbTx } from '../db';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import type { MemberRow } from '../members';
import { signUpMember, SignUpMemberInput } from '../members';
import { upgradeAfterActivity } from './member-tier';
import type { CustomEventResult } from './process-custom-event';
import { processCustomEvent } from './process-custom-event';
import { runtimeFor } from './program-runtime';
import { requireProgramMember } from './resolve-member';

export const EnrolMemberInput = SignUpMemberInput;
export type EnrolMemberInput = z.input<typeof EnrolMemberInput>;

/**
 * Signs a member up (de-duplicating contacts: an existing contact returns that member with
 * `created: false` and nothing else happens), gives a new member the entry tier and books the
 * `sign-up` event so welcome rules pay out, all in one transaction.
 * @example enrolMember({ ctx: { db }, input: { programId, phone: '0612345678', defaultCountry: 'NL' } })
 * // { member, created: true, signUp: { points: 100, ... } }
 */
export function enrolMember({ ctx, input }: { ctx: { db: DbTx }; input: EnrolMemberInput }): { member: MemberRow; created: boolean; signUp: CustomEventResult | null } {
  return ctx.db.transaction((tx) => {
    const { member, created } = signUpMember({ ctx: { db: tx }, input });
    if (!created) return { member, created, signUp: null };
    const runtime = runtimeFor(tx, member.programId, member.id);
    upgradeAfterActivity(tx, { spec: runtime.spec, member, localDate: runtime.compiled.windowsAt(Date.parse(member.joinedAt)).day, at: member.joinedAt });
    const signUp = processCustomEvent({
      ctx: { db: tx },
      input: { programId: member.programId, member: { memberId: member.id }, kind: 'sign-up', eventRef: `sign-up:${member.id}`, occurredAt: member.joinedAt },
    });
    return { member: requireProgramMember(tx, member.programId, member.id), created, signUp };
  }, WRITE_TRANSACTION);
}
