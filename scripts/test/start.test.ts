import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../lib/instance-lock';
import { portIsFree } from '../lib/wait';
import { freePort, runSupervisor, waitForOutput, type Running } from './supervisor';

// The whole product as `npm start` runs it: real Temporal dev server, worker, server, SQLite.
// Each start bundles the workflows and boots Temporal: generous limits for a cold, busy machine.
describe('npm start supervisor', { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  const started: Running[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-start-'));
    const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    env = { DATA_DIR: dataDir, PORT: String(port), TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort) };
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const run of started) if (run.process.exitCode === null) run.process.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const run = runSupervisor(env);
    started.push(run);
    await waitForOutput(run, 'Press Ctrl-C to stop.', 240_000);
    return run;
  };
  let cookie = '';
  const signIn = async (output: string) => {
    const email = /Email\s+(\S+)/.exec(output)?.[1];
    const password = /Password\s+(\S+)/.exec(output)?.[1];
    expect(email && password, 'first start prints the admin credentials').toBeTruthy();
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-loyalty-csrf': '1' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const programs = async () => {
    const res = await fetch(`${base}/trpc/programs.list`, { headers: { cookie } });
    expect(res.ok).toBe(true);
    return ((await res.json()) as { result: { data: { name: string; latestVersion: number }[] } }).result.data;
  };
  const childPids = () => (JSON.parse(fs.readFileSync(path.join(dataDir, 'loyalty.lock'), 'utf8')) as { children: number[] }).children;
  const stop = async (run: Running, pids: number[]) => {
    run.process.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped.');
    for (const pid of pids) expect(isAlive(pid), `child ${pid} left running`).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'loyalty.lock'))).toBe(false);
    expect(await portIsFree(Number(env.PORT))).toBe(true);
    expect(await portIsFree(Number(env.TEMPORAL_DEV_PORT))).toBe(true);
  };

  it('starts everything, reports healthy, prints the URLs and seeds the demo program', async () => {
    const run = await start();
    expect(run.output()).toContain(`Studio       ${base}/`);
    expect(run.output()).toContain(`API docs     ${base}/api/docs`);
    expect(run.output()).toContain(`Temporal UI  http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>Loyalty Studio</title>');
    expect((await fetch(`${base}/api/openapi.json`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${base}/api/v1/no-such-route`)).headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`)).ok).toBe(true);

    expect((await fetch(`${base}/trpc/programs.list`)).status).toBe(401);
    await signIn(run.output());
    const list = await programs();
    expect(list).toHaveLength(1);
    expect(list[0]!.latestVersion).toBe(1);
    expect(fs.existsSync(path.join(dataDir, 'loyalty.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'temporal.db'))).toBe(true);

    // A second start on the same data directory refuses, and harms nothing.
    const second = runSupervisor(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already running with data directory/);
    expect((await fetch(`${base}/health`)).status).toBe(200);

    await stop(run, childPids());
  });

  it('restarts on the same data and keeps the demo program, seeded once', async () => {
    const run = await start();
    expect(run.output()).not.toContain('Created the demo program');
    expect(run.output()).not.toContain('created the administrator account');
    // The session from the first run is still valid: data, accounts and sessions all survive.
    const list = await programs();
    expect(list).toHaveLength(1);
    await stop(run, childPids());
  });

  it('refuses a wrong setting with a message naming the variable', async () => {
    const run = runSupervisor({ ...env, PORT: 'eighty' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain("PORT: expected a whole number from 1 to 65535, got 'eighty'");
  });
});
