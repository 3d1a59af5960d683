/**
 * Simulation services for the studio: datasets, stored runs and comparisons, scenario tests.
 * @example const { run, result } = await runSimulation({ ctx: { db }, input: { versionId, author } });
 */
export { listDatasets, openDataset, SYNTHETIC_PRESETS, DEFAULT_DATASET_ID, type DatasetInfo } from './dataset-catalog';
export { importDataset, ImportDatasetInput, StoredImportOptions } from './import-dataset';
export { runSimulation, compareSimulation, RunSimulationInput, CompareSimulationInput } from './run-simulation';
export { getSimulation, listSimulations, runVersionScenarios, GetSimulationInput, ListSimulationsInput, VersionScenariosInput } from './read-simulations';
export { SimulationRunOptions, type SimulationRunMeta, type RunSummary } from './run-store';
