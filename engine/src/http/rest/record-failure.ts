import type { MemberRef } from '../../events/inputs';
import { recordEventFailure } from '../../fraud/record-event-failure';
import type { RestDeps, RestPrincipal } from './principal';
import type { RestRoute } from './route';

/** Routes whose unexpected failures count as failed events for monitoring. */
const EVENT_ROUTES = new Set(['/purchases', '/returns', '/events']);
/** Routes that post many events in one transaction: a failure counts once per event of the body. */
const BATCH_ROUTES: Record<string, string> = { '/purchases/batch': 'purchases' };

type EventBody = { member?: MemberRef; purchaseId?: unknown };
const asObject = (v: unknown) => (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;

/** The events a failed request carried: the body, each event of a batch, or none (not an event route). */
function eventsOf(route: RestRoute, body: unknown): EventBody[] {
  if (EVENT_ROUTES.has(route.path)) return [asObject(body)];
  const list = BATCH_ROUTES[route.path];
  if (!list) return [];
  const events = asObject(body)[list];
  return Array.isArray(events) ? events.map(asObject) : [];
}

/**
 * After a 5xx of a purchase, return or event route (its transaction rolled back), writes
 * `event-failed` in a separate transaction, one per event of a batch (its whole transaction
 * rolled back too); never throws (a failure to record is only logged).
 * @example recordRouteFailure(route, c.get('principal'), body, deps)
 */
export function recordRouteFailure(route: RestRoute, principal: RestPrincipal | undefined, body: unknown, deps: RestDeps): void {
  if (route.method !== 'post' || principal?.kind !== 'api-key') return;
  for (const b of eventsOf(route, body)) {
    try {
      recordEventFailure(deps.db, {
        programId: principal.programId,
        route: `POST ${route.path}`,
        member: b.member,
        purchaseId: typeof b.purchaseId === 'string' ? b.purchaseId : undefined,
      });
    } catch (err) {
      deps.log.error({ err, route: `POST ${route.path}` }, 'Could not record the failed event');
    }
  }
}
