import { describe, expect, it } from 'vitest';
import type { Condition } from '../spec';
import { beanClub } from '../spec';
import { compileGraph } from './compile';
import { decompile } from './decompile';
import type { RawGraph } from './test-graphs';
import { e, n, nodeIn, smallGraph } from './test-graphs';

const change = (mutate: (g: RawGraph) => void) => {
  const g = smallGraph();
  mutate(g);
  return compileGraph(g);
};
const withCondition = (condition: Condition) => change((g) => (nodeIn(g, 'c').data.condition = condition));

describe('issues found by checkProgram, pinned to the node they concern (graph -> spec)', () => {
  it('invalid-value: a wait of zero, a split with one variant', () => {
    const r = change((g) => (nodeIn(g, 'wait-a-day').data.days = 0));
    expect(r).toEqual({ ok: false, issues: [{ nodeId: 'wait-a-day', code: 'invalid-value', severity: 'error', message: "Step 'wait-a-day': days: wait at least one hour" }] });
    const split = change((g) => {
      g.nodes.push(n.step('split', 'ab', { variants: [{ name: 'A', weight: 1 }] }));
      g.edges[7] = e('send-welcome', 'next', 'ab', 'in');
      g.edges.push(e('ab', 'variant-0', 'wait-a-day', 'in'));
    });
    expect(split.issues).toEqual([expect.objectContaining({ nodeId: 'ab', code: 'invalid-value', message: expect.stringContaining('at least two variants') })]);
  });

  it.each([
    ['unknown-field', { op: 'gte', field: 'event.totl', value: 10 }, "'event.totl' is not a field conditions can use (did you mean 'event.total'?)"],
    ['field-not-allowed-here', { op: 'eq', field: 'item.sku', value: 'X' }, 'describes one line item'],
    ['operator-not-allowed', { op: 'gt', field: 'event.channel', value: 'store' }, 'can only be checked for equal or not equal'],
    ['type-mismatch', { op: 'eq', field: 'event.total', value: 'ten' }, "'event.total' is a money amount, but was compared with 'ten'"],
    ['invalid-range', { op: 'between', field: 'event.total', min: 10, max: 5 }, 'can never match'],
    ['unknown-reference', { op: 'in-segment', segmentId: 'vip' }, "segment 'vip' does not exist"],
  ] as const)('%s in a rule condition is pinned to the condition node', (code, condition, text) => {
    const r = withCondition(condition as Condition);
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ nodeId: 'c', code, severity: 'error', message: expect.stringContaining(text) })]);
    expect(r.issues[0]?.message).toMatch(/^Rule 'Double points weekend': /);
  });

  it('unknown-reference in data (a reward for a tier that does not exist) is pinned to the reward', () => {
    const r = change((g) => g.nodes.push(n.reward('rw', 'Lounge pass', { minTierId: 'platinum' })));
    expect(r.issues).toEqual([expect.objectContaining({ nodeId: 'rw', code: 'unknown-reference', message: "Reward 'Lounge pass': tier 'platinum' does not exist" })]);
  });

  it('duplicate-id: two rule nodes with the same rule id; two steps with the same step id', () => {
    const rules = change((g) => {
      g.nodes.push(n.rule('r2', 'Copy'));
      nodeIn(g, 'r2').data.id = 'r';
      g.edges.push(e('t', 'then', 'r2', 'when'), e('r2', 'group', 'g', 'rules'));
    });
    expect(rules.issues).toEqual([expect.objectContaining({ nodeId: 'r2', code: 'duplicate-id' })]);
    const steps = change((g) => (nodeIn(g, 'end').data.id = 'wait-a-day'));
    expect(steps.issues).toContainEqual(expect.objectContaining({ nodeId: 'end', code: 'duplicate-id' }));
  });

  it('tier-thresholds-not-increasing and first-tier-threshold, in canvas words', () => {
    const r = change((g) => {
      nodeIn(g, 'green').data.threshold = 10;
      nodeIn(g, 'silver').data.threshold = 2000;
    });
    expect(r.issues).toEqual([
      { nodeId: 'green', code: 'first-tier-threshold', severity: 'error', message: "'Green' is the lowest tier, where every member starts, so its threshold must be 0 (it is 10)" },
      { nodeId: 'gold', code: 'tier-thresholds-not-increasing', severity: 'error', message: "'Gold' needs a threshold higher than 'Silver' (2000), the tier below it" },
    ]);
  });

  it('message issues: missing-default-locale, missing-subject (errors); locale-not-in-program, unknown-template-variable (warnings)', () => {
    const noEnglish = change((g) => (nodeIn(g, 'm').data.variants = [{ locale: 'de', subject: 'Hallo', body: 'Hallo' }]));
    expect(noEnglish.issues.map((i) => [i.nodeId, i.code, i.severity])).toEqual([
      ['m', 'missing-default-locale', 'error'],
      ['m', 'locale-not-in-program', 'warning'],
    ]);
    const noSubject = change((g) => (nodeIn(g, 'm').data.variants = [{ locale: 'en', body: 'Hi' }]));
    expect(noSubject.issues).toEqual([expect.objectContaining({ nodeId: 'm', code: 'missing-subject', message: "Message 'Welcome email': the 'en' email needs a subject line" })]);
    const unknownVariable = change((g) => (nodeIn(g, 'm').data.variants = [{ locale: 'en', subject: 'Hi', body: 'Hi {{ member.frstName }}' }]));
    expect(unknownVariable.ok).toBe(true);
    expect(unknownVariable.issues).toEqual([expect.objectContaining({ nodeId: 'm', code: 'unknown-template-variable', severity: 'warning' })]);
  });

  it('missing-default-locale in the program settings has no node', () => {
    const r = compileGraph({ ...smallGraph(), program: { program: { name: 'X', defaultLocale: 'de', locales: ['en'] } } });
    expect(r.issues[0]).toEqual({ code: 'missing-default-locale', severity: 'error', message: expect.stringContaining("the main language 'de'") });
  });

  it('unreachable-step (a warning) and loop-without-wait (an error) are pinned to the step', () => {
    const unreachable = change((g) => {
      g.nodes.push(n.step('award', 'bonus', { points: 5, reason: 'Bonus' }));
      g.edges.push(e('bonus', 'next', 'end', 'in'));
    });
    expect(unreachable.ok).toBe(true);
    expect(unreachable.issues).toEqual([expect.objectContaining({ nodeId: 'bonus', code: 'unreachable-step', severity: 'warning' })]);
    const loop = change((g) => {
      g.nodes = [...g.nodes.filter((x) => x.id !== 'wait-a-day' && x.id !== 'end'), n.step('award', 'bonus', { points: 5, reason: 'Bonus' })];
      g.edges = [...g.edges.filter((x) => !x.id.startsWith('send-welcome>') && !x.id.startsWith('wait-a-day>')), e('send-welcome', 'next', 'bonus', 'in'), e('bonus', 'next', 'send-welcome', 'in')];
    });
    expect(loop.issues).toEqual([expect.objectContaining({ nodeId: 'send-welcome', code: 'loop-without-wait', severity: 'error' })]);
  });
});

describe('issues of a spec, seen on its graph (spec -> graph)', () => {
  const issuesFor = (mutate: (s: ReturnType<typeof beanClub>) => void) => {
    const spec = beanClub();
    mutate(spec);
    return compileGraph(decompile(spec)).issues;
  };

  it('pins tier, condition and journey issues to their nodes', () => {
    expect(issuesFor((s) => (s.tiers[2]!.threshold = 100))).toEqual([expect.objectContaining({ nodeId: 'tier:gold', message: "'Gold' needs a threshold higher than 'Silver' (500), the tier below it" })]);
    expect(issuesFor((s) => (s.earningRules[2]!.condition = { op: 'gte', field: 'event.totl', value: 1 }))).toEqual([
      expect.objectContaining({ nodeId: 'condition:rule-double-weekend', code: 'unknown-field' }),
    ]);
    expect(issuesFor((s) => (s.journeys[1]!.trigger = { kind: 'segment-entry', segmentId: 'seg-gone' }))).toEqual([
      expect.objectContaining({ nodeId: 'journey:journey-winback', code: 'unknown-reference' }),
    ]);
  });

  it('turns references that do not resolve into missing connections', () => {
    expect(issuesFor((s) => (s.earningRules[0]!.groupId = 'gone'))).toEqual([
      expect.objectContaining({ nodeId: 'rule:rule-base-points', code: 'missing-connection', message: "'Beans on every purchase' has no promotion group connected" }),
    ]);
    expect(issuesFor((s) => (s.journeys[0]!.entryStepId = 'gone'))).toContainEqual(
      expect.objectContaining({ nodeId: 'journey:journey-welcome', code: 'missing-connection', message: "'Welcome series' has no first step connected" }),
    );
  });
});
