/// <reference lib="dom" />
/**
 * The studio canvas with a 200-node program in Debian Chromium: time until every node is on
 * screen, and how long dragging a node takes and blocks the page (long tasks).
 * Prints: canvas.nodes, canvas.load_ms, canvas.drag_ms, canvas.longest_task_ms (during the drag).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decompile } from '../engine/src/graph';
import { createProgram } from '../engine/src/programs';
import { beanClubInput, ProgramSpec } from '../engine/src/spec';
import { launchChromium } from '../studio/test/browser';
import { startStudioServer } from '../studio/test/server';
import { signedInPage } from '../studio/test/sign-in';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!fs.existsSync(`${root}studio/build/index.html`)) execFileSync('npm', ['run', 'build', '--workspace', 'studio'], { cwd: root, stdio: 'ignore' });

// Bean Club plus 55 conditional rules: each adds a trigger, a condition and a rule node.
const spec = ProgramSpec.parse({
  ...beanClubInput,
  earningRules: [
    ...beanClubInput.earningRules,
    ...Array.from({ length: 55 }, (_, i) => ({
      id: `rule-spend-${i}`,
      name: `Spend bonus ${i + 1}`,
      groupId: 'base',
      trigger: { kind: 'purchase' },
      condition: { op: 'gte', field: 'event.total', value: 20 + i },
      effect: { kind: 'fixed', points: 1 + (i % 5) },
    })),
  ],
});
const nodes = decompile(spec).nodes.length;
const print = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));

const server = await startStudioServer();
const browser = await launchChromium();
try {
  const { programId } = createProgram({ ctx: { db: server.db }, input: { spec, author: 'system' } });
  const page = await signedInPage(browser, server, 'marketer', 'Bench Marketer');
  const started = performance.now();
  await page.goto(`${server.url}/programs/${programId}`);
  await page.waitForFunction((n) => document.querySelectorAll('.svelte-flow__node').length >= n, nodes, { timeout: 60_000 });
  const loadMs = performance.now() - started;

  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  // A node in view: the canvas opens fitted to the whole program.
  const node = page.locator('.svelte-flow__node.tier').first().or(page.locator('.svelte-flow__node').nth(10)).first();
  const box = (await node.boundingBox())!;
  const before = await node.getAttribute('style');
  const dragStarted = performance.now();
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 80, { steps: 20 });
  await page.mouse.up();
  const id = await node.getAttribute('data-id');
  await page.waitForFunction(([nodeId, style]) => document.querySelector(`.svelte-flow__node[data-id="${nodeId}"]`)?.getAttribute('style') !== style, [id, before] as const);
  const dragMs = performance.now() - dragStarted;
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);

  print('canvas.nodes', nodes, 'nodes');
  print('canvas.load_ms', loadMs, 'ms');
  print('canvas.drag_ms', dragMs, 'ms');
  print('canvas.longest_task_ms', longest, 'ms');
} finally {
  await browser.close();
  await server.close();
}
