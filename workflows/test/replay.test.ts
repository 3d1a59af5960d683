import fs from 'node:fs';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS_PATH } from '../src';
import { HISTORIES_DIR, loadHistory } from './histories';
import { quietRuntime } from './worker-harness';

// Recorded histories of real runs (approval approved, reminded, superseded; rollout completed and
// rolled back; database maintenance; program housekeeping with a given time and from the schedule;
// journey runs: nudged after a timeout, moved on by a visit, a reminder started ahead) replayed
// against today's workflow code: a non-deterministic change fails here.
// Refresh them with RECORD_HISTORIES=1 after an intended change guarded by patched().
const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

describe('workflow replay', () => {
  it('has a committed history of each workflow type', () => {
    expect(files.some((f) => f.startsWith('approval-'))).toBe(true);
    expect(files.some((f) => f.startsWith('rollout-'))).toBe(true);
    expect(files.some((f) => f.startsWith('maintenance-'))).toBe(true);
    expect(files.some((f) => f.startsWith('housekeeping-'))).toBe(true);
    expect(files.some((f) => f.startsWith('journey-'))).toBe(true);
  });

  it('replays every committed history without non-determinism', async () => {
    quietRuntime();
    const histories = files.map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: loadHistory(file) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
