/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own `node --import tsx`
 * process (so one benchmark's heap and JIT state do not colour the next), and prints the JSON lines
 * they print. Other output goes to stderr. Exits non-zero when a benchmark failed.
 * Run a subset: npm run bench -- simulation rules
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let rest = '';
    const flush = (line: string): void => {
      const t = line.trim();
      if (!t) return;
      if (t.startsWith('{')) console.log(t);
      else process.stderr.write(`${file}: ${t}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) flush(l);
    });
    child.on('close', (code) => {
      flush(rest);
      resolve(code ?? 1);
    });
  });
}

let failed = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const code = await runOne(file);
  if (code !== 0) {
    failed++;
    process.stderr.write(`bench: ${file} exited with ${code}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
