import { describe, expect, it } from 'vitest';
import { renderPreview, sampleData, unknownVariables } from './preview';

const text = (body: string) => renderPreview(body, sampleData({ name: 'Bean Club', pointsName: 'Beans' })).map((p) => p.text).join('');

describe('message preview', () => {
  it('fills in sample member data', () => {
    expect(text('Hi {{ member.firstName }}, you have {{points.balance}} {{ program.pointsName }}.')).toBe('Hi Anna, you have 1200 Beans.');
  });
  it('uses default filters and drops tags', () => {
    expect(text('{% if tier.name %}Hi {{ member.nickname | default: "friend" }}{% endif %}')).toBe('Hi friend');
  });
  it('keeps unknown variables visible and lists them', () => {
    const parts = renderPreview('Hi {{ member.nme }}', sampleData());
    expect(parts.at(-1)).toEqual({ kind: 'unknown', text: '{{ member.nme }}' });
    expect(unknownVariables('Hi {{ member.nme }} {{ member.firstName }}')).toEqual(['member.nme']);
  });
});
