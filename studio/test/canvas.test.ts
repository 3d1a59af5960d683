/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';
import { signedInPage } from './sign-in';

/** Centre of an element on the page. */
async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Drags with real pointer events, in small steps, the way Svelte Flow expects. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Waits for a value; the canvas compiles after a short pause and animates, so allow time. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

describe('program editor in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchChromium();
    page = await signedInPage(browser, server, 'marketer', 'Mia Marketer');
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from the template gallery to a saved second version and its diff', async () => {
    // Template gallery
    await page.goto(`${server.url}/templates`);
    const cards = page.getByTestId('template');
    await poll(() => cards.count()).toBeGreaterThanOrEqual(5);
    expect(await page.textContent('main')).toContain('Department store with tiers');
    await screenshot(page, 'editor-01-template-gallery');

    // Create a program from a template; it opens on the canvas
    await page.getByRole('button', { name: 'Start from this template: Department store with tiers' }).click();
    await page.waitForURL(/\/programs\/[^/]+$/);
    const nodes = page.getByTestId('node');
    await poll(() => nodes.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('version-badge').textContent()).toContain('Version 1');
    await poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await screenshot(page, 'editor-02-canvas-from-template');

    // Find Gold with the search box: the canvas centres on it
    await page.getByLabel('Find a node by name').fill('Gold');
    await page.getByRole('option', { name: /^Gold\s*Tier$/ }).click();
    await page.waitForTimeout(400); // the viewport animates
    expect(await page.locator('[data-node-id="tier:gold"]').getAttribute('class')).toContain('selected');

    // Drag a tier from the palette and drop it just below Gold
    const gold = await centre(page, '[data-node-id="tier:gold"]');
    await page.dragAndDrop('[data-testid="palette-tier"]', '[data-testid="canvas"] .svelte-flow__pane', {
      targetPosition: await (async () => {
        const pane = (await page.locator('[data-testid="canvas"] .svelte-flow__pane').boundingBox())!;
        return { x: gold.box.x - pane.x + 120, y: gold.box.y + gold.box.height + 50 - pane.y };
      })(),
    });
    const fresh = page.locator('[data-node-id="tier:tier-new"]');
    await poll(() => fresh.count()).toBe(1);
    // Unconnected, it is not on the tier ladder: the node shows a problem
    await poll(() => fresh.getByTestId('node-issues').count()).toBe(1);
    await screenshot(page, 'editor-03-dropped-tier');

    // Connect Gold's "Tier above" to the new tier's "Tier below"
    const out = await centre(page, '.svelte-flow__handle[data-nodeid="tier:gold"][data-handleid="higher"]');
    const inp = await centre(page, '.svelte-flow__handle[data-nodeid="tier:tier-new"][data-handleid="lower"]');
    await drag(page, out, inp);
    await poll(() => page.locator('.svelte-flow__edge[data-id*="tier:gold#higher->tier:tier-new"]').count()).toBe(1);

    // Now on the ladder, its threshold 0 is below Gold's: a validation error on the node
    const badge = fresh.getByTestId('node-issues');
    await poll(() => badge.getAttribute('title')).toContain('threshold higher than');
    await poll(() => page.getByTestId('problems').textContent()).toContain('1 error');
    expect(await page.getByRole('button', { name: /Save version/ }).isDisabled()).toBe(true);
    await screenshot(page, 'editor-04-connected-with-error');

    // Fix it in the inspector
    await fresh.click();
    const inspector = page.getByTestId('inspector');
    await poll(() => inspector.getByTestId('inspector-issues').textContent()).toContain('threshold higher than');
    await inspector.getByLabel('Name shown to the team').fill('Platinum');
    await inspector.getByLabel('Amount of the qualifying measure needed to reach this tier').fill('4000');
    await poll(() => fresh.getByTestId('node-issues').count()).toBe(0);
    await poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    expect(await fresh.textContent()).toContain('Platinum');
    await screenshot(page, 'editor-05-fixed-in-inspector');

    // Save: version 2
    await page.getByRole('button', { name: /Save version/ }).click();
    await page.getByLabel('What changed? (optional)').fill('Platinum tier at 4,000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => page.getByTestId('version-badge').textContent()).toContain('Version 2');
    await poll(() => page.getByTestId('toast').first().textContent()).toContain('Saved as version 2');
    await screenshot(page, 'editor-06-saved-version-2');

    // Saving again without changes keeps version 2 and says so
    await page.keyboard.press('Control+s');
    await poll(() => page.getByTestId('toast').allTextContents()).toContainEqual(expect.stringContaining('Nothing changed since version 2'));

    // Versions: the diff between 1 and 2
    await page.getByRole('tab', { name: 'Versions' }).click();
    await poll(() => page.getByTestId('diff-summary').textContent()).toContain('From version 1 to version 2');
    const changes = await page.getByTestId('diff-changes').allTextContents();
    expect(changes.join(' ')).toContain('Platinum');
    expect(await page.getByTestId('versions').textContent()).toContain('Platinum tier at 4,000');
    await screenshot(page, 'editor-07-version-diff');

    await page.getByRole('tab', { name: 'Concept document' }).click();
    const document = () => page.frames().find((f) => f.url() === 'about:srcdoc');
    await poll(async () => (await document()?.textContent('h1').catch(() => '')) ?? '').toContain('program concept');
    await poll(async () => (await document()?.textContent('body')) ?? '').toContain('Platinum');
    await screenshot(page, 'editor-08-concept-document');
    expect(errors).toEqual([]);
  });

  it('edits the same program in the table editors, with undo and a live message preview', async () => {
    // Tiers table: Silver at 600 shows on the canvas node
    await page.getByRole('tab', { name: 'Tiers' }).click();
    const silver = page.getByLabel('Threshold of Silver');
    await silver.fill('600');
    await screenshot(page, 'editor-09-tiers-table');
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await poll(() => page.locator('[data-node-id="tier:silver"]').textContent()).toContain('From 600');

    // Undo (focus outside any field) brings 500 back; redo 600
    await page.locator('[data-testid="canvas"] .svelte-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await poll(() => page.locator('[data-node-id="tier:silver"]').textContent()).toContain('From 500');
    await page.keyboard.press('Control+Shift+z');
    await poll(() => page.locator('[data-node-id="tier:silver"]').textContent()).toContain('From 600');

    // Copy and paste Platinum: a copy with fresh ids appears
    await page.locator('[data-node-id="tier:tier-new"]').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await poll(() => page.locator('[data-node-id="tier:tier-new-copy"]').count()).toBe(1);
    expect(await page.locator('[data-node-id="tier:tier-new-copy"]').textContent()).toContain('Platinum (copy)');
    // ...and Delete removes it again
    await page.keyboard.press('Delete');
    await poll(() => page.locator('[data-node-id="tier:tier-new-copy"]').count()).toBe(0);

    // Rewards
    await page.getByRole('tab', { name: 'Rewards' }).click();
    await poll(() => page.locator('table').first().textContent()).toContain('Voucher');
    await page.getByRole('button', { name: 'Details' }).first().click();
    await screenshot(page, 'editor-10-rewards-table');

    // Messages: the preview fills in a sample member; an unknown placeholder is flagged
    await page.getByRole('tab', { name: 'Messages' }).click();
    const preview = page.getByTestId('message-preview');
    await poll(() => preview.textContent()).toContain('Anna');
    await page.getByLabel('Text', { exact: true }).fill('Hi {{ member.firstName }}, you have {{ points.balance }} points. {{ member.shoeSize }}');
    await poll(() => preview.textContent()).toContain('Hi Anna, you have 1200 points.');
    await poll(() => preview.textContent()).toContain('Unknown placeholder: member.shoeSize');
    await screenshot(page, 'editor-11-message-preview');

    // Settings: a form generated from the spec's schema
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('What points are called (e.g. Beans, Miles)').fill('Style points');
    await screenshot(page, 'editor-12-settings');
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await poll(() => page.getByTestId('problems').textContent()).toMatch(/warning|No problems/);
    await screenshot(page, 'editor-13-canvas-after-table-edits');
    expect(errors).toEqual([]);
  });
});
