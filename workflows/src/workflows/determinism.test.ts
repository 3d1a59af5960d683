import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Workflow code is replayed; anything non-deterministic (I/O, clocks, randomness) must be an activity.
const dir = path.dirname(fileURLToPath(import.meta.url));
const workflowFiles = fs
  .readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('workflow files', () => {
  it.each(workflowFiles)('%s imports only @temporalio/workflow, other workflow files and types', (file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [, typeOnly, from] of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
      if (typeOnly) continue;
      expect(from === '@temporalio/workflow' || from!.startsWith('./'), `${file} imports '${from}' at run time`).toBe(true);
    }
  });

  it.each(workflowFiles)('%s uses no clocks, randomness or Node built-ins directly', (file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(source).not.toMatch(/\bMath\.random\(|\bsetTimeout\(|\bprocess\.|\brequire\(/);
  });
});
