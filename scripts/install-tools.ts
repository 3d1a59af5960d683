import { ensureTemporalTool } from './lib/temporal-cli';

// Installs the Temporal CLI and the time-skipping test server where they are missing
// (CI runs this before the tests; `npm start` and the tests also do it on demand).
for (const tool of ['temporal', 'temporal-test-server'] as const) {
  const where = ensureTemporalTool(tool, (line) => console.log(line));
  console.log(`${tool}: ${where}`);
}
