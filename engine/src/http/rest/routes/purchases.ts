import { processCustomEvent, processPurchase, processPurchases, processReturn, quoteBasket, receiptText } from '../../../events';
import { problemOf } from '../problem';
import { defineRoute, type RestRoute } from '../route';
import { storeOf } from '../scoping';
import {
  EventBody,
  EventResponse,
  PURCHASE_BATCH_MAX,
  PurchaseBatchBody,
  PurchaseBatchResponse,
  type PurchaseBatchResult,
  PurchaseBody,
  PurchaseIdParams,
  PurchaseResponse,
  QuoteBody,
  QuoteResponse,
  ReceiptQuery,
  ReceiptResponse,
  ReturnBody,
  ReturnResponse,
} from '../schemas/events';

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
    path: '/purchases/batch',
    summary: "Post many purchases at once (a web shop's upload, an offline till catching up)",
    description: [
      `Up to ${PURCHASE_BATCH_MAX} purchases, each exactly as POST /purchases takes it and attributed to the key's store (naming another store refuses the whole request, 403, before anything is written).`,
      'The batch is one transaction: a purchase that is refused is reported in its place with the problem POST /purchases would have answered (`status` and `problem`), and the others are kept (`status` 201 and the purchase).',
      'Each purchase is unique per store, register and receipt number as in POST /purchases, also within the batch: re-sending a batch with another Idempotency-Key gives 409 for the purchases already posted, naming each existing purchase, and posts the rest.',
      'A body that is not valid (e.g. a purchase missing its receipt number) refuses the whole request (400, naming `purchases.<index>.<field>`); so does a body over the size limit (413; 8 times that of POST /purchases, 2 MB by default): split large batches.',
    ].join(' '),
    tags: ['Purchases'],
    auth: { kind: 'api-key', scope: 'purchases:write' },
    body: PurchaseBatchBody,
    bodyLimitMultiple: 8,
    responses: { 200: { description: 'Every purchase booked or refused, in order', schema: PurchaseBatchResponse } },
    handle: ({ body, principal, deps }) => {
      // Every store first: a purchase for another store refuses the request before anything is written.
      const input = body.purchases.map((p) => ({ ...p, programId: principal.programId, storeId: storeOf(principal, p.storeId) }));
      const results = processPurchases({ ctx: { db: deps.db }, input }).map((outcome, index): PurchaseBatchResult => {
        if (outcome.ok) return { index, status: 201, purchase: outcome.value };
        const problem = problemOf(outcome.error);
        return { index, status: problem.status, problem };
      });
      const posted = results.filter((r) => r.status === 201).length;
      const response: PurchaseBatchResponse = { posted, refused: results.length - posted, results };
      return { status: 200, body: response };
    },
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
