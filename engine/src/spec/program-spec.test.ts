import { describe, expect, it } from 'vitest';
import { checkProgram } from './check-program';
import { beanClub, beanClubInput } from './fixtures';
import { ProgramSpec, blankProgram } from './program-spec';

describe('ProgramSpec', () => {
  it('parses a minimal program with defaults', () => {
    const spec = ProgramSpec.parse({ program: { name: 'X' } });
    expect(spec.specVersion).toBe(1);
    expect(spec.program).toMatchObject({ name: 'X', pointsName: 'Points', currency: 'EUR', timezone: 'UTC', defaultLocale: 'en', locales: ['en'] });
    expect(spec.program.approval).toEqual({ requiredApproverRoles: ['marketing-lead'], reminderAfterHours: 24 });
    expect(spec.tierPolicy.retention).toEqual({ evaluate: 'window-end', downgrade: 'one-tier', graceDays: 0 });
    expect(spec.pointsLifecycle).toEqual({ pendingDays: 0, expiry: { kind: 'none' }, rounding: 'floor' });
    expect(spec.communication.consentRequired).toEqual({ email: true, sms: true, push: true, receipt: true });
    expect(spec.earningRules).toEqual([]);
    expect(checkProgram(spec)).toEqual([]);
  });

  it('requires a program name and rejects other spec versions', () => {
    expect(ProgramSpec.safeParse({}).success).toBe(false);
    expect(ProgramSpec.safeParse({ program: { name: '  ' } }).success).toBe(false);
    expect(ProgramSpec.safeParse({ specVersion: 2, program: { name: 'X' } }).success).toBe(false);
  });

  it('validates currency, time zone and locales', () => {
    const bad = (program: object) => ProgramSpec.safeParse({ program: { name: 'X', ...program } }).error?.issues[0]?.message;
    expect(bad({ currency: 'euro' })).toContain('three-letter currency code');
    expect(bad({ timezone: 'Mars/Olympus' })).toContain('time zone');
    expect(bad({ locales: ['EN'] })).toContain('language code');
    expect(bad({ pointValue: 0 })).toContain('more than 0');
    expect(ProgramSpec.safeParse({ program: { name: 'X', timezone: 'America/New_York' } }).success).toBe(true);
  });

  it('blankProgram gives a clean program with a base group', () => {
    const spec = blankProgram('Bean Club');
    expect(spec.program.name).toBe('Bean Club');
    expect(spec.promotionGroups).toEqual([{ id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' }]);
    expect(checkProgram(spec)).toEqual([]);
  });

  it('parses the rich fixture without issues and fills defaults', () => {
    const spec = beanClub();
    expect(checkProgram(spec)).toEqual([]);
    expect(spec.earningRules.map((r) => r.groupId)).toEqual(['base', 'base', 'campaigns', 'campaigns', 'base']);
    expect(spec.earningRules[0]?.enabled).toBe(true);
    expect(spec.rewards[1]?.validityDays).toBe(30);
    expect(spec.journeys[0]?.reentry).toBe('once');
    expect(new Set(spec.messages.flatMap((m) => m.variants.map((v) => v.locale)))).toEqual(new Set(['en', 'de', 'fr']));
  });

  it('round-trips: a parsed spec parses to itself', () => {
    const spec = beanClub();
    expect(ProgramSpec.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('does not share state between fixture copies', () => {
    const a = beanClub();
    a.tiers.pop();
    expect(beanClub().tiers).toHaveLength(3);
    expect(beanClubInput.tiers).toHaveLength(3);
  });
});
