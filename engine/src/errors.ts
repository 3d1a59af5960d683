/** Codes a caller can branch on; the message is for people. */
export type DomainErrorCode =
  | 'not_found'
  | 'conflict'
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'unprocessable'
  | 'rate_limited';

/**
 * An error a marketer or integrator can act on. The HTTP layer maps it to
 * `application/problem+json` and tRPC errors without losing the message.
 * @example throw new DomainError('not_found', "Program 'p-1' does not exist.");
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
