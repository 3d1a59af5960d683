import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../../errors';

/**
 * RFC 9457 problem details: every API error is `application/problem+json` with a specific,
 * actionable `detail`, and `errors` listing each invalid field for validation problems.
 * @example Problem.parse({ type: 'https://loyalty.dev/problems/not-found', title: 'Not found', status: 404, detail: "There is no member 'm-1' in this program." })
 */
export const Problem = z
  .object({
    type: z.string().describe('URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What went wrong and what to do about it'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('Invalid fields'),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_TYPE = 'application/problem+json';

const STATUS: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  422: 'Cannot be processed',
  429: 'Too many requests',
  500: 'Internal error',
};

/** An error the REST layer turns into a problem response as it is. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** The problem body for a status and detail. @example problemBody(404, "There is no purchase 'p-1'.") */
export function problemBody(status: number, detail: string, extra: Record<string, unknown> = {}): Problem {
  const title = TITLES[status] ?? 'Error';
  return { type: `https://loyalty.dev/problems/${title.toLowerCase().replace(/\s+/g, '-')}`, title, status, detail, ...extra };
}

/** A problem+json Response. @example problemResponse(429, 'Slow down.', {}, { 'Retry-After': '2' }) */
export function problemResponse(status: number, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(status, detail, extra)), { status, headers: { 'content-type': PROBLEM_TYPE, ...headers } });
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(body)';

/**
 * A validation problem from zod issues: fields the caller may not set are named as such (the
 * schemas are strict, so they are refused rather than ignored).
 * @example validationProblem(error) // 400, detail "Field 'tier' cannot be set here; ...", errors: [{ path: 'tier', message: ... }]
 */
export function validationProblem(error: z.ZodError, where = 'body'): Response {
  const errors: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: pathOf([...issue.path, key]), message: `'${key}' cannot be set here` });
    } else errors.push({ path: pathOf(issue.path), message: issue.message });
  }
  const forbidden = errors.filter((e) => e.message.endsWith('cannot be set here')).map((e) => `'${e.path}'`);
  const detail = forbidden.length
    ? `The ${where} has ${forbidden.length === 1 ? 'a field' : 'fields'} that cannot be set here: ${forbidden.join(', ')}. Leave ${forbidden.length === 1 ? 'it' : 'them'} out; the engine decides ${forbidden.length === 1 ? 'it' : 'them'}.`
    : `The ${where} is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`;
  return problemResponse(400, detail, { errors });
}

/**
 * The response for anything a handler throws: DomainError by its code, HttpProblem as given,
 * ZodError as a validation problem; anything else is a 500 without internals.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpProblem) return problemResponse(error.status, error.message, error.extra, error.headers);
  if (error instanceof DomainError) {
    const status = STATUS[error.code] ?? 500;
    const extra = Array.isArray(error.details)
      ? { errors: error.details.map((d: { path?: unknown; message?: unknown }) => ({ path: Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? ''), message: String(d.message ?? '') })) }
      : error.details && typeof error.details === 'object'
        ? (error.details as Record<string, unknown>)
        : {};
    if (status === 400 && !('errors' in extra)) return problemResponse(400, error.message, { ...extra, errors: [{ path: String((extra as { field?: unknown }).field ?? '(body)'), message: error.message }] });
    return problemResponse(status, error.message, extra);
  }
  if (error instanceof z.ZodError) return validationProblem(error);
  return problemResponse(500, 'Something went wrong on our side; the request was not applied. Retry with the same Idempotency-Key.');
}
