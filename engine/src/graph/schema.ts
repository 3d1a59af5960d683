import { z } from 'zod';
import { Condition, EarningRule, FraudRule, IssueCode, Journey, JourneyStep, MessageTemplate, ProgramSpec, PromotionGroup, Reward, Segment, Tier, Trigger } from '../spec';

/**
 * The saved flow graph of a program: our own format, not Svelte Flow's types. The studio maps it to
 * Svelte Flow nodes and edges in one mapper file; `kind`s and handle ids below are stable.
 *
 * Node kinds (node `data` reuses the spec's schemas) and their handles (`in` = target, `out` = source):
 *
 * | kind              | data                                                     | in handles            | out handles |
 * |-------------------|----------------------------------------------------------|-----------------------|-------------|
 * | `trigger`         | `{ trigger: Trigger }` (earning trigger)                 | —                     | `then` → condition / earning-rule |
 * | `condition`       | `{ condition: Condition }` (the rule's condition)        | `when` ← trigger      | `then` → earning-rule |
 * | `earning-rule`    | EarningRule without groupId, trigger, condition          | `when` ← trigger or condition | `group` → promotion-group |
 * | `promotion-group` | PromotionGroup                                           | `rules` ← earning-rule | — |
 * | `tier`            | Tier                                                     | `lower` ← tier        | `higher` → tier (the next tier up) |
 * | `reward`, `segment`, `fraud-rule` | Reward, Segment, FraudRule (references by id in data) | — | — |
 * | `message`         | MessageTemplate                                          | —                     | `sends` → send |
 * | `journey`         | Journey without entryStepId and steps (trigger, audience, re-entry) | —          | `start` → first step |
 * | `wait`            | `{ id, name?, days, hours }`                             | `in`                  | `next` |
 * | `wait-until`      | `{ id, name?, until, timeoutDays }`                      | `in`                  | `next` (it happened), `timeout` |
 * | `branch`          | `{ id, name?, condition }`                               | `in`                  | `then`, `else` |
 * | `split`           | `{ id, name?, variants: [{ name, weight }] }`            | `in`                  | `variant-0`, `variant-1`, ... (by variant index) |
 * | `send`            | `{ id, name? }`                                          | `in`, `message` ← message | `next` |
 * | `award`           | `{ id, name?, points, reason }`                          | `in`                  | `next` |
 * | `exit`            | `{ id, name? }`                                          | `in`                  | — |
 *
 * Reading: "When [trigger] → (if [condition]) → [earning rule] → in [promotion group]";
 * "[Green] → [Silver] → [Gold]" (lowest first); "[journey] → step → step", "[message] → [send]".
 * The order of `nodes` is the order of items in the spec (rules, rewards, journey steps, ...); tiers
 * follow their ladder. Program-level settings that are not nodes live in `program`.
 */

/** Where a node sits on the canvas (top-left corner, canvas pixels). */
export const Position = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof Position>;

const [waitStep, waitUntilStep, branchStep, splitStep, sendStep, awardStep, exitStep] = JourneyStep.options;

/** Data of a `trigger` node: what makes the connected rules run. */
export const TriggerData = z.object({ trigger: Trigger });
export type TriggerData = z.infer<typeof TriggerData>;

/** Data of a `condition` node: the condition of the rules it leads to. */
export const ConditionData = z.object({ condition: Condition });
export type ConditionData = z.infer<typeof ConditionData>;

/** Data of an `earning-rule` node: the rule itself; trigger, condition and group come from edges. */
export const EarningRuleData = EarningRule.omit({ groupId: true, trigger: true, condition: true });
export type EarningRuleData = z.infer<typeof EarningRuleData>;

/** Data of a `journey` node (the journey start); its steps come from edges. */
export const JourneyData = Journey.omit({ entryStepId: true, steps: true });
export type JourneyData = z.infer<typeof JourneyData>;

const w = waitStep.shape;
/** Data of a `wait` step (the spec checks that it waits at least one hour). */
export const WaitData = z.object({ id: w.id, name: w.name, days: w.days, hours: w.hours });
export type WaitData = z.infer<typeof WaitData>;

/** Data of a `wait-until` step; it leaves through `next` (it happened) or `timeout`. */
export const WaitUntilData = waitUntilStep.omit({ kind: true, next: true, timeoutNext: true });
export type WaitUntilData = z.infer<typeof WaitUntilData>;

/** Data of a `branch` step; it leaves through `then` (yes) or `else` (no). */
export const BranchData = branchStep.omit({ kind: true, then: true, else: true });
export type BranchData = z.infer<typeof BranchData>;

/** Data of a `split` step; variant `i` leaves through handle `variant-i`. */
export const SplitData = splitStep
  .omit({ kind: true, variants: true })
  .extend({ variants: z.array(splitStep.shape.variants.element.omit({ next: true })).describe('Random split of members') });
export type SplitData = z.infer<typeof SplitData>;

/** Data of a `send` step; the message is the `message` node connected to it. */
export const SendData = sendStep.omit({ kind: true, next: true, messageId: true });
export type SendData = z.infer<typeof SendData>;

/** Data of an `award` step (bonus points). */
export const AwardData = awardStep.omit({ kind: true, next: true });
export type AwardData = z.infer<typeof AwardData>;

/** Data of an `exit` step. */
export const ExitData = exitStep.omit({ kind: true });
export type ExitData = z.infer<typeof ExitData>;

const NodeId = z.string().min(1).describe('Node id, unique in the graph');
const node = <K extends string, D extends z.ZodType>(kind: K, data: D) =>
  z.object({ id: NodeId, kind: z.literal(kind), position: Position, data });

/**
 * One node of the graph, discriminated on `kind`.
 * @example GraphNode.parse({ id: 'tier:gold', kind: 'tier', position: { x: 0, y: 0 }, data: { id: 'gold', name: 'Gold', threshold: 1500 } })
 */
export const GraphNode = z.discriminatedUnion('kind', [
  node('trigger', TriggerData),
  node('condition', ConditionData),
  node('earning-rule', EarningRuleData),
  node('promotion-group', PromotionGroup),
  node('tier', Tier),
  node('reward', Reward),
  node('segment', Segment),
  node('fraud-rule', FraudRule),
  node('message', MessageTemplate),
  node('journey', JourneyData),
  node('wait', WaitData),
  node('wait-until', WaitUntilData),
  node('branch', BranchData),
  node('split', SplitData),
  node('send', SendData),
  node('award', AwardData),
  node('exit', ExitData),
]);
export type GraphNode = z.infer<typeof GraphNode>;

/** Every node kind, in palette order. */
export const NodeKind = z.enum(GraphNode.options.map((o) => o.shape.kind.value) as [GraphNode['kind'], ...GraphNode['kind'][]]);
export type NodeKind = z.infer<typeof NodeKind>;

/** The node of one kind. @example const t: NodeOf<'tier'> = ...; t.data.threshold */
export type NodeOf<K extends NodeKind> = Extract<GraphNode, { kind: K }>;

/** Journey step kinds, which are also node kinds. */
export const STEP_KINDS = ['wait', 'wait-until', 'branch', 'split', 'send', 'award', 'exit'] as const satisfies readonly NodeKind[];
export type StepNode = NodeOf<(typeof STEP_KINDS)[number]>;

/** True for journey step nodes. @example isStepNode(node) && node.data.id */
export function isStepNode(node: GraphNode): node is StepNode {
  return (STEP_KINDS as readonly string[]).includes(node.kind);
}

/**
 * A connection from a source node's output handle to a target node's input handle.
 * A handle may be left out when only one handle on that side fits the node on the other end
 * (e.g. message -> send needs no handles; branch -> step needs `then` or `else`).
 * @example GraphEdge.parse({ id: 'e1', source: 'rule:base', target: 'group:base', sourceHandle: 'group', targetHandle: 'rules' })
 */
export const GraphEdge = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  sourceHandle: z.string().min(1).optional(),
  targetHandle: z.string().min(1).optional(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

/** Program-level settings that are not nodes, with the spec's schemas and defaults. */
export const GraphProgram = ProgramSpec.pick({ program: true, tierPolicy: true, pointsLifecycle: true, spending: true, communication: true, scenarios: true });
export type GraphProgram = z.infer<typeof GraphProgram>;

/** The current version of the saved graph format. */
export const GRAPH_VERSION = 1 as const;

/**
 * The saved graph of a program. `compileGraph` turns it into a ProgramSpec, `decompile` back.
 * @example ProgramGraph.parse({ version: 1, program: { program: { name: 'Bean Club' } }, nodes: [], edges: [] })
 */
export const ProgramGraph = z.object({
  version: z.literal(GRAPH_VERSION),
  program: GraphProgram,
  nodes: z.array(GraphNode).default([]),
  edges: z.array(GraphEdge).default([]),
});
export type ProgramGraph = z.infer<typeof ProgramGraph>;

/** Problems in the shape of the graph itself, found before the spec is built. */
export const GraphIssueCode = z.enum([
  'invalid-graph',
  'duplicate-node-id',
  'duplicate-edge-id',
  'dangling-edge',
  'unknown-handle',
  'incompatible-connection',
  'too-many-connections',
  'missing-connection',
  'tier-cycle',
  'tier-ladder-split',
  'step-outside-journey',
  'steps-shared-between-journeys',
]);
export type GraphIssueCode = z.infer<typeof GraphIssueCode>;

/**
 * A problem pinned to the node (or edge) it concerns, in words a marketer understands.
 * Codes are graph codes or the spec's issue codes (for problems found by `checkProgram`).
 * @example { nodeId: 'rule:rule-x', code: 'missing-connection', severity: 'error', message: "'Double points weekend' has no trigger connected" }
 */
export const GraphIssue = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  code: z.union([GraphIssueCode, IssueCode]),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type GraphIssue = z.infer<typeof GraphIssue>;
