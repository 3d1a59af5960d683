import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };

/**
 * Starts a child in its own process group, so that stopping it also stops anything
 * it started (npm, tsx, esbuild) and a terminal Ctrl-C reaches only the supervisor,
 * which then stops the children in order.
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; stdio?: StdioOptions },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', () => resolve(127));
  });
  return { name, process: child, exited };
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the whole group, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  signalGroup(child.process.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.process.pid, 'SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
  // Grandchildren that ignored SIGTERM go with the group.
  signalGroup(child.process.pid, 'SIGKILL');
}
