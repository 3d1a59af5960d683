import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { programVersions } from '../db/schema';
import { DomainError } from '../errors';
import { currentRelease, versionForMember } from '../releases';
import type { CompiledProgram, EvaluationFacts } from '../rules';
import { compileProgram, compilePredicate, createConditionEnv, prepareContext } from '../rules';
import type { ProgramSpec } from '../spec';
import { storedSpec } from '../versions/version-rows';

/** A version ready to run: its spec, compiled rules and compiled reward eligibility conditions. */
export interface ProgramRuntime {
  readonly programId: string;
  readonly versionId: string;
  readonly spec: ProgramSpec;
  readonly compiled: CompiledProgram;
  /** Eligibility of rewards that have a condition, by reward id. */
  readonly rewardConditions: ReadonlyMap<string, (facts: EvaluationFacts) => boolean>;
}

const MAX_CACHED = 64;
const cache = new Map<string, ProgramRuntime>();

/**
 * The compiled program of a version. Versions are immutable, so each is compiled once per
 * process and kept (least recently used beyond 64 versions are dropped); events never re-parse.
 * @example runtimeOfVersion(db, versionId).compiled.requiredAggregates
 */
export function runtimeOfVersion(db: DbTx, versionId: string): ProgramRuntime {
  const hit = cache.get(versionId);
  if (hit) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const row = db.select().from(programVersions).where(eq(programVersions.id, versionId)).get();
  if (!row) throw new DomainError('not_found', `Version '${versionId}' does not exist.`);
  const spec = storedSpec(row);
  const compiled = compileProgram(spec);
  const env = createConditionEnv(spec.segments);
  const rewardConditions = new Map<string, (facts: EvaluationFacts) => boolean>();
  for (const r of spec.rewards) {
    if (!r.eligibility) continue;
    const p = compilePredicate(r.eligibility, env);
    rewardConditions.set(r.id, (facts) => p(prepareContext(facts, compiled.clock)));
  }
  const runtime: ProgramRuntime = { programId: row.programId, versionId, spec, compiled, rewardConditions };
  cache.set(versionId, runtime);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return runtime;
}

/**
 * The version that evaluates this member's events now (canary by stable hash during a rollout),
 * or the release's main version for events without a member.
 * @throws DomainError('unprocessable') when the program has no active version.
 * @example activeVersionId(db, programId, memberId)
 */
export function activeVersionId(db: DbTx, programId: string, memberId: string | undefined): string {
  const release = currentRelease(db, programId);
  if (!release) {
    throw new DomainError('unprocessable', 'This program has no active version yet; activate a version in the studio before posting events.');
  }
  return memberId ? versionForMember(release, memberId) : release.versionId;
}

/** The runtime for a member's events. @example runtimeFor(db, programId, memberId).spec.program.pointsName */
export function runtimeFor(db: DbTx, programId: string, memberId: string | undefined): ProgramRuntime {
  return runtimeOfVersion(db, activeVersionId(db, programId, memberId));
}

/** For tests: how many versions are compiled and cached. */
export function cachedRuntimeCount(): number {
  return cache.size;
}
