import fs from 'node:fs';
import path from 'node:path';

type LockContent = { pid: number; startedAt: string; children: number[] };

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One running product per data directory. The lock file records the supervisor and
 * its children, so a lock left by a killed supervisor is recognised as stale and its
 * leftover children (for example the Temporal server) are stopped before starting anew.
 */
export class InstanceLock {
  private constructor(
    readonly file: string,
    private content: LockContent,
  ) {}

  static acquire(dataDir: string, onStale: (pids: number[]) => void = () => undefined): InstanceLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'loyalty.lock');
    const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString(), children: [] };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
        return new InstanceLock(file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let held: LockContent | undefined;
      try {
        held = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
      } catch {
        held = undefined;
      }
      if (held && held.pid !== process.pid && isAlive(held.pid)) {
        throw new Error(
          `Loyalty Studio is already running with data directory ${dataDir} (process ${held.pid}, started ${held.startedAt}).\n` +
            `Stop that one first (Ctrl-C in its terminal), or start this one with another DATA_DIR and PORT.`,
        );
      }
      onStale((held?.children ?? []).filter(isAlive));
      fs.rmSync(file, { force: true });
    }
    throw new Error(`Could not take the lock ${file}; remove it if no Loyalty Studio process is running.`);
  }

  recordChild(pid: number): void {
    this.content.children.push(pid);
    fs.writeFileSync(this.file, JSON.stringify(this.content));
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}
