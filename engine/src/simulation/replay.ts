import type { ProgramSpec } from '../spec';
import type { Dataset, SimEvent, SimMember, SyncDataset } from './datasets';
import type { ReplayOptionsInput } from './options';
import { ReplayOptions } from './options';
import { ReplayEngine } from './replay-engine';
import type { SimulationResult } from './result';
import { buildResult } from './result';

/**
 * Replays a dataset against several program versions at once: members and events are read once
 * and handed to one engine per spec, so two versions see exactly the same stream.
 * @example const [a, b] = await replayMany([specA, specB], dataset);
 */
export async function replayMany(specs: readonly ProgramSpec[], dataset: Dataset, options: ReplayOptionsInput = {}): Promise<SimulationResult[]> {
  const o = ReplayOptions.parse(options);
  const engines = specs.map((spec) => new ReplayEngine(spec, o));
  const members = dataset.members();
  if (Symbol.asyncIterator in members) {
    for await (const m of members) for (const e of engines) e.addMember(m);
  } else addMembers(engines, members);
  let last = Number.NaN;
  if (dataset.eventsSync) last = feed(engines, dataset.eventsSync());
  else {
    for await (const ev of dataset.events()) {
      for (let i = 0; i < engines.length; i++) engines[i]!.handle(ev);
      last = ev.at;
    }
  }
  return finishAll(engines, dataset, o.until ?? dataset.stats?.end ?? last);
}

/**
 * Replays an in-memory or generated dataset against one version, synchronously (the fast path).
 * @example const result = replaySync(beanClub(), syntheticDataset({ seed: 1, members: 5_000, events: 50_000 }));
 */
export function replaySync(spec: ProgramSpec, dataset: SyncDataset, options: ReplayOptionsInput = {}): SimulationResult {
  const o = ReplayOptions.parse(options);
  const engines = [new ReplayEngine(spec, o)];
  addMembers(engines, dataset.members());
  const last = feed(engines, dataset.eventsSync());
  return finishAll(engines, dataset, o.until ?? dataset.stats?.end ?? last)[0]!;
}

/**
 * Replays any dataset against one version.
 * @example const result = await replay(spec, await loadOnlineRetail());
 */
export async function replay(spec: ProgramSpec, dataset: Dataset, options: ReplayOptionsInput = {}): Promise<SimulationResult> {
  const [result] = await replayMany([spec], dataset, options);
  return result!;
}

function addMembers(engines: ReplayEngine[], members: Iterable<SimMember>): void {
  for (const m of members) for (let i = 0; i < engines.length; i++) engines[i]!.addMember(m);
}

function feed(engines: ReplayEngine[], events: Iterable<SimEvent>): number {
  let last = Number.NaN;
  if (engines.length === 1) {
    const e = engines[0]!;
    for (const ev of events) {
      e.handle(ev);
      last = ev.at;
    }
    return last;
  }
  for (const ev of events) {
    for (let i = 0; i < engines.length; i++) engines[i]!.handle(ev);
    last = ev.at;
  }
  return last;
}

function finishAll(engines: ReplayEngine[], dataset: Dataset, until: number): SimulationResult[] {
  return engines.map((e) => {
    const end = Number.isNaN(until) ? (Number.isNaN(e.now) ? 0 : e.now) : Math.max(until, Number.isNaN(e.now) ? until : e.now);
    e.finish(end);
    return buildResult(e, dataset, end);
  });
}
