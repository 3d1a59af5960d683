import { trpc } from '$lib/trpc';

/** Simulation calls: datasets, runs and comparisons (stored), and a version's scenario tests. */
export const simulations = {
  datasets: () => trpc.simulations.datasets.query(),
  run: (versionId: string, datasetId: string) => trpc.simulations.run.mutate({ versionId, datasetId }),
  compare: (versionIdA: string, versionIdB: string, datasetId: string) => trpc.simulations.compare.mutate({ versionIdA, versionIdB, datasetId }),
  list: (programId: string, versionId?: string) => trpc.simulations.list.query({ programId, ...(versionId ? { versionId } : {}), limit: 20 }),
  get: (runId: string) => trpc.simulations.get.query({ runId }),
  scenarios: (versionId: string) => trpc.simulations.runScenarios.mutate({ versionId }),
};

export type SimulationResult = Awaited<ReturnType<typeof simulations.run>>['result'];
export type RunMeta = Awaited<ReturnType<typeof simulations.list>>[number];
export type DatasetInfo = Awaited<ReturnType<typeof simulations.datasets>>[number];
export type ScenarioRun = Awaited<ReturnType<typeof simulations.scenarios>>;
export type ScenarioResult = ScenarioRun['results'][number];
