import { describe, expect, it } from 'vitest';
import { TEMPLATE_ROOTS, TEMPLATE_VARIABLES, isKnownTemplateVariable, listTemplateVariables } from './template-variables';

describe('listTemplateVariables', () => {
  it('lists output variables once, in order, ignoring filters', () => {
    expect(listTemplateVariables('Hi {{ member.firstName | default: "friend" }}, {{points.balance}} {{ member.firstName }}')).toEqual([
      'member.firstName',
      'points.balance',
    ]);
  });

  it('reads dotted names inside tags but not inside strings', () => {
    const body = '{% if tier.name == "member.vip" and points.expiring > 0 %}Use {{ points.expiring }}{% endif %}';
    expect(listTemplateVariables(body)).toEqual(['tier.name', 'points.expiring']);
  });

  it('handles whitespace control and text without variables', () => {
    expect(listTemplateVariables('{{- reward.code -}}')).toEqual(['reward.code']);
    expect(listTemplateVariables('No placeholders, see example.com')).toEqual([]);
  });
});

describe('template variable catalog', () => {
  it('covers every root and has unique paths', () => {
    const paths = TEMPLATE_VARIABLES.map((v) => v.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const root of TEMPLATE_ROOTS) expect(paths.some((p) => p.startsWith(`${root}.`))).toBe(true);
    expect(paths.every((p) => TEMPLATE_ROOTS.some((r) => p.startsWith(`${r}.`)))).toBe(true);
    expect(isKnownTemplateVariable('member.firstName')).toBe(true);
    expect(isKnownTemplateVariable('member.password')).toBe(false);
  });
});
