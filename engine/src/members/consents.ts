import { z } from 'zod';
import type { MemberConsents } from '../db/schema';

/** Consent answers per channel; absent channels are left as they were. */
export const ConsentsInput = z.object({ email: z.boolean().optional(), sms: z.boolean().optional(), push: z.boolean().optional() }).default({});
export type ConsentsInput = z.input<typeof ConsentsInput>;

/**
 * Applies new consent answers, stamping only channels whose answer changed.
 * @example applyConsents({}, { email: true }, now) // { email: { granted: true, at: now } }
 */
export function applyConsents(current: MemberConsents, answers: z.infer<typeof ConsentsInput>, at: string): MemberConsents {
  const next: MemberConsents = { ...current };
  for (const channel of ['email', 'sms', 'push'] as const) {
    const granted = answers[channel];
    if (granted === undefined || current[channel]?.granted === granted) continue;
    next[channel] = { granted, at };
  }
  return next;
}
