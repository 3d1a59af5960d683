import type { z } from 'zod';
import { DomainError } from '../errors';

/**
 * Validates a service input; a mistake becomes an `invalid_input` DomainError carrying the zod issues.
 * @example const { programId } = parseInput(ListVersionsInput, input);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid_input', 'The request is not valid.', parsed.error.issues);
  return parsed.data;
}
