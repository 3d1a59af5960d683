import type { MemberRef } from '../../events/inputs';
import { recordEventFailure } from '../../fraud/record-event-failure';
import type { RestDeps, RestPrincipal } from './principal';
import type { RestRoute } from './route';

/** Routes whose unexpected failures count as failed events for monitoring. */
const EVENT_ROUTES = new Set(['/purchases', '/returns', '/events']);

/**
 * After a 5xx of a purchase, return or event route (its transaction rolled back), writes
 * `event-failed` in a separate transaction; never throws (a failure to record is only logged).
 * @example recordRouteFailure(route, c.get('principal'), body, deps)
 */
export function recordRouteFailure(route: RestRoute, principal: RestPrincipal | undefined, body: unknown, deps: RestDeps): void {
  if (route.method !== 'post' || !EVENT_ROUTES.has(route.path) || principal?.kind !== 'api-key') return;
  const b = (body && typeof body === 'object' ? body : {}) as { member?: MemberRef; purchaseId?: unknown };
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
