import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rollouts } from '../db/schema/rollouts';
import { DomainError } from '../errors';
import type { GuardrailCheck, Guardrails, RolloutForecast } from './contract';
import { evaluateGuardrails } from './evaluate-guardrails';
import { versionFigures } from './figures';

export type CheckGuardrailsInput = { rolloutId: string; guardrails: Guardrails; forecast: RolloutForecast };

/**
 * Compares the live figures of the new version with the old version's since the rollout began,
 * and with the forecast; stores the result on the rollout and returns it.
 * @example checkGuardrails({ ctx: { db }, input: { rolloutId, guardrails, forecast } }).breached
 */
export function checkGuardrails({ ctx, input }: { ctx: { db: DbTx }; input: CheckGuardrailsInput }): GuardrailCheck {
  const row = ctx.db.select().from(rollouts).where(eq(rollouts.id, input.rolloutId)).get();
  if (!row) throw new DomainError('not_found', `Rollout '${input.rolloutId}' does not exist.`);
  const check = evaluateGuardrails({
    canary: versionFigures(ctx.db, row.versionId, row.startedAt),
    control: versionFigures(ctx.db, row.fromVersionId, row.startedAt),
    forecast: input.forecast,
    guardrails: input.guardrails,
    at: new Date().toISOString(),
  });
  ctx.db.update(rollouts).set({ lastCheck: JSON.stringify(check) }).where(eq(rollouts.id, input.rolloutId)).run();
  return check;
}
