import { processCustomEvent, processPurchase, processReturn, quoteBasket, receiptText } from '../../../events';
import { defineRoute, type RestRoute } from '../route';
import { storeOf } from '../scoping';
import { EventBody, EventResponse, PurchaseBody, PurchaseIdParams, PurchaseResponse, QuoteBody, QuoteResponse, ReceiptQuery, ReceiptResponse, ReturnBody, ReturnResponse } from '../schemas/events';

/** Quotes, purchases, returns, custom events and receipt text, for tills and shops. */
export const purchaseRoutes: RestRoute[] = [
  defineRoute({
    method: 'post',
    path: '/quotes',
    summary: 'What a basket would earn, and which rewards the member can redeem on it (no side effects)',
    tags: ['Purchases'],
    auth: { kind: 'api-key', scope: 'quotes:read' },
    body: QuoteBody,
    responses: { 200: { description: 'The quote', schema: QuoteResponse } },
    handle: ({ body, principal, deps }) => ({
      status: 200,
      body: quoteBasket({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/purchases',
    summary: 'Post a purchase; the member earns what the active version says',
    description: "Attributed to the key's store. Unique per store, register and receipt number: a repeat with another Idempotency-Key is refused (409) naming the existing purchase. Unknown members are recorded as non-member purchases without points.",
    tags: ['Purchases'],
    auth: { kind: 'api-key', scope: 'purchases:write' },
    body: PurchaseBody,
    responses: { 201: { description: 'Booked', schema: PurchaseResponse } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: processPurchase({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/returns',
    summary: 'Post a full or partial return; reverses exactly what the returned units earned',
    description: 'Only the store of the purchase can take its return. Units cannot be returned twice (409 says how many are left). Points the member already spent are written off, never taken below zero.',
    tags: ['Purchases'],
    auth: { kind: 'api-key', scope: 'purchases:write' },
    body: ReturnBody,
    responses: { 201: { description: 'Booked', schema: ReturnResponse } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: processReturn({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/events',
    summary: 'Post a sign-up, profile-completed, referral, birthday or custom named event',
    tags: ['Events'],
    auth: { kind: 'api-key', scope: 'events:write' },
    body: EventBody,
    responses: { 201: { description: 'Booked', schema: EventResponse } },
    handle: ({ body, principal, deps }) => ({ status: 201, body: processCustomEvent({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId } }) }),
  }),
  defineRoute({
    method: 'get',
    path: '/purchases/{id}/receipt',
    summary: 'Short receipt text for the till: points earned, balance, tier progress, expiring soon',
    tags: ['Purchases'],
    auth: { kind: 'api-key', scope: 'purchases:write' },
    params: PurchaseIdParams,
    query: ReceiptQuery,
    responses: { 200: { description: 'Receipt lines', schema: ReceiptResponse } },
    handle: ({ params, query, principal, deps }) => {
      const r = receiptText({ ctx: { db: deps.db }, input: { programId: principal.programId, storeId: principal.storeId, purchaseId: params.id, width: query.width } });
      return { status: 200, body: { ...r, text: r.lines.join('\n') } };
    },
  }),
];
