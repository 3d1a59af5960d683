import { describe, expect, it } from 'vitest';
import { checkProgram } from './check-program';
import { beanClub } from './fixtures';
import type { ProgramSpec } from './program-spec';

const check = (mutate: (s: ProgramSpec) => void) => {
  const spec = beanClub();
  mutate(spec);
  return checkProgram(spec);
};

describe('checkProgram', () => {
  it('finds nothing in the fixture', () => {
    expect(checkProgram(beanClub())).toEqual([]);
  });

  it('rejects duplicate ids within a collection', () => {
    const issues = check((s) => {
      s.rewards.push({ ...s.rewards[0]!, name: 'Copy' });
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate-id', collection: 'rewards', itemId: 'reward-free-coffee', path: ['rewards', 3, 'id'], message: "Reward 'Copy': the id 'reward-free-coffee' is already used by another entry; ids must be unique" }),
    ]);
  });

  it('rejects tier thresholds that do not increase, and a first tier above 0', () => {
    const issues = check((s) => {
      s.tiers[0]!.threshold = 10;
      s.tiers[2]!.threshold = 500;
    });
    expect(issues.map((i) => i.code)).toEqual(['first-tier-threshold', 'tier-thresholds-not-increasing']);
    expect(issues[1]?.message).toBe("Tier 'Gold': its threshold 500 must be higher than that of 'Silver' (500); list tiers from lowest to highest");
  });

  it('rejects a main language missing from the languages', () => {
    const issues = check((s) => {
      s.program.locales = ['de', 'fr'];
    });
    expect(issues[0]).toMatchObject({ code: 'missing-default-locale', path: ['program', 'locales'] });
    expect(issues.filter((i) => i.code === 'locale-not-in-program').every((i) => i.severity === 'warning')).toBe(true);
  });

  it('rejects a rule in an unknown group', () => {
    const issues = check((s) => {
      s.earningRules[1]!.groupId = 'promo';
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown-reference', itemId: 'rule-pastry-bonus', path: ['earningRules', 1, 'groupId'], message: "Rule 'Pastry bonus': promotion group 'promo' does not exist" }),
    ]);
  });

  it('checks rule conditions and item filters against the catalog', () => {
    const issues = check((s) => {
      s.earningRules[2]!.condition = { op: 'gte', field: 'event.totl', value: 10 };
      s.earningRules[1]!.effect = { kind: 'per-item', points: 5, itemsWhere: { op: 'eq', field: 'item.categry', value: 'pastry' } };
    });
    expect(issues.map((i) => i.message)).toEqual([
      "Rule 'Pastry bonus': 'item.categry' is not a field conditions can use (did you mean 'item.category'?)",
      "Rule 'Double points weekend': 'event.totl' is not a field conditions can use (did you mean 'event.total'?)",
    ]);
    expect(issues[0]?.path).toEqual(['earningRules', 1, 'effect', 'itemsWhere', 'field']);
  });

  it('checks member.tier values against the tiers', () => {
    const issues = check((s) => {
      s.earningRules[3]!.condition = { op: 'eq', field: 'member.tier', value: 'platinum' };
    });
    expect(issues[0]?.message).toContain("'platinum', which is not a tier of this program");
  });

  it('rejects rewards for unknown tiers and event fields in eligibility', () => {
    const issues = check((s) => {
      s.rewards[2]!.minTierId = 'diamond';
      s.rewards[2]!.eligibility = { op: 'gt', field: 'event.total', value: 5 };
    });
    expect(issues.map((i) => i.code)).toEqual(['unknown-reference', 'field-not-allowed-here']);
  });

  it('rejects segments that refer to unknown or circular segments', () => {
    const unknown = check((s) => {
      s.segments[0]!.condition = { op: 'in-segment', segmentId: 'seg-nope' };
    });
    expect(unknown[0]?.message).toBe("Segment 'Lapsed regulars': segment 'seg-nope' does not exist");
    const circle = check((s) => {
      s.segments[0]!.condition = { op: 'in-segment', segmentId: 'seg-email-ok' };
      s.segments[1]!.condition = { op: 'not', condition: { op: 'in-segment', segmentId: 'seg-lapsed' } };
    });
    expect(circle.map((i) => i.itemId)).toEqual(['seg-lapsed', 'seg-email-ok']);
    expect(circle[0]?.message).toContain('in a circle');
  });

  it('checks messages: main language, duplicates, email subject, unknown variables', () => {
    const issues = check((s) => {
      const m = s.messages[0]!;
      m.variants = [
        { locale: 'de', subject: '', body: 'Hallo {{ member.firstname }}' },
        { locale: 'de', subject: 'Hi', body: 'x' },
      ];
    });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['missing-default-locale', 'error'],
      ['missing-subject', 'error'],
      ['unknown-template-variable', 'warning'],
      ['duplicate-id', 'error'],
    ]);
    expect(issues[2]?.message).toBe("Message 'Welcome email': '{{ member.firstname }}' in the 'de' body is not a known variable (did you mean 'member.firstName'?)");
  });

  it('checks journey references and pins issues to steps', () => {
    const issues = check((s) => {
      const j = s.journeys[1]!;
      j.entryStepId = 'start';
      j.trigger = { kind: 'segment-entry', segmentId: 'seg-gone' };
      const send = j.steps[3]!;
      if (send.kind === 'send') send.messageId = 'msg-gone';
      const branch = j.steps[2]!;
      if (branch.kind === 'branch') branch.else = 'nowhere';
    });
    expect(issues.map((i) => [i.code, i.stepId ?? null, i.path.slice(2).join('.')])).toEqual([
      ['unknown-reference', null, 'entryStepId'],
      ['unknown-reference', null, 'trigger.segmentId'],
      ['unknown-reference', 'has-email', 'steps.2.else'],
      ['unknown-reference', 'send-miss-you', 'steps.3.messageId'],
    ]);
    expect(issues[2]?.message).toBe("Journey 'Win back lapsed regulars', step 'has-email': it leads to step 'nowhere', which does not exist");
  });

  it('warns about unreachable steps and rejects loops without a wait', () => {
    const issues = check((s) => {
      const j = s.journeys[0]!;
      j.steps.push({ id: 'orphan', kind: 'exit' });
      const award = j.steps[2]!;
      if (award.kind === 'award') award.next = 'send-welcome';
    });
    expect(issues.map((i) => [i.code, i.severity, i.stepId])).toEqual([
      ['unreachable-step', 'warning', 'orphan'],
    ]);
    const loop = check((s) => {
      const j = s.journeys[1]!;
      const send = j.steps[3]!;
      if (send.kind === 'send') send.next = 'split';
    });
    expect(loop.map((i) => i.code)).toEqual(['loop-without-wait']);
  });

  it('rejects duplicate step ids and journey audience segments that do not exist', () => {
    const issues = check((s) => {
      const j = s.journeys[0]!;
      j.audienceSegmentId = 'seg-nope';
      j.steps[3] = { id: 'nudge-bonus', kind: 'exit' };
    });
    expect(issues.map((i) => i.code)).toContain('duplicate-id');
    expect(issues.map((i) => i.path.join('.'))).toContain('journeys.0.audienceSegmentId');
  });

  it('checks journey conditions as member conditions', () => {
    const issues = check((s) => {
      const branch = s.journeys[1]!.steps[2]!;
      if (branch.kind === 'branch') branch.condition = { op: 'any-item', where: { op: 'eq', field: 'item.sku', value: 'x' } };
    });
    expect(issues[0]?.message).toContain('"Any item" (line items) cannot be used in a journey');
  });

  it('checks scenarios: tiers, attributes and returns', () => {
    const issues = check((s) => {
      const sc = s.scenarios[0]!;
      sc.given.member.tierId = 'bronze';
      sc.given.member.attributes = { country: 'DE', favouriteColour: 'red', birthMonth: 'June' };
      sc.when.push({ kind: 'return', afterDays: 1, purchaseRef: 'p9' });
    });
    expect(issues.map((i) => i.path.slice(2).join('.'))).toEqual([
      'given.member.tierId',
      'given.member.attributes.favouriteColour',
      'given.member.attributes.birthMonth',
      'when.1.purchaseRef',
    ]);
    expect(issues[2]?.message).toBe("Scenario 'Weekend latte and croissant': 'member.birthMonth' is a number, but was compared with 'June'");
  });
});
