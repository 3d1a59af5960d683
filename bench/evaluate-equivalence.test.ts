import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Counters, EvaluationFacts } from '../engine/src/rules';
import { compileProgram, evaluate } from '../engine/src/rules';
import { checkProgram } from '../engine/src/spec';
import { evaluateProgram, evaluateProgramInput } from './evaluate-program';
import { createJsonRulesEngineProgram, JSON_RULES } from './json-rules-engine-program';
import { CATALOG, purchaseEvents } from './lib/purchases';

// The benchmark compares the compiled engine with json-rules-engine on "the same 40 rules"; this
// test is what makes that claim true: both must give the same whole points for every event.
// Caps are matched too: the counters reach and pass caps, times-per-member limits and budgets.
// (json-rules-engine takes about a millisecond per event, hence the long timeouts.)

const spec = evaluateProgram();
const compiled = compileProgram(spec);
const jre = createJsonRulesEngineProgram(spec.program.timezone);

function describeEvent(facts: EvaluationFacts, counters: Counters): string {
  return JSON.stringify({ ...facts, at: new Date(facts.event.at).toISOString(), counters });
}

async function expectSamePoints(facts: EvaluationFacts, counters: Counters, label: string): Promise<void> {
  const ours = evaluate(compiled, facts, counters);
  const theirs = await jre.points(facts, counters);
  if (ours.points !== theirs) {
    const lines = ours.lines.map((l) => `${l.ruleId}=${l.exactPoints}`).join(', ');
    throw new Error(`${label}: compiled engine gives ${ours.points} points (${lines}), json-rules-engine ${theirs}\n${describeEvent(facts, counters)}`);
  }
}

describe('evaluate benchmark: 40-rule program', () => {
  it('is a valid program of 40 enabled purchase rules in groups with all three stacking policies', () => {
    expect(checkProgram(spec).filter((i) => i.severity === 'error')).toEqual([]);
    expect(spec.earningRules).toHaveLength(40);
    expect(spec.earningRules.every((r) => r.enabled && r.trigger.kind === 'purchase')).toBe(true);
    expect(new Set(spec.promotionGroups.map((g) => g.stacking))).toEqual(new Set(['stack', 'best-of', 'exclusive']));
    expect(spec.tiers).toHaveLength(4);
  });

  it('json-rules-engine has the same rules, in the same order', () => {
    expect(JSON_RULES.map((r) => r.name)).toEqual(evaluateProgramInput.earningRules.map((r) => r.id));
  });
});

describe('compiled engine and json-rules-engine give the same points', () => {
  const pool = purchaseEvents(4000, 7);

  it('for 4,000 seeded purchases with counters, some at or past their caps', async () => {
    let mismatches = 0;
    const first: string[] = [];
    for (let i = 0; i < pool.length; i++) {
      const { facts, counters } = pool[i]!;
      try {
        await expectSamePoints(facts, counters, `event ${i}`);
      } catch (e) {
        mismatches++;
        if (first.length < 5) first.push((e as Error).message);
      }
    }
    if (mismatches > 0) throw new Error(`${mismatches} of ${pool.length} events differ; first ones:\n${first.join('\n\n')}`);
  }, 180_000);

  it('the seeded data exercises every rule, caps, budgets, best-of losers and the exclusive stop', () => {
    const won = new Set<string>();
    const limited = new Set<string>();
    const reasons = new Set<string>();
    for (const { facts, counters } of pool) {
      const r = evaluate(compiled, facts, counters);
      for (const l of r.lines) {
        if (l.points > 0 || l.exactPoints > 0) won.add(l.ruleId);
        if (l.limitedBy) limited.add(`${l.limitedBy}`);
      }
      for (const s of r.skipped) reasons.add(s.reason);
    }
    expect(spec.earningRules.map((r) => r.id).filter((id) => !won.has(id))).toEqual([]);
    expect(limited).toEqual(new Set(['cap', 'budget']));
    for (const reason of ['validity', 'condition', 'no-points', 'cap', 'budget', 'stacking', 'exclusive']) expect(reasons).toContain(reason);
  });

  it('for arbitrary baskets, times, members and counters (fast-check)', async () => {
    const item = fc.record({
      product: fc.constantFrom(...CATALOG),
      quantity: fc.integer({ min: 1, max: 6 }),
      isOnSale: fc.option(fc.boolean(), { nil: undefined }),
    });
    const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const counter = fc.record({ day: opt(fc.nat(80)), week: opt(fc.nat(450)), month: opt(fc.nat(600)), total: opt(fc.nat(120)), times: opt(fc.nat(4)), campaign: opt(fc.nat(2_000_010)) }, { requiredKeys: [] });
    const purchase = fc.record({
      items: fc.array(item, { minLength: 0, maxLength: 8 }),
      at: fc.integer({ min: Date.parse('2025-08-25T00:00:00Z'), max: Date.parse('2026-01-05T00:00:00Z') }),
      channel: opt(fc.constantFrom('store' as const, 'online' as const, 'app' as const, 'phone' as const)),
      paymentMethod: opt(fc.constantFrom('card' as const, 'cash' as const, 'mobile' as const)),
      couponCode: opt(fc.constantFrom('BEANS20', 'OTHER')),
      isFirstPurchase: opt(fc.boolean()),
      total: opt(fc.integer({ min: 0, max: 20000 }).map((c) => c / 100)),
      itemCount: opt(fc.integer({ min: 0, max: 12 })),
      tier: opt(fc.constantFrom('member', 'silver', 'gold', 'platinum', 'unknown')),
      tenureDays: opt(fc.nat(2000)),
      hasEmailConsent: opt(fc.boolean()),
      visits: fc.tuple(fc.nat(20), fc.nat(30), fc.nat(80)),
      counters: fc.dictionary(fc.constantFrom(...spec.earningRules.map((r) => r.id)), counter, { maxKeys: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(purchase, async (p) => {
        const event: EvaluationFacts['event'] = { kind: 'purchase', at: p.at };
        for (const k of ['channel', 'paymentMethod', 'couponCode', 'isFirstPurchase', 'total', 'itemCount'] as const) if (p[k] !== undefined) Object.assign(event, { [k]: p[k] });
        const member: EvaluationFacts['member'] = {};
        for (const k of ['tier', 'tenureDays', 'hasEmailConsent'] as const) if (p[k] !== undefined) Object.assign(member, { [k]: p[k] });
        const items = p.items.map(({ product, quantity, isOnSale }, i) => {
          const { weight: _weight, ...rest } = product;
          return isOnSale === undefined ? { ...rest, ref: `l${i}`, quantity } : { ...rest, ref: `l${i}`, quantity, isOnSale };
        });
        const [v30, v60, v365] = p.visits;
        const facts: EvaluationFacts = { event, items, member, aggregates: { visits: { '30': v30, '60': v60, '365': v365 } } };
        await expectSamePoints(facts, p.counters, 'fast-check case');
      }),
      { numRuns: 1500, seed: 20251104 },
    );
  }, 180_000);
});
