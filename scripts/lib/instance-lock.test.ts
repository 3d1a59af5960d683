import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InstanceLock, isAlive } from './instance-lock';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('InstanceLock', () => {
  it('lets one supervisor hold a data directory and refuses a second while it lives', () => {
    const dir = tempDir();
    const lock = InstanceLock.acquire(dir);
    // The same file as seen from another live process.
    fs.writeFileSync(lock.file, JSON.stringify({ pid: process.ppid, startedAt: 'earlier', children: [] }));
    expect(() => InstanceLock.acquire(dir)).toThrow(/already running with data directory/);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('takes over a stale lock and reports the leftover children that still run', async () => {
    const dir = tempDir();
    const leftover = spawn('sleep', ['30'], { stdio: 'ignore' });
    fs.writeFileSync(path.join(dir, 'loyalty.lock'), JSON.stringify({ pid: 999_999_999, startedAt: 'x', children: [leftover.pid, 999_999_998] }));
    const reported: number[][] = [];
    const lock = InstanceLock.acquire(dir, (pids) => reported.push(pids));
    expect(reported).toEqual([[leftover.pid]]);
    lock.recordChild(4242);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, children: [4242] });
    leftover.kill('SIGKILL');
    await new Promise((r) => leftover.once('exit', r));
    expect(isAlive(leftover.pid!)).toBe(false);
    lock.release();
  });
});
