import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalTool } from '../../scripts/lib/temporal-cli';

/** The real Temporal dev server (the `temporal` CLI), started by the test on free ports. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  const path = ensureTemporalTool('temporal');
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path }, ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });
}

/** The real time-skipping test server, for workflows that wait for hours or days. */
export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = ensureTemporalTool('temporal-test-server');
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}
