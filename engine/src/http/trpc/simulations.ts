import {
  compareSimulation,
  CompareSimulationInput,
  getSimulation,
  GetSimulationInput,
  importDataset,
  ImportDatasetInput,
  listDatasets,
  listSimulations,
  ListSimulationsInput,
  runSimulation,
  RunSimulationInput,
  runVersionScenarios,
  VersionScenariosInput,
} from '../../simulation/services';
import { router, staffProcedure } from './init';

// The author is the signed-in staff member, never a client-supplied name.
const RunInput = RunSimulationInput.omit({ author: true }).strict();
const CompareInput = CompareSimulationInput.omit({ author: true }).strict();
const ImportInput = ImportDatasetInput.omit({ author: true }).strict();

/** Simulations: replay histories against versions in memory (live balances are never touched). */
export const simulationsRouter = router({
  /** Synthetic presets, the shipped Online Retail history and imported CSV histories. */
  datasets: staffProcedure('simulations.run').query(({ ctx }) => listDatasets({ ctx })),
  /** Imports a CSV history (text with a column mapping) for backtests; returns its id and the import report. */
  importDataset: staffProcedure('simulations.run')
    .input(ImportInput)
    .mutation(({ ctx, input }) => importDataset({ ctx, input: { ...input, author: ctx.principal.userId } })),
  /** Replays a dataset (default: 5,000 synthetic members) against a version; stores and returns the run and result. */
  run: staffProcedure('simulations.run')
    .input(RunInput)
    .mutation(({ ctx, input }) => runSimulation({ ctx, input: { ...input, author: ctx.principal.userId } })),
  /** Two versions of a program side by side over the same dataset; stores the run, returns both results and B - A. */
  compare: staffProcedure('simulations.run')
    .input(CompareInput)
    .mutation(({ ctx, input }) => compareSimulation({ ctx, input: { ...input, author: ctx.principal.userId } })),
  /** One stored run with its results. */
  get: staffProcedure('simulations.run').input(GetSimulationInput).query(({ ctx, input }) => getSimulation({ ctx, input })),
  /** Stored runs of a program (optionally one version), newest first. */
  list: staffProcedure('simulations.run').input(ListSimulationsInput).query(({ ctx, input }) => listSimulations({ ctx, input })),
  /** Runs the version's scenario tests; what differed is listed per scenario. */
  runScenarios: staffProcedure('simulations.run').input(VersionScenariosInput).mutation(({ ctx, input }) => runVersionScenarios({ ctx, input })),
});
