import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, POLICY, StaffRole } from './policy';

describe('policy table', () => {
  it('gives the read-only analyst no permission that changes anything', () => {
    const analystCan = PERMISSIONS.filter((p) => can('analyst', p));
    expect(analystCan.every((p) => p.endsWith('.read') || p === 'simulations.run' || p === 'account.self')).toBe(true);
  });

  it('keeps approving apart from authoring', () => {
    expect(POLICY['versions.approve']).toEqual(['approver']);
    for (const role of POLICY['programs.write']) expect(can(role, 'versions.approve')).toBe(false);
  });

  it('reserves user, key, settings and audit administration for admins', () => {
    for (const p of ['users.manage', 'apikeys.manage', 'settings.manage', 'audit.read'] as const) expect(POLICY[p]).toEqual(['admin']);
  });

  it('names only known roles', () => {
    for (const roles of Object.values(POLICY)) for (const r of roles) expect(StaffRole.options).toContain(r);
  });
});
