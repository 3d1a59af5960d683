import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { WorkflowHandle } from '@temporalio/client';
import { ensureTemporalTool } from '../../scripts/lib/temporal-cli';

/** Committed workflow histories that the replay test runs against the current workflow code. */
export const HISTORIES_DIR = fileURLToPath(new URL('./histories', import.meta.url));

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history as `histories/<name>.json`
 * (run the workflow tests once so to refresh them after an intended, patched change).
 * @example await recordHistory(handle, 'approval-approved', env.address)
 */
export async function recordHistory(handle: WorkflowHandle, name: string, address: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const { runId } = await handle.describe();
  // The CLI writes the proto JSON format that Worker.runReplayHistory reads.
  const json = execFileSync(ensureTemporalTool('temporal'), ['workflow', 'show', '--workflow-id', handle.workflowId, '--run-id', runId, '--address', address, '--output', 'json'], { encoding: 'utf8' });
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), json);
}

/**
 * Reads a committed history file into a History message. The SDK's own `historyFromJSON` fails in
 * this install (@temporalio/common and @temporalio/proto each carry a copy of protobufjs, and the
 * JSON parser of one rejects the types of the other), so the file is parsed with the JSON support
 * of the copy that built the History type.
 * @example await Worker.runReplayHistory({ workflowsPath }, loadHistory('approval-approved.json'))
 */
export function loadHistory(file: string): unknown {
  const require = createRequire(import.meta.url);
  const proto = require('@temporalio/proto');
  const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root');
  const { fromJson } = createRequire(require.resolve('@temporalio/proto'))('protobufjs/ext/protojson');
  const type = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');
  return fromJson(type, JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')), { ignoreUnknownFields: true });
}
