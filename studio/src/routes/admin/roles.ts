import type { trpc } from '$lib/trpc';

export type StaffUser = Awaited<ReturnType<typeof trpc.users.list.query>>[number];
export type StaffRole = StaffUser['role'];

/** Roles with what they are for, shown when an admin picks one. */
export const ROLES: readonly { value: StaffRole; label: string; does: string }[] = [
  { value: 'admin', label: 'Administrator', does: 'users, API keys, audit log, and everything support does' },
  { value: 'marketer', label: 'Marketer', does: 'drafts programs, runs simulations and rollouts' },
  { value: 'approver', label: 'Approver', does: 'reviews and approves program versions' },
  { value: 'support', label: 'Support agent', does: 'looks members up, adjusts points, approves colleagues’ adjustments, merges duplicates' },
  { value: 'analyst', label: 'Analyst (read-only)', does: 'reads programs, members and reports' },
];

export const roleLabel = (role: string): string => ROLES.find((r) => r.value === role)?.label ?? role;

/** "finance, marketing-lead" -> ['finance', 'marketing-lead'] */
export function parseCapacities(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

export const PASSWORD_RULE = 'At least 12 characters and not too repetitive; a few unrelated words make a good one. Give it to the person privately.';
