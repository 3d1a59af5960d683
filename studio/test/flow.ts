/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** Playwright gestures on the Svelte Flow canvas of the program editor, in canvas (flow) coordinates. */

const PANE = '[data-testid="canvas"] .svelte-flow__pane';
/** Where the canvas puts a dropped node's top-left corner relative to the pointer (screen pixels, see Flow.svelte `ondrop`). */
const DROP_OFFSET = { x: 120, y: 30 };

export type Viewport = { x: number; y: number; zoom: number; pane: { x: number; y: number; width: number; height: number } };

/** The canvas's pan and zoom (from the viewport's CSS transform) and the pane's box on the page. */
export async function viewport(page: Page): Promise<Viewport> {
  const transform = await page.locator('[data-testid="canvas"] .svelte-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform);
  if (!m) throw new Error(`Unexpected viewport transform '${transform}'`);
  const pane = await page.locator(PANE).boundingBox();
  if (!pane) throw new Error('The canvas is not visible');
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]), pane };
}

/** Page coordinates of a canvas point. */
export function toScreen(v: Viewport, p: { x: number; y: number }) {
  return { x: v.pane.x + v.x + p.x * v.zoom, y: v.pane.y + v.y + p.y * v.zoom };
}

/** Canvas position (top-left corner) of a node, from where it is drawn. */
export async function nodePosition(page: Page, nodeId: string) {
  const v = await viewport(page);
  const box = await page.locator(`.svelte-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`Node ${nodeId} is not visible`);
  return { x: (box.x - v.pane.x - v.x) / v.zoom, y: (box.y - v.pane.y - v.y) / v.zoom };
}

/** Drags with real pointer events, in small steps, the way Svelte Flow expects. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Zooms out with the canvas controls' button, `times` times, and waits for the zoom to settle. */
export async function zoomOut(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    const before = (await viewport(page)).zoom;
    await page.locator('.svelte-flow__controls-zoomout').click();
    for (let t = 0; t < 40 && (await viewport(page)).zoom >= before; t++) await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
}

/** Pans the canvas by dragging the empty background so that canvas point `p` ends up at `at` (relative to the pane). */
export async function panTo(page: Page, p: { x: number; y: number }, at: { x: number; y: number }, grab: { x: number; y: number } = { x: 60, y: 60 }) {
  const v = await viewport(page);
  const now = toScreen(v, p);
  const from = { x: v.pane.x + grab.x, y: v.pane.y + grab.y };
  await drag(page, from, { x: from.x + v.pane.x + at.x - now.x, y: from.y + v.pane.y + at.y - now.y });
  await page.waitForTimeout(200);
}

/**
 * Drags a block from the palette and drops it so that the new node's top-left corner lands on canvas
 * point `at`; returns the new node's id.
 */
export async function dropNode(page: Page, kind: string, at: { x: number; y: number }): Promise<string> {
  const ids = async () => page.locator('.svelte-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  const before = new Set(await ids());
  const v = await viewport(page);
  const corner = toScreen(v, at);
  const target = { x: corner.x + DROP_OFFSET.x - v.pane.x, y: corner.y + DROP_OFFSET.y - v.pane.y };
  if (target.x < 0 || target.y < 0 || target.x > v.pane.width || target.y > v.pane.height) {
    throw new Error(`Dropping ${kind} at ${JSON.stringify(at)} would be outside the visible canvas (${JSON.stringify(target)} in ${v.pane.width}x${v.pane.height})`);
  }
  await page.dragAndDrop(`[data-testid="palette-${kind}"]`, PANE, { targetPosition: target });
  for (let t = 0; t < 100; t++) {
    const fresh = (await ids()).filter((id) => !before.has(id));
    if (fresh.length === 1) return fresh[0]!;
    await page.waitForTimeout(100);
  }
  throw new Error(`No new ${kind} node appeared after the drop`);
}

export const handle = (nodeId: string, handleId: string) => `.svelte-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`;

async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects an output handle to an input handle by dragging between them. */
export async function connect(page: Page, from: { node: string; handle: string }, to: { node: string; handle: string }) {
  await drag(page, await centre(page, handle(from.node, from.handle)), await centre(page, handle(to.node, to.handle)));
}

/** The edge from one handle to another, as Svelte Flow draws it (edge ids are `source#handle->target#handle`). */
export const edge = (page: Page, from: { node: string; handle: string }, to: { node: string; handle: string }) =>
  page.locator(`.svelte-flow__edge[data-id^="${from.node}#${from.handle}->${to.node}#${to.handle}"]`);
