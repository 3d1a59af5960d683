import { z } from 'zod';

/** Staff roles. A user has exactly one. */
export const StaffRole = z.enum(['admin', 'marketer', 'approver', 'support', 'analyst']);
export type StaffRole = z.infer<typeof StaffRole>;

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  marketer: 'Marketer',
  approver: 'Approver',
  support: 'Support agent',
  analyst: 'Analyst (read-only)',
};

/**
 * The one policy table: which staff roles may do what. Every tRPC procedure and
 * every staff REST route names one permission; anything not listed is denied.
 */
export const POLICY = {
  'account.self': ['admin', 'marketer', 'approver', 'support', 'analyst'],
  'programs.read': ['admin', 'marketer', 'approver', 'support', 'analyst'],
  'programs.write': ['admin', 'marketer'],
  'versions.submit': ['admin', 'marketer'],
  'versions.approve': ['approver'],
  'simulations.run': ['admin', 'marketer', 'approver', 'analyst'],
  'rollouts.manage': ['admin', 'marketer'],
  'members.read': ['admin', 'support', 'analyst'],
  'members.write': ['admin', 'support'],
  'members.adjust': ['admin', 'support'],
  'adjustments.approve': ['admin', 'support'],
  'members.merge': ['admin', 'support'],
  'reports.read': ['admin', 'marketer', 'approver', 'analyst'],
  'audit.read': ['admin'],
  'users.manage': ['admin'],
  'apikeys.manage': ['admin'],
  'settings.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/**
 * @example can('marketer', 'programs.write') // true
 * @example can('analyst', 'programs.write') // false
 */
export function can(role: StaffRole, permission: Permission): boolean {
  return (POLICY[permission] as readonly StaffRole[]).includes(role);
}
