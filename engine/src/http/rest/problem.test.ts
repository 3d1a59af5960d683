import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../../errors';
import { errorResponse, HttpProblem, Problem, problemOf, REFUSAL_STATUSES } from './problem';

const answer = async (error: unknown) => {
  const res = errorResponse(error);
  return { status: res.status, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body: await res.json() };
};

describe('problemOf', () => {
  it('maps a DomainError by its code, keeping its details as members', () => {
    expect(problemOf(new DomainError('conflict', "Receipt 'R-1' was already posted as purchase 'p-1'.", { purchaseId: 'p-1' }))).toEqual({
      type: 'https://loyalty.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: "Receipt 'R-1' was already posted as purchase 'p-1'.",
      purchaseId: 'p-1',
    });
    expect(problemOf(new DomainError('not_found', 'No such member.'))).toMatchObject({ status: 404, title: 'Not found' });
    expect(problemOf(new DomainError('unprocessable', 'Too few points.', 'not an object'))).toEqual({ type: 'https://loyalty.dev/problems/cannot-be-processed', title: 'Cannot be processed', status: 422, detail: 'Too few points.' });
  });

  it('names the invalid field of a 400 DomainError', () => {
    expect(problemOf(new DomainError('invalid_input', 'Items are missing.', { field: 'items' }))).toMatchObject({ status: 400, field: 'items', errors: [{ path: 'items', message: 'Items are missing.' }] });
    expect(problemOf(new DomainError('invalid_input', 'Bad.'))).toMatchObject({ errors: [{ path: '(body)', message: 'Bad.' }] });
    expect(problemOf(new DomainError('invalid_input', 'Bad lines.', [{ path: ['items', 0, 'price'], message: 'negative' }]))).toMatchObject({ errors: [{ path: 'items.0.price', message: 'negative' }] });
  });

  it('maps an HttpProblem as given and a ZodError as a validation problem', () => {
    expect(problemOf(new HttpProblem(403, 'Wrong store.', { requiredScope: 'purchases:write' }))).toMatchObject({ status: 403, title: 'Forbidden', detail: 'Wrong store.', requiredScope: 'purchases:write' });
    const zod = z.object({ receiptNumber: z.string() }).strict().safeParse({ receiptNumber: 1, tier: 'gold' }).error!;
    expect(problemOf(zod)).toMatchObject({
      status: 400,
      detail: "The body has a field that cannot be set here: 'tier'. Leave it out; the engine decides it.",
      errors: [
        { path: 'receiptNumber', message: expect.any(String) },
        { path: 'tier', message: "'tier' cannot be set here" },
      ],
    });
  });

  it('hides anything else behind a 500', () => {
    expect(problemOf(new Error('SQLITE_CORRUPT at /data/x.db'))).toEqual({
      type: 'https://loyalty.dev/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side; the request was not applied. Retry with the same Idempotency-Key.',
    });
  });

  it('keeps the HTTP status in `status` even when the details carry a status of their own', () => {
    const problem = problemOf(new DomainError('conflict', "Points payment 'pp-1' is already committed.", { status: 'committed' }));
    expect(problem.status).toBe(409);
    expect(Problem.safeParse(problem).success).toBe(true);
  });

  it('gives every refusal a status listed in REFUSAL_STATUSES', () => {
    const codes = ['invalid_input', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'unprocessable', 'rate_limited'] as const;
    for (const code of codes) expect(REFUSAL_STATUSES).toContain(problemOf(new DomainError(code, 'x')).status);
    expect(REFUSAL_STATUSES).toContain(problemOf(z.string().safeParse(1).error!).status);
  });
});

describe('errorResponse', () => {
  it('answers problemOf as application/problem+json with its status, and the headers of an HttpProblem', async () => {
    const limited = new HttpProblem(429, 'Slow down.', {}, { 'Retry-After': '2' });
    expect(await answer(limited)).toEqual({ status: 429, contentType: 'application/problem+json', retryAfter: '2', body: problemOf(limited) });
    const conflict = new DomainError('conflict', "Reservation 'r-1' is already redeemed.", { status: 'redeemed' });
    expect(await answer(conflict)).toEqual({ status: 409, contentType: 'application/problem+json', retryAfter: null, body: problemOf(conflict) });
    expect(await answer(new Error('boom'))).toMatchObject({ status: 500, body: { status: 500 } });
  });
});
