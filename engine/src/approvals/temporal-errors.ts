import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { DomainError, type DomainErrorCode } from '../errors';

/** The Temporal client and task queue the engine starts workflows on (set once connected). */
export type TemporalWorkflows = { client: Client; taskQueue: string };

const CODES: readonly DomainErrorCode[] = ['not_found', 'conflict', 'invalid_input', 'forbidden', 'unprocessable'];

/**
 * Temporal's errors as DomainErrors people can act on: a refused update keeps the workflow's
 * message and code (validators throw ApplicationFailure with a DomainError code as type).
 * @example try { await handle.executeUpdate('approve', { args }) } catch (e) { throw fromTemporal(e, 'No review is open.') }
 */
export function fromTemporal(error: unknown, notFound: string): unknown {
  const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (failure instanceof ApplicationFailure) {
    return new DomainError(CODES.find((c) => c === failure.type) ?? 'conflict', failure.message);
  }
  if (error instanceof WorkflowNotFoundError) return new DomainError('not_found', notFound);
  if (error instanceof WorkflowExecutionAlreadyStartedError) return new DomainError('conflict', 'That workflow is already running.');
  if (error instanceof Error && /already completed|workflow execution already/i.test(error.message)) return new DomainError('conflict', notFound);
  return error;
}
