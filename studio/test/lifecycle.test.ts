/// <reference lib="dom" />
import { createStaffUser } from '@loyalty/engine/auth';
import { recordRelease } from '@loyalty/engine/releases';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';
import { signedInPage, TEST_PASSWORD } from './sign-in';
import { startTemporal } from './temporal';

const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 250 });

/** An approver who holds the program's default approver role, signed in through the real page. */
async function approverPage(browser: Browser, server: Awaited<ReturnType<typeof startStudioServer>>): Promise<Page> {
  const email = `lead.${Date.now()}@example.com`;
  await createStaffUser({ ctx: { db: server.db, actor: { type: 'system', id: 'test' } }, input: { email, displayName: 'Ada Approver', role: 'approver', password: TEST_PASSWORD, approvalRoles: ['marketing-lead'] } });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Drops a palette block onto the canvas at a point relative to the pane. */
async function drop(page: Page, kind: string, at: { x: number; y: number }) {
  await page.dragAndDrop(`[data-testid="palette-${kind}"]`, '[data-testid="canvas"] .svelte-flow__pane', { targetPosition: at });
}

async function connect(page: Page, from: string, to: string) {
  const a = await centre(page, from);
  const b = await centre(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

// The whole lifecycle on real components: Chromium, the engine's HTTP app, SQLite, the Temporal
// dev server and our worker running the approval and rollout workflows.
describe('program lifecycle in Chromium on real workflows', { timeout: 240_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;
  let marketer: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startStudioServer({ temporal: startTemporal });
    browser = await launchChromium();
    marketer = await signedInPage(browser, server, 'marketer', 'Mia Marketer');
    marketer.on('pageerror', (e) => errors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds, tests, approves and rolls out a program', async () => {
    const page = marketer;
    // A blank program
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New blank program' }).first().click();
    await page.getByLabel('Program name').fill('Corner Café Club');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[^/]+$/);
    await poll(() => page.getByTestId('version-badge').textContent()).toMatch(/Version 1|Not saved/);
    await screenshot(page, 'lifecycle-01-blank-program');
    // Version 1 is what members have today (a rollout needs a running version to start from)
    const programId = new URL(page.url()).pathname.split('/').at(-1)!;
    const v1 = server.db.$client.prepare('select id from program_versions where program_id = ? and number = 1').get(programId) as { id: string };
    recordRelease({ ctx: { db: server.db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: v1.id, reason: 'Live before the test' } });

    // Two tiers by drag and drop, connected lowest to highest
    await drop(page, 'tier', { x: 300, y: 200 });
    await poll(() => page.locator('.svelte-flow__node[data-id^="tier:"]').count()).toBe(1);
    const first = page.locator('.svelte-flow__node[data-id^="tier:"]').first();
    const firstId = (await first.getAttribute('data-id'))!;
    await first.click();
    const inspector = page.getByTestId('inspector');
    await inspector.getByLabel('Name shown to the team').fill('Member');
    await drop(page, 'tier', { x: 300, y: 420 });
    await poll(() => page.locator('.svelte-flow__node[data-id^="tier:"]').count()).toBe(2);
    const secondId = (await page.locator('.svelte-flow__node[data-id^="tier:"]').evaluateAll((els, skip) => els.map((e) => e.getAttribute('data-id')).find((id) => id !== skip), firstId))!;
    await connect(page, `.svelte-flow__handle[data-nodeid="${firstId}"][data-handleid="higher"]`, `.svelte-flow__handle[data-nodeid="${secondId}"][data-handleid="lower"]`);
    // Both at threshold 0: a validation error on the upper tier, and Save is blocked
    const second = page.locator(`.svelte-flow__node[data-id="${secondId}"]`);
    await poll(() => second.getByTestId('node-issues').count()).toBe(1);
    await poll(() => page.getByRole('button', { name: /Save version/ }).isDisabled()).toBe(true);
    await screenshot(page, 'lifecycle-02-tier-validation-error');
    // Fix it in the inspector
    await second.click();
    await inspector.getByLabel('Name shown to the team').fill('Gold');
    await inspector.getByLabel('Amount of the qualifying measure needed to reach this tier').fill('500');
    await poll(() => second.getByTestId('node-issues').count()).toBe(0);
    await screenshot(page, 'lifecycle-03-fixed');

    // Save
    await page.getByRole('button', { name: /Save version/ }).click();
    await page.getByLabel('What changed? (optional)').fill('Member and Gold tiers');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => page.getByTestId('toast').first().textContent()).toContain('Saved as version');
    const saved = (await page.getByTestId('version-badge').textContent())!.match(/Version (\d+)/)![1]!;

    // Test: a simulation on the small synthetic preset, with charts
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await poll(() => page.getByTestId('simulation-summary').count(), 60_000).toBe(1);
    await poll(() => page.getByTestId('chart').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'lifecycle-04-simulation');

    // Submit for approval
    await page.getByRole('tab', { name: 'Approval' }).click();
    await page.getByRole('button', { name: `Submit version ${saved} for approval` }).click();
    await poll(() => page.getByTestId('review').textContent(), 30_000).toContain('waiting for a decision');
    await screenshot(page, 'lifecycle-05-submitted');

    // The approver: inbox, evidence, approve with a comment
    const approver = await approverPage(browser, server);
    approver.on('pageerror', (e) => errors.push(e.message));
    await approver.getByRole('link', { name: 'Approvals' }).click();
    await poll(() => approver.getByTestId('approvals-inbox').textContent()).toContain('Corner Café Club');
    await screenshot(approver, 'lifecycle-06-approver-inbox');
    await approver.getByRole('link', { name: /Review version/ }).click();
    await poll(() => approver.getByTestId('diff-summary').textContent()).toContain(`version ${saved}`);
    await screenshot(approver, 'lifecycle-07-approver-diff');
    await approver.getByRole('tab', { name: 'Concept document' }).click();
    await poll(() => approver.locator('iframe[title^="Concept document"]').count()).toBe(1);
    await approver.getByRole('tab', { name: 'Simulation and scenarios' }).click();
    await poll(() => approver.getByTestId('simulation-summary').count(), 30_000).toBe(1);
    await poll(() => approver.getByTestId('scenario-results').count()).toBe(1);
    await screenshot(approver, 'lifecycle-08-approver-evidence');
    await approver.getByLabel('Comment').fill('Thresholds look sensible; go ahead.');
    await approver.getByRole('button', { name: 'Approve', exact: true }).click();
    await poll(() => approver.getByTestId('review').textContent(), 30_000).toContain('approved');
    await poll(() => approver.getByTestId('review-history').textContent()).toContain('Thresholds look sensible');
    await screenshot(approver, 'lifecycle-09-approved');

    // The marketer starts the rollout and steers it
    await page.getByRole('tab', { name: 'Rollout' }).click();
    await page.getByRole('button', { name: `Start rollout of version ${saved}` }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Running');
    await poll(() => page.getByTestId('rollout-stages').textContent()).toContain('In progress');
    await poll(() => page.getByTestId('guardrails').textContent()).toMatch(/guardrail|Guardrail/);
    await screenshot(page, 'lifecycle-10-rollout-running');
    await page.getByLabel('Reason (optional)').fill('Checking the till receipts first');
    await page.getByRole('button', { name: 'Pause' }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Paused');
    await screenshot(page, 'lifecycle-11-rollout-paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Running');
    await screenshot(page, 'lifecycle-12-rollout-resumed');

    // Monitoring charts per version
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await poll(() => page.getByTestId('monitoring-charts').count()).toBe(1);
    await screenshot(page, 'lifecycle-13-monitoring');
    expect(errors).toEqual([]);
  });
});
