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

/** The HTTP status of each domain error code. */
const STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
} as const satisfies Record<DomainErrorCode, number>;

/** The status of a refusal: a DomainError by its code, or a ZodError (400). */
export type RefusalStatus = (typeof STATUS)[DomainErrorCode];

/** Every status a refusal can have, for schemas that report refusals in place (e.g. a batch). */
export const REFUSAL_STATUSES: RefusalStatus[] = [...new Set(Object.values(STATUS))];

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

/**
 * The problem body for a status and detail. `extra` adds members (e.g. `errors`, `purchaseId`) but
 * cannot replace the problem's own: `status` is always the HTTP status (RFC 9457).
 * @example problemBody(404, "There is no purchase 'p-1'.")
 */
export function problemBody(status: number, detail: string, extra: Record<string, unknown> = {}): Problem {
  const title = TITLES[status] ?? 'Error';
  const own = { type: `https://loyalty.dev/problems/${title.toLowerCase().replace(/\s+/g, '-')}`, title, status, detail };
  // Assigning the own members again keeps their place at the front of the JSON.
  return Object.assign({ ...own }, extra, own);
}

/** The problem+json Response of a problem, with its status. */
function problemJson(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { 'content-type': PROBLEM_TYPE, ...headers } });
}

/** A problem+json Response. @example problemResponse(429, 'Slow down.', {}, { 'Retry-After': '2' }) */
export function problemResponse(status: number, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return problemJson(problemBody(status, detail, extra), headers);
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(body)';

/** The validation problem of zod issues (see `validationProblem`). */
function validationProblemOf(error: z.ZodError, where = 'body'): Problem {
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
  return problemBody(400, detail, { errors });
}

/**
 * A validation problem from zod issues: fields the caller may not set are named as such (the
 * schemas are strict, so they are refused rather than ignored).
 * @example validationProblem(error) // 400, detail "Field 'tier' cannot be set here; ...", errors: [{ path: 'tier', message: ... }]
 */
export function validationProblem(error: z.ZodError, where = 'body'): Response {
  return problemJson(validationProblemOf(error, where));
}

/**
 * The problem for anything a handler throws, its HTTP status inside: DomainError by its code,
 * HttpProblem as given, ZodError as a validation problem; anything else is a 500 without
 * internals. A refusal (DomainError or ZodError) always has a RefusalStatus.
 * @example problemOf(new DomainError('conflict', "Receipt 'R-1' ...", { purchaseId: 'p-1' })) // { status: 409, title: 'Conflict', detail, purchaseId: 'p-1', ... }
 */
export function problemOf(error: DomainError | z.ZodError): Problem & { status: RefusalStatus };
export function problemOf(error: unknown): Problem;
export function problemOf(error: unknown): Problem {
  if (error instanceof HttpProblem) return problemBody(error.status, error.message, error.extra);
  if (error instanceof DomainError) {
    const status: number = STATUS[error.code] ?? 500;
    const extra = Array.isArray(error.details)
      ? { errors: error.details.map((d: { path?: unknown; message?: unknown }) => ({ path: Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? ''), message: String(d.message ?? '') })) }
      : error.details && typeof error.details === 'object'
        ? (error.details as Record<string, unknown>)
        : {};
    if (status === 400 && !('errors' in extra)) return problemBody(400, error.message, { ...extra, errors: [{ path: String((extra as { field?: unknown }).field ?? '(body)'), message: error.message }] });
    return problemBody(status, error.message, extra);
  }
  if (error instanceof z.ZodError) return validationProblemOf(error);
  return problemBody(500, 'Something went wrong on our side; the request was not applied. Retry with the same Idempotency-Key.');
}

/** The problem+json response for anything a handler throws (see `problemOf`); an HttpProblem's headers are kept. */
export function errorResponse(error: unknown): Response {
  return problemJson(problemOf(error), error instanceof HttpProblem ? error.headers : {});
}
