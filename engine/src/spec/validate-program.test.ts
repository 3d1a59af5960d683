import { describe, expect, it } from 'vitest';
import { beanClubInput } from './fixtures';
import { validateProgram } from './validate-program';

describe('validateProgram', () => {
  it('accepts the fixture', () => {
    const r = validateProgram(beanClubInput);
    expect(r.ok).toBe(true);
    expect(r.spec?.program.name).toBe('Bean Club');
  });

  it('labels shape errors with the item they concern', () => {
    const input = structuredClone(beanClubInput) as unknown as { earningRules: { effect: unknown }[] };
    input.earningRules[2]!.effect = { kind: 'multiplier', factor: 0.5 };
    const r = validateProgram(input);
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      {
        severity: 'error',
        code: 'invalid-value',
        collection: 'earningRules',
        itemId: 'rule-double-weekend',
        path: ['earningRules', 2, 'effect', 'factor'],
        message: "Rule 'Double points weekend': effect.factor: a multiplier must be more than 1",
      },
    ]);
  });

  it('labels program-level shape errors', () => {
    const r = validateProgram({ program: { name: 'X', currency: 'eur' } });
    expect(r.issues[0]?.message).toBe('Program: currency: use a three-letter currency code such as EUR or USD');
  });

  it('returns the parsed spec with reference errors', () => {
    const input = structuredClone(beanClubInput);
    input.earningRules[0]!.groupId = 'nope';
    const r = validateProgram(input);
    expect(r.ok).toBe(false);
    expect(r.spec).toBeDefined();
    expect(r.issues[0]?.code).toBe('unknown-reference');
  });
});
