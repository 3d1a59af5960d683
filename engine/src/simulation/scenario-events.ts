import type { LocalClock } from '../rules/local-time';
import type { Scenario, ScenarioEvent } from '../spec';
import { MS_PER_DAY, localInstant } from './calendar';
import type { SimEvent, SimItem, SimReturnItem } from './datasets';

/** Scenarios without a start date start on this (a Monday), so their results never depend on the day they run. */
export const DEFAULT_SCENARIO_START = '2025-01-06';
/** Scenario events happen at noon, local time. */
export const SCENARIO_EVENT_MINUTES = 12 * 60;
export const SCENARIO_MEMBER_ID = 'scenario-member';

/** The instant `afterDays` days after noon of the local start day. */
export function scenarioInstant(clock: LocalClock, startDay: number, afterDays: number): number {
  const whole = Math.floor(afterDays);
  return localInstant(clock, startDay + whole, SCENARIO_EVENT_MINUTES) + Math.round((afterDays - whole) * MS_PER_DAY);
}

/**
 * A scenario's `when` as dataset events in time order (ties keep their written order): purchases
 * with lines `l1..ln` (id = the purchase's `ref`, else `p<position>`), returns of whole purchases
 * or of SKUs (quantities taken from that purchase's lines of the SKU, first line first),
 * sign-ups and custom events.
 * @example scenarioEvents(scenario, clock, startDay)[0]?.kind // 'purchase'
 */
export function scenarioEvents(scenario: Scenario, clock: LocalClock, startDay: number, currency: string): SimEvent[] {
  const purchases = new Map<string, { id: string; items: SimItem[] }>();
  const order = scenario.when.map((e, i) => ({ e, i, at: scenarioInstant(clock, startDay, e.afterDays) }));
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  const out: SimEvent[] = [];
  for (const { e, i, at } of order) {
    const ev = toEvent(e, i, at, purchases, currency);
    if (ev) out.push(ev);
  }
  return out;
}

function toEvent(e: ScenarioEvent, i: number, at: number, purchases: Map<string, { id: string; items: SimItem[] }>, currency: string): SimEvent | undefined {
  const memberId = SCENARIO_MEMBER_ID;
  switch (e.kind) {
    case 'purchase': {
      const id = e.ref ?? `p${i + 1}`;
      const items: SimItem[] = e.items.map((it, k) => ({
        ref: `l${k + 1}`,
        sku: it.sku,
        ...(it.category !== undefined ? { category: it.category } : {}),
        ...(it.brand !== undefined ? { brand: it.brand } : {}),
        quantity: it.quantity,
        price: it.price,
      }));
      const sum = items.reduce((s, it) => s + it.price * it.quantity, 0);
      purchases.set(id, { id, items });
      return { kind: 'purchase', id, at, memberId, storeId: e.storeId ?? e.channel, channel: e.channel, total: e.total ?? Math.round(sum * 100) / 100, currency, items };
    }
    case 'return': {
      const p = purchases.get(e.purchaseRef);
      if (!p) return undefined;
      const items: SimReturnItem[] = [];
      if (!e.items) for (const it of p.items) items.push({ ref: it.ref, quantity: it.quantity });
      else {
        for (const r of e.items) {
          let left = r.quantity;
          for (const it of p.items) {
            if (it.sku !== r.sku || left <= 0) continue;
            const q = Math.min(left, it.quantity);
            items.push({ ref: it.ref, quantity: q });
            left -= q;
          }
        }
      }
      if (items.length === 0) return undefined;
      const byRef = new Map(p.items.map((it) => [it.ref, it]));
      const total = items.reduce((s, r) => s + (byRef.get(r.ref)?.price ?? 0) * r.quantity, 0);
      return { kind: 'return', id: `return-${i + 1}`, at, memberId, purchaseId: p.id, total: Math.round(total * 100) / 100, items };
    }
    case 'sign-up':
      return { kind: 'sign-up', id: `sign-up-${i + 1}`, at, memberId };
    case 'custom':
      return { kind: 'custom', id: `custom-${i + 1}`, at, memberId, name: e.eventName, data: e.properties };
  }
}
