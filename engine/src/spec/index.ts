/**
 * The program concept: zod schemas (the single source of truth), the condition language,
 * the field catalog, template variables, and the checks that go beyond the schema.
 */
export * from './primitives';
export * from './condition';
export * from './fields';
export { checkCondition, type CheckConditionOptions, type ConditionContext } from './condition-check';
export * from './issues';
export * from './program';
export * from './tiers';
export * from './promotions';
export * from './earning';
export * from './lifecycle';
export * from './rewards';
export * from './segments';
export * from './fraud';
export * from './messages';
export * from './template-variables';
export { JourneyEvent, JourneyStep, stepLinks, type JourneyStepKind } from './journey-steps';
export * from './journeys';
export * from './communication';
export * from './scenarios';
export * from './program-spec';
export { checkProgram } from './check-program';
export { validateProgram, zodIssuesToSpecIssues, type ValidationResult } from './validate-program';
export { programJsonSchema, programJsonSchemaText, PROGRAM_SCHEMA_FILE } from './json-schema';
export { beanClub, beanClubInput } from './fixtures';
