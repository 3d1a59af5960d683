/**
 * Program versions: immutable saving, the semantic diff, plain-English sentences about a program,
 * and the concept document reviewers read.
 */
export { canonicalJson, contentHash } from './canonical';
export { saveVersion, SaveVersionInput, type SavedVersion } from './save-version';
export { listVersions, ListVersionsInput } from './list-versions';
export { getVersion, GetVersionInput, type VersionWithSpec } from './get-version';
export { getProgram, GetProgramInput } from './get-program';
export { diffVersions, DiffVersionsInput, type VersionDiff } from './diff-versions';
export { getConceptDocument, GetConceptDocumentInput } from './get-concept-document';
export { toMeta, type VersionMeta } from './version-rows';
export { diffPrograms, changesByArea, type ProgramChange, type ChangeArea } from './diff';
export { applyChanges } from './apply-changes';
export { conceptDocument, buildConceptDocument, type ConceptDocument, type VersionInfo } from './concept-document';
export type { Block, DocumentModel, ListItem } from './document-model';
export { renderMarkdown } from './render-markdown';
export { renderHtml } from './render-html';
export { describeCondition } from './describe-condition';
export { describeCaps, describeEffect, describeGroup, describeStacking, describeTrigger, describeValidity } from './describe-earning';
export {
  describeExpiry,
  describeFraudRule,
  describeMetric,
  describeOffer,
  describeRetention,
  describeTierBenefits,
  describeWindow,
} from './describe-members';
export { describeJourneyStep, describeJourneyTrigger, describeScenarioEvent, describeScenarioGiven, describeScenarioThen, orderedSteps } from './describe-journeys';
export { describeContext, type DescribeContext } from './describe-text';
