import type { NodeTypes } from '@xyflow/svelte';
import type { FlowNodeType } from '../flow-mapper';
import EarningNode from './EarningNode.svelte';
import JourneyNode from './JourneyNode.svelte';
import MessageNode from './MessageNode.svelte';
import RewardNode from './RewardNode.svelte';
import SafetyNode from './SafetyNode.svelte';
import TierNode from './TierNode.svelte';

/** One component per palette group. */
export const nodeTypes = {
  earning: EarningNode,
  tiers: TierNode,
  rewards: RewardNode,
  journeys: JourneyNode,
  messages: MessageNode,
  safety: SafetyNode,
} satisfies Record<FlowNodeType, unknown> as unknown as NodeTypes;

export const GROUP_STYLE: Record<FlowNodeType, { icon: string; color: string }> = {
  earning: { icon: '✦', color: '#2b63b5' },
  tiers: { icon: '▲', color: '#7a4fb5' },
  rewards: { icon: '❖', color: '#2f7d5b' },
  journeys: { icon: '➜', color: '#b55a2b' },
  messages: { icon: '✉', color: '#0f7c8c' },
  safety: { icon: '⚑', color: '#b23a3a' },
};
