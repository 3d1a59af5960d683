/// <reference lib="dom" />
import { createStaffUser } from '@loyalty/engine/auth';
import { recordRelease } from '@loyalty/engine/releases';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, launchChromium, screenshot } from './browser';
import { connect, dropNode, edge, nodePosition, panTo, zoomOut } from './flow';
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

// The whole lifecycle on real components: Chromium, the engine's HTTP app, SQLite, the Temporal
// dev server and our worker running the approval and rollout workflows.
describe('program lifecycle in Chromium on real workflows', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;
  let marketer: Page;
  const errors: string[] = [];
  /** The last screenshot taken, to tell where a page error happened. */
  let step = 'start';
  const shot = async (page: Page, name: string) => {
    step = name;
    await screenshot(page, name);
  };

  beforeAll(async () => {
    // Only this run's screenshots
    for (const f of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) if (f.startsWith('lifecycle-')) fs.rmSync(path.join(ARTIFACTS_DIR, f));
    server = await startStudioServer({ temporal: startTemporal });
    browser = await launchChromium();
    marketer = await signedInPage(browser, server, 'marketer', 'Mia Marketer');
    marketer.on('pageerror', (e) => errors.push(e.message + ' @ ' + step));
    marketer.on('console', (m) => m.type() === 'error' && errors.push(m.text() + ' @ ' + step));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds, tests, approves and rolls out a program', async () => {
    const page = marketer;
    onTestFailed(async () => {
      await screenshot(page, 'lifecycle-failed');
      if (errors.length) console.error('Page errors:', errors);
    });
    // A blank program
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New blank program' }).first().click();
    await page.getByLabel('Program name').fill('Corner Café Club');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[^/]+$/);
    await poll(() => page.getByTestId('version-badge').textContent()).toMatch(/Version 1|Not saved/);
    await shot(page, 'lifecycle-01-blank-program');
    // Version 1 is what members have today (a rollout needs a running version to start from)
    const programId = new URL(page.url()).pathname.split('/').at(-1)!;
    const v1 = server.db.$client.prepare('select id from program_versions where program_id = ? and number = 1').get(programId) as { id: string };
    recordRelease({ ctx: { db: server.db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: v1.id, reason: 'Live before the test' } });

    // Room to build: zoom out and pan so the group sits right of the middle (earning left of it,
    // tiers right of it, reward and the welcome journey below)
    const group = 'group:base';
    await zoomOut(page, 3);
    const g = await nodePosition(page, group);
    await panTo(page, { x: g.x - 130, y: g.y + 330 }, { x: 425, y: 340 });
    const at = (dx: number, dy: number) => ({ x: g.x + dx, y: g.y + dy });
    const inspector = page.getByTestId('inspector');
    const node = (id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`);

    // Two tiers by drag and drop, connected lowest to highest
    const firstId = await dropNode(page, 'tier', at(340, -40));
    expect(firstId).toMatch(/^tier:/);
    await inspector.getByLabel('Name shown to the team').fill('Member');
    const secondId = await dropNode(page, 'tier', at(340, 180));
    await connect(page, { node: firstId, handle: 'higher' }, { node: secondId, handle: 'lower' });
    await poll(() => edge(page, { node: firstId, handle: 'higher' }, { node: secondId, handle: 'lower' }).count()).toBe(1);
    // Both at threshold 0: a validation error on the upper tier, and Save is blocked
    const second = node(secondId);
    await poll(() => second.getByTestId('node-issues').count()).toBe(1);
    await poll(() => page.getByRole('button', { name: /Save version/ }).isDisabled()).toBe(true);
    await shot(page, 'lifecycle-02-tier-validation-error');
    // Fix it in the inspector
    await second.click();
    await inspector.getByLabel('Name shown to the team').fill('Gold');
    await inspector.getByLabel('Amount of the qualifying measure needed to reach this tier').fill('500');
    await poll(() => second.getByTestId('node-issues').count()).toBe(0);
    await shot(page, 'lifecycle-03-fixed');

    // An earning rule with a condition: When (purchase) → If (total at least 10) → Earning rule → Base earning
    const trigger = await dropNode(page, 'trigger', at(-840, 0));
    await inspector.getByLabel('Kind', { exact: true }).selectOption('purchase');
    await poll(() => node(trigger).textContent()).toContain('Purchase');
    const condition = await dropNode(page, 'condition', at(-560, 0));
    const builder = inspector.getByTestId('condition-builder');
    await builder.getByLabel('Kind of condition').selectOption('field');
    await builder.getByLabel('Field', { exact: true }).selectOption('event.total');
    await builder.getByLabel('Comparison').selectOption('gte');
    await builder.getByLabel('Value', { exact: true }).fill('10');
    await poll(() => node(condition).textContent()).toContain('Purchase total is at least 10');
    const rule = await dropNode(page, 'earning-rule', at(-280, 0));
    await inspector.getByLabel('Name shown to the team').fill('Points on purchases');
    await inspector.getByLabel('Kind', { exact: true }).selectOption('per-currency-unit');
    await inspector.getByLabel('Points given').fill('1');
    await inspector.getByLabel('...for every this much spent').fill('1');
    await poll(() => node(rule).textContent()).toContain('1 pt per 1 spent');
    // Not connected yet: the rule says what it misses
    await poll(() => node(rule).getByTestId('node-issues').count()).toBe(1);
    await shot(page, 'lifecycle-04-earning-blocks');
    await connect(page, { node: trigger, handle: 'then' }, { node: condition, handle: 'when' });
    await connect(page, { node: condition, handle: 'then' }, { node: rule, handle: 'when' });
    await connect(page, { node: rule, handle: 'group' }, { node: group, handle: 'rules' });
    await poll(() => edge(page, { node: trigger, handle: 'then' }, { node: condition, handle: 'when' }).count()).toBe(1);
    await poll(() => edge(page, { node: condition, handle: 'then' }, { node: rule, handle: 'when' }).count()).toBe(1);
    await poll(() => edge(page, { node: rule, handle: 'group' }, { node: group, handle: 'rules' }).count()).toBe(1);
    for (const id of [trigger, condition, rule]) await poll(() => node(id).getByTestId('node-issues').count()).toBe(0);
    await node(condition).click();
    await shot(page, 'lifecycle-05-earning-rule-with-condition');

    // A reward
    const reward = await dropNode(page, 'reward', at(0, 200));
    await inspector.getByLabel('Reward name members see').fill('Free coffee');
    await inspector.getByLabel('Points it costs').fill('150');
    await poll(() => node(reward).textContent()).toContain('Free coffee');
    await poll(() => node(reward).textContent()).toContain('150 pts');
    await shot(page, 'lifecycle-06-reward');

    // A welcome journey: Journey start (member signed up) → Send (the welcome message) → End
    const journey = await dropNode(page, 'journey', at(-840, 380));
    await inspector.getByLabel('Name shown to the team').fill('Welcome');
    await inspector.getByLabel('Kind', { exact: true }).selectOption('event');
    await inspector.getByLabel('Event', { exact: true }).selectOption('member-signed-up');
    await poll(() => node(journey).textContent()).toContain('On member-signed-up');
    const send = await dropNode(page, 'send', at(-560, 380));
    await inspector.getByLabel('Label on the canvas (optional)').fill('Send welcome');
    const exit = await dropNode(page, 'exit', at(-280, 380));
    const message = await dropNode(page, 'message', at(-840, 580));
    await inspector.getByLabel('Name shown to the team').fill('Welcome message');
    await inspector.getByLabel('Subject line or title (email and push) (optional)').fill('Welcome to {{ program.name }}');
    await inspector.getByLabel('Message text; {{ member.firstName }} inserts data').fill('Hi {{ member.firstName }}, welcome to the club! Every euro you spend earns a point.');
    await poll(() => node(message).textContent()).toContain('Welcome message');
    await connect(page, { node: journey, handle: 'start' }, { node: send, handle: 'in' });
    await connect(page, { node: send, handle: 'next' }, { node: exit, handle: 'in' });
    await connect(page, { node: message, handle: 'sends' }, { node: send, handle: 'message' });
    await poll(() => edge(page, { node: journey, handle: 'start' }, { node: send, handle: 'in' }).count()).toBe(1);
    await poll(() => edge(page, { node: send, handle: 'next' }, { node: exit, handle: 'in' }).count()).toBe(1);
    await poll(() => edge(page, { node: message, handle: 'sends' }, { node: send, handle: 'message' }).count()).toBe(1);
    for (const id of [journey, send, exit, message]) await poll(() => node(id).getByTestId('node-issues').count()).toBe(0);
    await poll(() => page.getByTestId('problems').textContent()).toMatch(/No problems|warning/);
    await poll(() => page.getByRole('button', { name: /Save version/ }).isDisabled()).toBe(false);
    await node(message).click();
    await shot(page, 'lifecycle-07-welcome-journey');

    // Save
    await page.getByRole('button', { name: /Save version/ }).click();
    await page.getByLabel('What changed? (optional)').fill('Member and Gold tiers, points on purchases of 10 or more, a free coffee and a welcome journey');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => page.getByTestId('toast').first().textContent()).toContain('Saved as version');
    const saved = (await page.getByTestId('version-badge').textContent())!.match(/Version (\d+)/)![1]!;
    await shot(page, 'lifecycle-08-saved');

    // Test: a simulation on the small synthetic preset, with charts
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await poll(() => page.getByTestId('simulation-summary').count(), 60_000).toBe(1);
    await poll(() => page.getByTestId('chart').count()).toBeGreaterThanOrEqual(3);
    // The earning rule gives points: some are issued, and the rule shows in the chart by rule
    const figure = async (label: string) => Number((await page.getByTestId('simulation-summary').locator('.card', { hasText: label }).locator('dd').textContent())!.replace(/[^\d.]/g, ''));
    expect(await figure('Points issued')).toBeGreaterThan(0);
    expect(await figure('Points per purchase')).toBeGreaterThan(0);
    expect(await page.textContent('main')).toContain('Points on purchases');
    await shot(page, 'lifecycle-09-simulation');

    // Submit for approval
    await page.getByRole('tab', { name: 'Approval' }).click();
    await page.getByRole('button', { name: `Submit version ${saved} for approval` }).click();
    await poll(() => page.getByTestId('review').textContent(), 30_000).toContain('waiting for a decision');
    await shot(page, 'lifecycle-10-submitted');

    // The approver: inbox, evidence, approve with a comment
    const approver = await approverPage(browser, server);
    approver.on('pageerror', (e) => errors.push(e.message + ' @ ' + step));
    await approver.getByRole('link', { name: 'Approvals' }).click();
    await poll(() => approver.getByTestId('approvals-inbox').textContent()).toContain('Corner Café Club');
    await shot(approver, 'lifecycle-11-approver-inbox');
    await approver.getByRole('link', { name: /Review version/ }).click();
    await poll(() => approver.getByTestId('diff-summary').textContent()).toContain(`version ${saved}`);
    await shot(approver, 'lifecycle-12-approver-diff');
    await approver.getByRole('tab', { name: 'Concept document' }).click();
    await poll(() => approver.locator('iframe[title^="Concept document"]').count()).toBe(1);
    await approver.getByRole('tab', { name: 'Simulation and scenarios' }).click();
    await poll(() => approver.getByTestId('simulation-summary').count(), 30_000).toBe(1);
    await poll(() => approver.getByTestId('scenario-results').count()).toBe(1);
    await shot(approver, 'lifecycle-13-approver-evidence');
    await approver.getByLabel('Comment').fill('Thresholds look sensible; go ahead.');
    await approver.getByRole('button', { name: 'Approve', exact: true }).click();
    await poll(() => approver.getByTestId('review').textContent(), 30_000).toContain('approved');
    await poll(() => approver.getByTestId('review-history').textContent()).toContain('Thresholds look sensible');
    await shot(approver, 'lifecycle-14-approved');

    // The marketer starts the rollout and steers it
    await page.getByRole('tab', { name: 'Rollout' }).click();
    await page.getByRole('button', { name: `Start rollout of version ${saved}` }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Running');
    await poll(() => page.getByTestId('rollout-stages').textContent()).toContain('In progress');
    await poll(() => page.getByTestId('guardrails').textContent()).toMatch(/guardrail|Guardrail/);
    await shot(page, 'lifecycle-15-rollout-running');
    await page.getByLabel('Reason (optional)').fill('Checking the till receipts first');
    await page.getByRole('button', { name: 'Pause' }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Paused');
    await shot(page, 'lifecycle-16-rollout-paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await poll(() => page.getByTestId('rollout-status').textContent(), 30_000).toContain('Running');
    await shot(page, 'lifecycle-17-rollout-resumed');

    // Journey results: runs and messages of the welcome journey as the journey relay records them
    // (three members, one per outcome; two passed an A/B split), written straight to the database
    const version = server.db.$client.prepare('select id, spec from program_versions where program_id = ? and number = ?').get(programId, Number(saved)) as { id: string; spec: string };
    const journeyId = (JSON.parse(version.spec) as { journeys: { id: string; name: string }[] }).journeys.find((j) => j.name === 'Welcome')!.id;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const seed = server.db.$client.transaction(() => {
      const member = server.db.$client.prepare('insert into members (id, program_id, email) values (?, ?, ?)');
      const run = server.db.$client.prepare(
        `insert into journey_runs (id, program_id, version_id, journey_id, member_id, trigger_event_id, status, step_id, variant, error, started_at, updated_at, ended_at)
         values (?, ?, ?, ?, ?, ?, ?, 'send', ?, ?, ?, ?, ?)`,
      );
      const message = server.db.$client.prepare(
        `insert into messages (id, program_id, member_id, run_id, journey_id, step_id, template_id, channel, status, reason, created_at) values (?, ?, ?, ?, ?, 'send', 'welcome', 'email', ?, ?, ?)`,
      );
      const runs = [
        { name: 'ana', status: 'completed', variant: 'A', error: null, sent: [['sent', null]] },
        { name: 'ben', status: 'running', variant: 'B', error: null, sent: [['sent', null], ['skipped', 'The member has not agreed to email.']] },
        { name: 'cho', status: 'failed', variant: null, error: 'The journey ran 1000 steps without an end.', sent: [['failed', 'The email server refused the address.']] },
      ] as const;
      runs.forEach((r, i) => {
        const memberId = `seeded-${r.name}`;
        const runId = `journey:${programId}:${journeyId}:${memberId}`;
        const at = minutesAgo(30 - i);
        member.run(memberId, programId, `${r.name}@example.com`);
        run.run(runId, programId, version.id, journeyId, memberId, `seeded-event-${r.name}`, r.status, r.variant, r.error, at, at, r.status === 'running' ? null : at);
        r.sent.forEach(([status, reason], n) => message.run(`${runId}:${n}`, programId, memberId, runId, journeyId, status, reason, at));
      });
    });
    seed();

    // Monitoring charts per version, and the journey results below them
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await poll(() => page.getByTestId('monitoring-charts').count()).toBe(1);
    await shot(page, 'lifecycle-18-monitoring');
    const welcome = page.getByTestId('journey-results').locator(`[data-journey="${journeyId}"]`);
    await poll(() => welcome.count()).toBe(1);
    await welcome.scrollIntoViewIfNeeded();
    expect(await welcome.getByRole('heading', { level: 3 }).textContent()).toBe('Welcome');
    // Started, running, completed, failed; messages sent, waiting, not sent, failed to send
    expect(await welcome.locator('table.figures tbody td').allTextContents()).toEqual(['3', '1', '1', '1', '2', '0', '1', '1']);
    expect(await welcome.locator('.reasons li').allTextContents()).toEqual(['Failed The email server refused the address. (1 message)', 'Not sent The member has not agreed to email. (1 message)']);
    // Variant, runs, completed, completion rate, messages sent
    const variants = welcome.getByTestId('journey-variants').locator('tbody tr');
    expect(await variants.nth(0).locator('th, td').allTextContents()).toEqual(['A', '1', '1', '100%', '1']);
    expect(await variants.nth(1).locator('th, td').allTextContents()).toEqual(['B', '1', '0', '0%', '1']);
    await shot(page, 'lifecycle-19-journey-results');
    expect(errors).toEqual([]);
  });
});
